// lint(): classify, run the check of every selected rule, drop what suppressions and the rules'
// per-file-ignores silence.
#include <algorithm>
#include <set>
#include <tuple>

#include "lint/checks.hpp"
#include "lint/selection.hpp"

namespace testtier {
namespace {

/// Return the findings of every rule whose code is `enabled`, in registry order.
std::vector<Finding> all_findings(const lint_stage::LintInput& input, const std::set<std::string>& enabled) {
  std::vector<Finding> findings;
  for (const lint_stage::LintRule* rule : lint_stage::lint_rules()) {
    if (!enabled.contains(std::string(rule->code.code))) continue;
    std::vector<Finding> found = rule->check(rule->code, input);
    findings.insert(findings.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
  }
  return findings;
}

void sort_findings(std::vector<Finding>& findings) {
  const auto key = [](const Finding& f) { return std::tie(f.path, f.location, f.code, f.message); };
  std::sort(findings.begin(), findings.end(), [&](const Finding& a, const Finding& b) { return key(a) < key(b); });
  findings.erase(std::unique(findings.begin(), findings.end()), findings.end());
}

}  // namespace

LintResult lint(const std::filesystem::path& root, const Rules& rules, const LintOptions& options) {
  const std::vector<std::string> codes = enabled_lint_codes(rules, options);
  const std::set<std::string> enabled(codes.begin(), codes.end());
  const lint_stage::PerFileIgnores per_file_ignores(rules.lint.per_file_ignores);
  const classify_stage::PipelineRun run = classify_stage::run_pipeline(root, rules, options.classify);
  const lint_stage::LintInput input{run.classification, *run.store, rules};

  std::set<std::string> linted;
  for (const FileResult& file : run.classification.files) linted.insert(file.path);
  LintResult result;
  result.files_checked = linted.size();
  for (Finding& finding : all_findings(input, enabled)) {
    if (!options.classify.only_files.empty() && !linted.contains(finding.path)) continue;
    if (per_file_ignores.ignores(finding.path, finding.code)) continue;
    const auto facts = run.store->parsed().find(finding.path);
    if (facts != run.store->parsed().end() && lint_stage::is_suppressed(finding, *facts->second)) {
      ++result.suppressed;
      continue;
    }
    result.findings.push_back(std::move(finding));
  }
  sort_findings(result.findings);
  return result;
}

}  // namespace testtier
