#include "lint/codes.hpp"

#include <fmt/format.h>

namespace testtier {

const std::vector<LintCode>& lint_codes() {
  using namespace lint_stage;
  static const std::vector<LintCode> codes = {
      kUndeclaredService, kSuspiciousImport, kUnusedDeclaration, kInvalidSuppression, kSyntaxError,
      kUndecodableFile,   kUnreadableFile,   kUnresolvedBase,     kFixtureCycle,
      kUnmatchedRule};
  return codes;
}

const LintCode* find_lint_code(std::string_view code) {
  for (const LintCode& known : lint_codes()) {
    if (known.code == code) return &known;
  }
  return nullptr;
}

std::string explain_lint_code(const LintCode& code) {
  return fmt::format(
      "{} {} ({}, {})\n\n{}\n\n## What it finds\n{}\n\n## Why it matters\n{}\n\n## Example\n{}\n\n## Fix\n{}\n",
      code.code, code.name, to_string(code.severity), code.enabled_by_default ? "on by default" : "off by default",
      code.summary, code.what, code.why, code.example, code.fix);
}

}  // namespace testtier
