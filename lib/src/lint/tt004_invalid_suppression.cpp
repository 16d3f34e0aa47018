// TT004 invalid-suppression: a `# testtier: ignore[...]` comment naming an unknown code, or a
// `# noqa: ...` naming a TT code that does not exist (its other codes are other tools').
#include <fmt/format.h>

#include "lint/checks.hpp"

namespace testtier::lint_stage {

namespace {
std::vector<Finding> find_invalid_suppressions(const LintCode& code, const LintInput& input);
}  // namespace

extern const LintRule kInvalidSuppression{
    .code = {
        .code = "TT004",
        .name = "invalid-suppression",
        .severity = Severity::warning,
        .enabled_by_default = true,
        .summary = "A suppression comment names a code that does not exist.",
        .what = "A `# testtier: ignore[...]` comment with a code that is not a testtier lint code, or a "
                "`# noqa: ...` comment with a TT code that is not one (`# noqa: E501` is another tool's code, "
                "and fine).",
        .why = "A misspelled code silences nothing, so the finding it was meant for still fails CI, or worse, the "
               "author believes a finding is handled when it is not.",
        .example = "    self.store_event(data)  # testtier: ignore[TT01]",
        .fix = "Write an existing code (`testtier lint --explain TT001` shows one), or a bare "
               "`# testtier: ignore` to silence every code on the line.",
    },
    .check = find_invalid_suppressions,
};

namespace {

std::vector<Finding> find_invalid_suppressions(const LintCode& code, const LintInput& input) {
  std::vector<Finding> findings;
  for (const FileResult& file : input.classification.files) {
    const auto parsed = input.store.parsed().find(file.path);
    if (parsed == input.store.parsed().end()) continue;
    for (const Suppression& suppression : parsed->second->suppressions) {
      for (const std::string& named : suppression.codes) {
        if (find_lint_code(named) != nullptr) continue;
        if (suppression.noqa && !named.starts_with("TT")) continue;  // another tool's code
        const char* form = suppression.noqa ? "# noqa: ..." : "# testtier: ignore[...]";
        Finding finding = make_finding(
            code, file.path, suppression.location,
            fmt::format("`{}` in `{}` is not a testtier code; it silences nothing", named, form));
        finding.fix = suppression.noqa ? "use a code from `testtier lint --explain`, or a bare `# noqa`"
                                       : "use a code from `testtier lint --explain`, or a bare `# testtier: ignore`";
        findings.push_back(std::move(finding));
      }
    }
  }
  return findings;
}

}  // namespace
}  // namespace testtier::lint_stage
