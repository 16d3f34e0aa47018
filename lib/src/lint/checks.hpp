// The checks behind each lint code, over one finished pipeline run.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "classify/pipeline.hpp"
#include "testtier/lint.hpp"

namespace testtier::lint_stage {

/// What every check reads.
struct LintInput {
  const Classification& classification;
  const resolve::FactStore& store;
  const Rules& rules;
};

/// TT001 (tt001_undeclared_service.cpp).
std::vector<Finding> check_undeclared_service(const LintInput& input);
/// TT002 (tt002_suspicious_import.cpp).
std::vector<Finding> check_suspicious_imports(const LintInput& input);
/// TT003 (tt003_unused_declaration.cpp).
std::vector<Finding> check_unused_declarations(const LintInput& input);
/// TT004 (tt004_invalid_suppression.cpp): in the test files of the classification.
std::vector<Finding> check_invalid_suppressions(const LintInput& input);
/// TT9xx (input_problems.cpp): the classification's diagnostics as findings.
std::vector<Finding> input_problem_findings(const LintInput& input);

/// Return whether `finding` is silenced by a `# testtier: ignore` comment on its line or on the
/// `def`/`class` line of a definition that contains it, in `facts` (its file).
bool is_suppressed(const Finding& finding, const FileFacts& facts);

/// Return a declaration of `service` that the rules accept, phrased as advice ("add `pytestmark =
/// [requires_snuba]` (from sentry.testutils.skips)"), using mark aliases found in `store`.
std::string declaration_advice(const std::string& service, const Rules& rules, const resolve::FactStore& store);

}  // namespace testtier::lint_stage
