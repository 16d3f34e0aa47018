// Lint: tests that use a service they never declare, suspicious imports, unused declarations,
// and input problems, as findings with codes (TT001 ...), each documented in one place.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "testtier/classify.hpp"
#include "testtier/diagnostic.hpp"
#include "testtier/rules.hpp"

namespace testtier {

/// One lint code and its documentation (what `testtier lint --explain CODE` prints).
struct LintCode {
  std::string_view code;          ///< "TT001"
  std::string_view name;          ///< "undeclared-service"
  Severity severity;              ///< default severity of its findings
  bool enabled_by_default;
  std::string_view summary;       ///< one sentence
  std::string_view what;          ///< what it finds
  std::string_view why;           ///< why it matters
  std::string_view example;       ///< Python that triggers it
  std::string_view fix;           ///< how to fix it (what to write instead)
};

/// Return every lint code, in code order.
const std::vector<LintCode>& lint_codes();

/// Return the code `code` ("TT001"), or nullptr when there is none.
const LintCode* find_lint_code(std::string_view code);

/// Return the documentation of `code` as Markdown-ish text (sections What / Why / Example / Fix).
std::string explain_lint_code(const LintCode& code);

/// One finding.
struct Finding {
  std::string code;               ///< "TT001"
  Severity severity = Severity::warning;
  std::string path;               ///< relative to the root, with '/'
  SourceLocation location;        ///< line 0: the whole file
  std::string message;
  std::string fix;                ///< a suggested change, "" when none

  friend bool operator==(const Finding&, const Finding&) = default;
};

/// Which codes to report: `select` codes or prefixes ("TT0", "TT9", "ALL"), empty for the
/// defaults; then `ignore` removes codes or prefixes.
struct LintOptions {
  std::vector<std::string> select;
  std::vector<std::string> ignore;
  /// How the repository is classified for the checks: threads, parse limits, the cache, and
  /// `classify.only_files` — when not empty, lint only the test files among these root-relative
  /// files and directories (and report no run-wide finding such as TT906), still resolving bases
  /// and fixtures from the whole repository.
  ClassifyOptions classify;
};

/// What a lint run found.
struct LintResult {
  std::vector<Finding> findings;  ///< sorted by path, line, column, code; suppressed ones removed
  std::size_t suppressed = 0;     ///< findings silenced by `# testtier: ignore[...]`
  std::size_t files_checked = 0;  ///< test files linted
};

/// Thrown for a code or prefix in `select`/`ignore` that names no lint code.
class UnknownLintCode : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

/// Lint the repository at `root` under `rules`. Throws UnknownLintCode for a bad selection; never
/// throws on bad input (it becomes TT9xx findings).
LintResult lint(const std::filesystem::path& root, const Rules& rules, const LintOptions& options = {});

}  // namespace testtier
