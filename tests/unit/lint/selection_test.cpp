// enabled_lint_codes() and per-file-ignores: ruff's selection (the rules' [lint] first, then the
// command line; the most specific selector wins; a select starts again), and globs per file.
#include <catch2/catch.hpp>

#include <algorithm>
#include <functional>

#include "lint/selection.hpp"
#include "testtier/lint.hpp"

using namespace testtier;

namespace {

/// Return the codes of the registry for which `keep` holds, in code order.
std::vector<std::string> codes_where(const std::function<bool(const LintCode&)>& keep) {
  std::vector<std::string> codes;
  for (const LintCode& code : lint_codes()) {
    if (keep(code)) codes.emplace_back(code.code);
  }
  return codes;
}

std::vector<LintSelector> selectors(std::initializer_list<const char*> codes) {
  std::vector<LintSelector> out;
  for (const char* code : codes) out.push_back({code, {1, 1}});
  return out;
}

Rules with_lint(LintRules lint) {
  Rules rules = default_rules();
  rules.lint = std::move(lint);
  return rules;
}

LintOptions flags(std::vector<std::string> select, std::vector<std::string> extend, std::vector<std::string> ignore) {
  LintOptions options;
  options.select = std::move(select);
  options.extend_select = std::move(extend);
  options.ignore = std::move(ignore);
  return options;
}

}  // namespace

TEST_CASE("selection: without [lint] or flags, the codes on by default", "[lint][selection]") {
  const auto defaults = codes_where([](const LintCode& c) { return c.enabled_by_default; });
  REQUIRE(defaults.size() < lint_codes().size());  // some code is off by default (TT003)
  CHECK(enabled_lint_codes(default_rules(), {}) == defaults);
}

TEST_CASE("selection: the most specific selector wins, ignore winning a tie", "[lint][selection]") {
  const Rules none = default_rules();
  CHECK(enabled_lint_codes(none, flags({"TT0"}, {}, {"TT003"})) ==
        codes_where([](const LintCode& c) { return c.code.starts_with("TT0") && c.code != "TT003"; }));
  // A whole code beats a shorter prefix the other way round too (the old rule, ignore always
  // winning, would have left nothing).
  CHECK(enabled_lint_codes(none, flags({"TT001"}, {}, {"TT0"})) == std::vector<std::string>{"TT001"});
  CHECK(enabled_lint_codes(none, flags({"TT0"}, {}, {"TT0"})).empty());
  CHECK(enabled_lint_codes(none, flags({"ALL"}, {}, {"TT9"})) ==
        codes_where([](const LintCode& c) { return !c.code.starts_with("TT9"); }));
}

TEST_CASE("selection: the file's select, then flags: --select replaces, the rest extends", "[lint][selection]") {
  const Rules rules = with_lint({.select = selectors({"TT001", "TT002"}), .extend_select = {}, .ignore = selectors({"TT002"}),
                                 .per_file_ignores = {}});
  CHECK(enabled_lint_codes(rules, {}) == std::vector<std::string>{"TT001"});
  // --select starts again: the file's select and ignore no longer count.
  CHECK(enabled_lint_codes(rules, flags({"TT002"}, {}, {})) == std::vector<std::string>{"TT002"});
  CHECK(enabled_lint_codes(rules, flags({}, {"TT003"}, {})) == std::vector<std::string>{"TT001", "TT003"});
  CHECK(enabled_lint_codes(rules, flags({}, {}, {"TT001"})).empty());
}

TEST_CASE("selection: without a select, the file's extend-select and ignore change the defaults", "[lint][selection]") {
  const Rules rules = with_lint({.select = std::nullopt, .extend_select = selectors({"TT003"}),
                                 .ignore = selectors({"TT9"}), .per_file_ignores = {}});
  CHECK(enabled_lint_codes(rules, {}) ==
        codes_where([](const LintCode& c) { return (c.enabled_by_default || c.code == "TT003") && !c.code.starts_with("TT9"); }));
  // A flag more specific than the file's ignore brings one back.
  const auto back = enabled_lint_codes(rules, flags({}, {"TT901"}, {}));
  CHECK(std::find(back.begin(), back.end(), "TT901") != back.end());
  CHECK(std::find(back.begin(), back.end(), "TT902") == back.end());
}

TEST_CASE("selection: an unknown selector on the command line is UnknownLintCode", "[lint][selection]") {
  CHECK_THROWS_AS(enabled_lint_codes(default_rules(), flags({"XY1"}, {}, {})), UnknownLintCode);
  CHECK_THROWS_AS(enabled_lint_codes(default_rules(), flags({}, {"TT01x"}, {})), UnknownLintCode);
  CHECK_THROWS_AS(enabled_lint_codes(default_rules(), flags({}, {}, {""})), UnknownLintCode);
}

TEST_CASE("is_lint_selector: codes, prefixes of codes and ALL", "[lint][selection]") {
  CHECK(is_lint_selector("TT001"));
  CHECK(is_lint_selector("TT9"));
  CHECK(is_lint_selector("T"));
  CHECK(is_lint_selector("ALL"));
  CHECK_FALSE(is_lint_selector("TT0011"));
  CHECK_FALSE(is_lint_selector("E501"));
  CHECK_FALSE(is_lint_selector("tt001"));  // callers upper-case
  CHECK_FALSE(is_lint_selector(""));
}

TEST_CASE("per-file-ignores: globs on root-relative paths, base names, negation, prefixes", "[lint][selection]") {
  const lint_stage::PerFileIgnores ignores({
      {.glob = "tests/legacy/**", .codes = selectors({"TT001"}), .location = {}},
      {.glob = "conftest.py", .codes = selectors({"TT9"}), .location = {}},
      {.glob = "!tests/**", .codes = selectors({"ALL"}), .location = {}},
  });
  CHECK(ignores.ignores("tests/legacy/test_a.py", "TT001"));
  CHECK(ignores.ignores("tests/legacy/deep/test_a.py", "TT001"));
  CHECK_FALSE(ignores.ignores("tests/legacy/test_a.py", "TT002"));
  CHECK_FALSE(ignores.ignores("tests/test_a.py", "TT001"));
  CHECK(ignores.ignores("tests/api/conftest.py", "TT904"));  // no '/': the base name at any depth
  CHECK_FALSE(ignores.ignores("tests/api/conftest.py", "TT001"));
  CHECK(ignores.ignores("testtier.toml", "TT906"));  // outside tests/: the negated glob
  CHECK_FALSE(ignores.ignores("", "TT908"));          // a finding about the run itself
}
