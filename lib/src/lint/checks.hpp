// A lint rule (a code with its documentation and its check), the registry of them, and what
// checks share. Each rule is defined in the file named after its code (tt001_*.cpp ...).
#pragma once

#include <span>
#include <string>
#include <string_view>
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

/// One lint code and the check that finds it.
struct LintRule {
  LintCode code;
  /// Return the findings of `code` (this rule's) in `input`.
  std::vector<Finding> (*check)(const LintCode& code, const LintInput& input);
};

/// Return every lint rule, in code order (codes.cpp: the only list).
std::span<const LintRule* const> lint_rules();

/// Return a finding of `code`, at its default severity, without a fix.
Finding make_finding(const LintCode& code, std::string path, SourceLocation location, std::string message);

/// Return the classification's diagnostics coded `code` as findings, at their own severity: the
/// check of every TT9xx rule (input problems, found by the earlier stages).
std::vector<Finding> reported_diagnostics(const LintCode& code, const LintInput& input);

/// Return whether `finding` is silenced by a `# testtier: ignore` comment on its line or on the
/// `def`/`class` line of a definition that contains it, or by a `# noqa` (bare, or naming its
/// code) on its line, in `facts` (its file).
bool is_suppressed(const Finding& finding, const FileFacts& facts);

/// Return a declaration of `service` that the rules accept, phrased as advice ("add `pytestmark =
/// [requires_snuba]` (from sentry.testutils.skips)"), using mark aliases found in `store`.
std::string declaration_advice(const std::string& service, const Rules& rules, const resolve::FactStore& store);

}  // namespace testtier::lint_stage
