// lint(): classify, run the check of every selected rule, drop what suppressions silence.
#include <algorithm>
#include <set>
#include <tuple>

#include "lint/checks.hpp"

namespace testtier {
namespace {

bool selector_matches(const std::string& selector, std::string_view code) {
  return selector == "ALL" || code.starts_with(selector);
}

/// Return the codes `select` and `ignore` leave on. Throws UnknownLintCode for a selector that
/// matches no code.
std::set<std::string> enabled_codes(const LintOptions& options) {
  for (const auto* list : {&options.select, &options.ignore}) {
    for (const std::string& selector : *list) {
      const bool known = std::any_of(lint_codes().begin(), lint_codes().end(),
                                     [&](const LintCode& code) { return selector_matches(selector, code.code); });
      if (!known) throw UnknownLintCode("unknown lint code or prefix `" + selector + "`");
    }
  }
  std::set<std::string> enabled;
  for (const LintCode& code : lint_codes()) {
    const bool selected = options.select.empty()
                              ? code.enabled_by_default
                              : std::any_of(options.select.begin(), options.select.end(),
                                            [&](const std::string& s) { return selector_matches(s, code.code); });
    const bool ignored = std::any_of(options.ignore.begin(), options.ignore.end(),
                                     [&](const std::string& s) { return selector_matches(s, code.code); });
    if (selected && !ignored) enabled.emplace(code.code);
  }
  return enabled;
}

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
  const std::set<std::string> enabled = enabled_codes(options);
  const classify_stage::PipelineRun run = classify_stage::run_pipeline(root, rules, options.classify);
  const lint_stage::LintInput input{run.classification, *run.store, rules};

  std::set<std::string> linted;
  for (const FileResult& file : run.classification.files) linted.insert(file.path);
  LintResult result;
  result.files_checked = linted.size();
  for (Finding& finding : all_findings(input, enabled)) {
    if (!options.classify.only_files.empty() && !linted.contains(finding.path)) continue;
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
