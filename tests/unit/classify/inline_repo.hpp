// A repository written inline by a test, classified with rules given as TOML text, and ways to
// look at the answer.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "../rules/temp_dir.hpp"
#include "testtier/classify.hpp"
#include "testtier/rules.hpp"

namespace testtier::test {

class InlineRepo {
 public:
  explicit InlineRepo(std::string rules) : rules_(std::move(rules)) {}

  void write(const std::string& path, std::string_view text) const { dir_.write(path, text); }
  [[nodiscard]] const std::filesystem::path& root() const { return dir_.root(); }

  /// Classify the repository as `testtier classify` does by default (with its cache).
  [[nodiscard]] Classification classify_it() const {
    return classify(dir_.root(), parse_rules(rules_, "rules.toml"));
  }

 private:
  TempDir dir_;
  std::string rules_;
};

inline const TestResult* find_test(const Classification& result, std::string_view id) {
  for (const FileResult& file : result.files) {
    for (const TestResult& test : file.tests) {
      if (test.id == id) return &test;
    }
  }
  return nullptr;
}

inline const FileResult* find_file(const Classification& result, std::string_view path) {
  for (const FileResult& file : result.files) {
    if (file.path == path) return &file;
  }
  return nullptr;
}

/// Return the services of the test `id`, or {"<not collected>"} when there is no such test.
inline std::vector<std::string> services_of_test(const Classification& result, std::string_view id) {
  const TestResult* test = find_test(result, id);
  return test == nullptr ? std::vector<std::string>{"<not collected>"} : test->services;
}

inline bool has_diagnostic(const Classification& result, std::string_view code, std::string_view path = {}) {
  return std::any_of(result.diagnostics.begin(), result.diagnostics.end(), [&](const Diagnostic& d) {
    return d.code == code && (path.empty() || d.path == path);
  });
}

/// Return every `via` hop of the reasons of `test` for `service`, joined with " | " per reason.
inline std::vector<std::string> vias(const TestResult& test, std::string_view service) {
  std::vector<std::string> out;
  for (const Reason& reason : test.reasons) {
    if (reason.service != service) continue;
    std::string joined;
    for (const std::string& hop : reason.via) joined += (joined.empty() ? "" : " | ") + hop;
    out.push_back(joined);
  }
  return out;
}

}  // namespace testtier::test
