#include <catch2/catch.hpp>

#include "report/sample_lint_result.hpp"
#include "testtier/lint_report.hpp"

using namespace testtier;

namespace {

// Written by hand from GitHub's workflow command syntax: `%`, CR and LF escaped in the message;
// `:` and `,` too in property values; no line or col for a whole-file finding.
constexpr const char* expected_commands =
    "::notice file=tests/api/test owners.py,line=3,col=1,title=TT002::`sentry.snuba` imported for "
    "types only; snuba is not declared\n"
    "::error file=tests/latin1.py,title=TT902::the file is not UTF-8\n"
    "::error file=tests/odd%2Cname%3A1.py,line=7,col=4,title=TT901::syntax error: 100%25 sure, near "
    "`(`%0D%0Aline 2\n"
    "::warning file=tests/snuba/test_a.py,line=12,col=9,title=TT001::snuba is used through "
    "`store_event` but never declared%0AFix: add `pytestmark = [requires_snuba]`\n";

}  // namespace

TEST_CASE("lint github: one escaped workflow command per finding", "[lint-report]") {
  CHECK(lint_to_github(test::sample_lint_result()) == expected_commands);
}

TEST_CASE("lint github: no findings, no commands", "[lint-report]") {
  LintResult result;
  result.suppressed = 4;
  CHECK(lint_to_github(result).empty());
}

TEST_CASE("lint github: a line without a column gives no col", "[lint-report]") {
  LintResult result;
  result.findings.push_back(Finding{"TT001", Severity::warning, "t.py", {5, 0}, "m", ""});
  CHECK(lint_to_github(result) == "::warning file=t.py,line=5,title=TT001::m\n");
}

TEST_CASE("lint github: a finding about the run itself is an annotation without a file", "[lint-report]") {
  LintResult result;
  result.findings.push_back(Finding{"TT908", Severity::note, "", {}, "the cache was not saved", ""});
  CHECK(lint_to_github(result) == "::notice title=TT908::the cache was not saved\n");
}
