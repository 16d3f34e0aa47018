// The registry: every lint rule, in code order, as ruff's codes.rs. A new code is a file named
// after it that defines its rule, and its row here.
#include <array>

#include <fmt/format.h>

#include "lint/checks.hpp"

namespace testtier::lint_stage {

// Each defined in the file named after its code.
extern const LintRule kUndeclaredService;   // tt001_undeclared_service.cpp
extern const LintRule kSuspiciousImport;    // tt002_suspicious_import.cpp
extern const LintRule kUnusedDeclaration;   // tt003_unused_declaration.cpp
extern const LintRule kInvalidSuppression;  // tt004_invalid_suppression.cpp
extern const LintRule kSyntaxError;         // tt901_syntax_error.cpp
extern const LintRule kUndecodableFile;     // tt902_undecodable_file.cpp
extern const LintRule kUnreadableFile;      // tt903_unreadable_file.cpp
extern const LintRule kUnresolvedBase;      // tt904_unresolved_base.cpp
extern const LintRule kFixtureCycle;        // tt905_fixture_cycle.cpp
extern const LintRule kUnmatchedRule;       // tt906_unmatched_rule.cpp
extern const LintRule kInvalidConfiguration;  // tt907_invalid_configuration.cpp
extern const LintRule kUnusableCache;       // tt908_unusable_cache.cpp

namespace {

constexpr std::array kRules = {
    &kUndeclaredService, &kSuspiciousImport, &kUnusedDeclaration, &kInvalidSuppression,
    &kSyntaxError,       &kUndecodableFile,  &kUnreadableFile,    &kUnresolvedBase,
    &kFixtureCycle,      &kUnmatchedRule,    &kInvalidConfiguration, &kUnusableCache,
};

}  // namespace

std::span<const LintRule* const> lint_rules() { return kRules; }

}  // namespace testtier::lint_stage

namespace testtier {

const std::vector<LintCode>& lint_codes() {
  static const std::vector<LintCode> codes = [] {
    std::vector<LintCode> all;
    for (const lint_stage::LintRule* rule : lint_stage::lint_rules()) all.push_back(rule->code);
    return all;
  }();
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
