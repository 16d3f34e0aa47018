#include <catch2/catch.hpp>

#include "report/sample_lint_result.hpp"
#include "testtier/lint_report.hpp"

using namespace testtier;

namespace {

// Written by hand: ruff's concise shape, line 0 shown as 1:1, later lines of a message and the
// fix indented, then a blank line and the summary.
constexpr const char* expected_text =
    "tests/api/test owners.py:3:1: TT002 `sentry.snuba` imported for types only; snuba is not declared\n"
    "tests/latin1.py:1:1: TT902 the file is not UTF-8\n"
    "tests/odd,name:1.py:7:4: TT901 syntax error: 100% sure, near `(`\r\n"
    "  line 2\n"
    "tests/snuba/test_a.py:12:9: TT001 snuba is used through `store_event` but never declared\n"
    "  help: add `pytestmark = [requires_snuba]`\n"
    "\n"
    "Found 4 findings (2 suppressed).\n";

}  // namespace

TEST_CASE("lint text: one line per finding, help lines, summary", "[lint-report]") {
  CHECK(lint_to_text(test::sample_lint_result()) == expected_text);
}

TEST_CASE("lint text: the summary counts findings and suppressions", "[lint-report]") {
  LintResult result;
  CHECK(lint_to_text(result) == "All checks passed.\n");
  result.suppressed = 3;
  CHECK(lint_to_text(result) == "All checks passed (3 suppressed).\n");
  result.suppressed = 0;
  result.findings.push_back(Finding{"TT001", Severity::warning, "t.py", {2, 0}, "m", ""});
  CHECK(lint_to_text(result) == "t.py:2:1: TT001 m\n\nFound 1 finding.\n");
}

TEST_CASE("lint text: undecodable bytes are spelled `backslash-x NN` and control characters escaped", "[lint-report]") {
  LintResult result;
  result.findings.push_back(Finding{"TT902", Severity::error, "bad\xFF.py", {0, 0}, "m", ""});
  CHECK(lint_to_text(result) == "bad\\xFF.py:1:1: TT902 m\n\nFound 1 finding.\n");
  result.findings[0].path = "a\nb.py:9:9: TT001 forged\n.py";
  CHECK(lint_to_text(result) == "a\\nb.py:9:9: TT001 forged\\n.py:1:1: TT902 m\n\nFound 1 finding.\n");
  result.findings[0].path = "a.py";
  result.findings[0].message = "snippet `x\ry\vz`\nsecond line";
  CHECK(lint_to_text(result) == "a.py:1:1: TT902 snippet `x\\ry\\vz`\n  second line\n\nFound 1 finding.\n");
}

TEST_CASE("lint text: a finding about the run itself has no path and no position", "[lint-report]") {
  LintResult result;
  result.findings.push_back(Finding{"TT908", Severity::note, "", {}, "the cache was not saved", ""});
  CHECK(lint_to_text(result) == "testtier: TT908 the cache was not saved\n\nFound 1 finding.\n");
}

namespace {

/// Return `text` without its ANSI SGR escapes (ESC [ ... m).
std::string without_escapes(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\x1b' && i + 1 < text.size() && text[i + 1] == '[') {
      i = text.find('m', i);
      continue;
    }
    out += text[i];
  }
  return out;
}

}  // namespace

TEST_CASE("lint text in colour: path bold, code by severity, help and summary, the same text beneath",
          "[lint-report][color]") {
  const std::string colored = lint_to_text(test::sample_lint_result(), {.color = true});
  CHECK(without_escapes(colored) == expected_text);
  CHECK_THAT(colored, Catch::StartsWith("\x1b[1mtests/api/test owners.py\x1b[0m\x1b[36m:\x1b[0m3\x1b[36m:\x1b[0m1"
                                        "\x1b[36m:\x1b[0m \x1b[1;36mTT002\x1b[0m `sentry.snuba`"));  // a note: cyan
  CHECK_THAT(colored, Catch::Contains(" \x1b[1;31mTT001\x1b[0m snuba is used"));          // a warning: red
  CHECK_THAT(colored, Catch::Contains("  \x1b[1;36mhelp:\x1b[0m add `pytestmark"));
  CHECK(lint_to_text(LintResult{}, {.color = true}) == "\x1b[1;32mAll checks passed.\x1b[0m\n");
  CHECK(lint_to_text(test::sample_lint_result(), {.color = false}).find('\x1b') == std::string::npos);
}

TEST_CASE("lint statistics: COUNT  CODE  NAME, most frequent first, then by code", "[lint-report][statistics]") {
  LintResult result;
  const auto add = [&](const char* code, int times) {
    for (int i = 0; i < times; ++i) result.findings.push_back(Finding{code, Severity::warning, "t.py", {1, 1}, "m", ""});
  };
  add("TT901", 2);
  add("TT001", 12);
  add("TT002", 2);
  add("TT906", 1);
  CHECK(lint_statistics_to_text(result) ==
        "12  TT001  undeclared-service\n"
        " 2  TT002  suspicious-import\n"
        " 2  TT901  syntax-error\n"
        " 1  TT906  unmatched-rule\n");
  const auto statistics = lint_statistics(result);
  REQUIRE(statistics.size() == 4);
  CHECK(statistics[0] == LintStatistic{"TT001", "undeclared-service", 12});
  CHECK(lint_statistics_to_text(LintResult{}).empty());
  CHECK(lint_statistics_to_text(result, {.color = true}).starts_with("12  \x1b[1;31mTT001\x1b[0m  undeclared-service\n"));
}
