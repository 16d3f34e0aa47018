// Which codes a lint run reports: ruff's select/extend-select/ignore, and per-file-ignores.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "testtier/glob.hpp"
#include "testtier/rules.hpp"

namespace testtier::lint_stage {

/// The rules' `per-file-ignores`, compiled once for a run.
class PerFileIgnores {
 public:
  /// Compile `entries`. Throws std::invalid_argument for a glob that does not compile (rules
  /// read from a file were checked already).
  explicit PerFileIgnores(const std::vector<PerFileIgnore>& entries);

  /// Return whether `code` is ignored in the root-relative file `path` ("" for a finding about
  /// the run itself, which no entry matches).
  [[nodiscard]] bool ignores(std::string_view path, std::string_view code) const;

 private:
  struct Entry {
    Glob glob;
    bool negated = false;
    std::vector<std::string> codes;
  };
  std::vector<Entry> entries_;
};

/// Return whether `selector` ("TT0", "TT001", "ALL") selects `code`.
bool selector_matches(std::string_view selector, std::string_view code);

}  // namespace testtier::lint_stage
