#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "report/sample_lint_result.hpp"
#include "testtier/lint_report.hpp"

using namespace testtier;

namespace {

// Written by hand from lint_report.hpp: keys in the documented order, names from the registry.
constexpr const char* expected_json = R"json({
  "schema": "testtier-lint/v1",
  "findings": [
    {
      "code": "TT002",
      "name": "suspicious-import",
      "severity": "note",
      "path": "tests/api/test owners.py",
      "line": 3,
      "column": 1,
      "message": "`sentry.snuba` imported for types only; snuba is not declared",
      "fix": ""
    },
    {
      "code": "TT902",
      "name": "undecodable-file",
      "severity": "error",
      "path": "tests/latin1.py",
      "line": 0,
      "column": 0,
      "message": "the file is not UTF-8",
      "fix": ""
    },
    {
      "code": "TT901",
      "name": "syntax-error",
      "severity": "error",
      "path": "tests/odd,name:1.py",
      "line": 7,
      "column": 4,
      "message": "syntax error: 100% sure, near `(`\r\nline 2",
      "fix": ""
    },
    {
      "code": "TT001",
      "name": "undeclared-service",
      "severity": "warning",
      "path": "tests/snuba/test_a.py",
      "line": 12,
      "column": 9,
      "message": "snuba is used through `store_event` but never declared",
      "fix": "add `pytestmark = [requires_snuba]`"
    }
  ],
  "suppressed": 2,
  "files_checked": 5
}
)json";

}  // namespace

TEST_CASE("lint json: the documented document", "[lint-report]") {
  CHECK(lint_to_json(test::sample_lint_result()) == expected_json);
}

TEST_CASE("lint json: parses back to the findings", "[lint-report]") {
  const LintResult sample = test::sample_lint_result();
  const auto document = nlohmann::json::parse(lint_to_json(sample));
  REQUIRE(document["findings"].size() == sample.findings.size());
  for (std::size_t i = 0; i < sample.findings.size(); ++i) {
    const auto& parsed = document["findings"][i];
    const Finding& finding = sample.findings[i];
    CHECK(parsed["code"] == finding.code);
    CHECK(parsed["path"] == finding.path);
    CHECK(parsed["line"] == finding.location.line);
    CHECK(parsed["column"] == finding.location.column);
    CHECK(parsed["message"] == finding.message);
    CHECK(parsed["fix"] == finding.fix);
  }
}

TEST_CASE("lint json: an unknown code has an empty name, bad bytes are spelled `backslash-x NN`", "[lint-report]") {
  LintResult result;
  result.findings.push_back(Finding{"TT999", Severity::warning, "bad\xFF.py", {1, 1}, "m", ""});
  const auto parsed = nlohmann::json::parse(lint_to_json(result));
  CHECK(parsed["findings"][0]["name"] == "");
  CHECK(parsed["findings"][0]["path"] == "bad\\xFF.py");  // as report/json_dump.hpp spells them: reversibly
}

TEST_CASE("lint json: no findings", "[lint-report]") {
  CHECK(lint_to_json(LintResult{}) ==
        "{\n  \"schema\": \"testtier-lint/v1\",\n  \"findings\": [],\n  \"suppressed\": 0,\n"
        "  \"files_checked\": 0\n}\n");
}
