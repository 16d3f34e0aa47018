// TT004 invalid-suppression: a `# testtier: ignore[...]` comment naming an unknown code.
#include <fmt/format.h>

#include "lint/checks.hpp"
#include "lint/codes.hpp"

namespace testtier::lint_stage {

const LintCode kInvalidSuppression{
    "TT004",
    "invalid-suppression",
    Severity::warning,
    true,
    "A suppression comment names a code that does not exist.",
    "A `# testtier: ignore[...]` comment with a code that is not a testtier lint code.",
    "A misspelled code silences nothing, so the finding it was meant for still fails CI, or worse, the "
    "author believes a finding is handled when it is not.",
    "    self.store_event(data)  # testtier: ignore[TT01]",
    "Write an existing code (`testtier lint --explain TT001` shows one), or a bare "
    "`# testtier: ignore` to silence every code on the line."};


std::vector<Finding> check_invalid_suppressions(const LintInput& input) {
  std::vector<Finding> findings;
  for (const FileResult& file : input.classification.files) {
    const auto parsed = input.store.parsed().find(file.path);
    if (parsed == input.store.parsed().end()) continue;
    for (const Suppression& suppression : parsed->second->suppressions) {
      for (const std::string& code : suppression.codes) {
        if (find_lint_code(code) != nullptr) continue;
        Finding finding;
        finding.code = std::string(kInvalidSuppression.code);
        finding.severity = kInvalidSuppression.severity;
        finding.path = file.path;
        finding.location = suppression.location;
        finding.message = fmt::format("`{}` in `# testtier: ignore[...]` is not a testtier code; it silences nothing",
                                      code);
        finding.fix = "use a code from `testtier lint --explain`, or a bare `# testtier: ignore`";
        findings.push_back(std::move(finding));
      }
    }
  }
  return findings;
}

}  // namespace testtier::lint_stage
