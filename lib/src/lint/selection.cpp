// Code selection as ruff does it: each selection (the rules' [lint], then the command line) is
// resolved by specificity, a `select` starting again from nothing; per-file-ignores apply last.
#include "lint/selection.hpp"

#include <algorithm>
#include <optional>
#include <set>

#include "testtier/lint.hpp"

namespace testtier::lint_stage {
namespace {

/// One selection: ruff's RuleSelection.
struct Selection {
  std::optional<std::vector<std::string>> select;
  std::vector<std::string> extend_select;
  std::vector<std::string> ignore;
};

/// Return how specific `selector` is: ALL least, then longer prefixes, a whole code most.
int specificity(std::string_view selector) { return selector == "ALL" ? 0 : static_cast<int>(selector.size()); }

/// Return whether `selection` turns `code` on (true), off (false) or says nothing (nullopt):
/// the most specific selector that matches decides, `ignore` winning a tie.
std::optional<bool> decision(const Selection& selection, std::string_view code) {
  int best = -1;
  std::optional<bool> on;
  const auto consider = [&](const std::vector<std::string>& selectors, bool value, bool wins_tie) {
    for (const std::string& selector : selectors) {
      if (!selector_matches(selector, code)) continue;
      const int level = specificity(selector);
      if (level > best || (wins_tie && level == best)) {
        best = level;
        on = value;
      }
    }
  };
  if (selection.select) consider(*selection.select, true, false);
  consider(selection.extend_select, true, false);
  consider(selection.ignore, false, true);
  return on;
}

/// Return `selectors`' codes.
std::vector<std::string> codes_of(const std::vector<LintSelector>& selectors) {
  std::vector<std::string> codes;
  for (const LintSelector& selector : selectors) codes.push_back(selector.code);
  return codes;
}

void check_known(const std::vector<std::string>& selectors) {
  for (const std::string& selector : selectors) {
    if (!is_lint_selector(selector)) throw UnknownLintCode("unknown lint code or prefix `" + selector + "`");
  }
}

}  // namespace

bool selector_matches(std::string_view selector, std::string_view code) {
  return selector == "ALL" || code.starts_with(selector);
}

PerFileIgnores::PerFileIgnores(const std::vector<PerFileIgnore>& entries) {
  for (const PerFileIgnore& entry : entries) {
    const bool negated = entry.glob.starts_with('!');
    entries_.push_back({Glob(negated ? entry.glob.substr(1) : entry.glob), negated, codes_of(entry.codes)});
  }
}

bool PerFileIgnores::ignores(std::string_view path, std::string_view code) const {
  if (path.empty()) return false;
  return std::any_of(entries_.begin(), entries_.end(), [&](const Entry& entry) {
    if (entry.glob.matches(path) == entry.negated) return false;
    return std::any_of(entry.codes.begin(), entry.codes.end(),
                       [&](const std::string& selector) { return selector_matches(selector, code); });
  });
}

}  // namespace testtier::lint_stage

namespace testtier {

bool is_lint_selector(std::string_view selector) {
  if (selector.empty()) return false;
  return std::any_of(lint_codes().begin(), lint_codes().end(),
                     [&](const LintCode& code) { return lint_stage::selector_matches(selector, code.code); });
}

std::vector<std::string> enabled_lint_codes(const Rules& rules, const LintOptions& options) {
  using lint_stage::Selection;
  for (const auto* list : {&options.select, &options.extend_select, &options.ignore}) lint_stage::check_known(*list);
  Selection from_rules;
  if (rules.lint.select) from_rules.select = lint_stage::codes_of(*rules.lint.select);
  from_rules.extend_select = lint_stage::codes_of(rules.lint.extend_select);
  from_rules.ignore = lint_stage::codes_of(rules.lint.ignore);
  Selection from_options;
  if (!options.select.empty()) from_options.select = options.select;
  from_options.extend_select = options.extend_select;
  from_options.ignore = options.ignore;

  std::set<std::string_view> enabled;
  for (const LintCode& code : lint_codes()) {
    if (code.enabled_by_default) enabled.insert(code.code);
  }
  for (const Selection* selection : {&from_rules, &from_options}) {
    if (selection->select) enabled.clear();  // a select starts again from nothing
    for (const LintCode& code : lint_codes()) {
      const std::optional<bool> on = lint_stage::decision(*selection, code.code);
      if (on == true) enabled.insert(code.code);
      if (on == false) enabled.erase(code.code);
    }
  }
  std::vector<std::string> codes;
  for (const LintCode& code : lint_codes()) {
    if (enabled.contains(code.code)) codes.emplace_back(code.code);
  }
  return codes;
}

}  // namespace testtier
