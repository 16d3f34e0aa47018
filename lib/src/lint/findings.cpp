// Findings built from a code, or from the diagnostics the earlier stages reported.
#include "lint/checks.hpp"

namespace testtier::lint_stage {

Finding make_finding(const LintCode& code, std::string path, SourceLocation location, std::string message) {
  return Finding{.code = std::string(code.code),
                 .severity = code.severity,
                 .path = std::move(path),
                 .location = location,
                 .message = std::move(message),
                 .fix = {}};
}

std::vector<Finding> reported_diagnostics(const LintCode& code, const LintInput& input) {
  std::vector<Finding> findings;
  for (const Diagnostic& diagnostic : input.classification.diagnostics) {
    if (diagnostic.code != code.code) continue;
    Finding finding = make_finding(code, diagnostic.path, diagnostic.location, diagnostic.message);
    finding.severity = diagnostic.severity;  // a cache note, a warning, an unreadable root's error
    findings.push_back(std::move(finding));
  }
  return findings;
}

}  // namespace testtier::lint_stage
