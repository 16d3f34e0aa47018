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

TEST_CASE("lint text: undecodable bytes are spelled \\xNN and control characters escaped", "[lint-report]") {
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
