#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "report/sample_lint_result.hpp"
#include "testtier/lint_report.hpp"
#include "testtier/version.hpp"

using namespace testtier;
using Json = nlohmann::ordered_json;

namespace {

// Written by hand from SARIF 2.1.0, with the rules (checked against the registry below) left out
// and the version (checked against version()) shown as VERSION. URIs percent-encode the space.
constexpr const char* expected_without_rules = R"json({
  "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
  "version": "2.1.0",
  "runs": [
    {
      "tool": {
        "driver": {
          "name": "testtier",
          "version": "VERSION",
          "rules": []
        }
      },
      "columnKind": "unicodeCodePoints",
      "results": [
        {
          "ruleId": "TT002",
          "ruleIndex": 1,
          "level": "note",
          "message": {
            "text": "`sentry.snuba` imported for types only; snuba is not declared"
          },
          "locations": [
            {
              "physicalLocation": {
                "artifactLocation": {
                  "uri": "tests/api/test%20owners.py",
                  "uriBaseId": "%SRCROOT%"
                },
                "region": {
                  "startLine": 3,
                  "startColumn": 1
                }
              }
            }
          ]
        },
        {
          "ruleId": "TT902",
          "ruleIndex": 5,
          "level": "error",
          "message": {
            "text": "the file is not UTF-8"
          },
          "locations": [
            {
              "physicalLocation": {
                "artifactLocation": {
                  "uri": "tests/latin1.py",
                  "uriBaseId": "%SRCROOT%"
                }
              }
            }
          ]
        },
        {
          "ruleId": "TT901",
          "ruleIndex": 4,
          "level": "error",
          "message": {
            "text": "syntax error: 100% sure, near `(`\r\nline 2"
          },
          "locations": [
            {
              "physicalLocation": {
                "artifactLocation": {
                  "uri": "tests/odd,name%3A1.py",
                  "uriBaseId": "%SRCROOT%"
                },
                "region": {
                  "startLine": 7,
                  "startColumn": 4
                }
              }
            }
          ]
        },
        {
          "ruleId": "TT001",
          "ruleIndex": 0,
          "level": "warning",
          "message": {
            "text": "snuba is used through `store_event` but never declared Fix: add `pytestmark = [requires_snuba]`"
          },
          "locations": [
            {
              "physicalLocation": {
                "artifactLocation": {
                  "uri": "tests/snuba/test_a.py",
                  "uriBaseId": "%SRCROOT%"
                },
                "region": {
                  "startLine": 12,
                  "startColumn": 9
                }
              }
            }
          ]
        }
      ]
    }
  ]
}
)json";

/// Return the URI the writer gives a finding under `path`.
std::string uri_of(const std::string& path) {
  LintResult result;
  result.findings.push_back(Finding{"TT001", Severity::warning, path, {1, 1}, "m", ""});
  const Json log = Json::parse(lint_to_sarif(result));
  return log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"];
}

}  // namespace

TEST_CASE("lint sarif: the log of the sample, rules aside", "[lint-report]") {
  Json log = Json::parse(lint_to_sarif(test::sample_lint_result()));
  Json& driver = log["runs"][0]["tool"]["driver"];
  CHECK(driver["version"] == version());
  driver["version"] = "VERSION";
  driver["rules"] = Json::array();
  CHECK(log.dump(2) + "\n" == expected_without_rules);
}

TEST_CASE("lint sarif: every lint code is a rule, in code order", "[lint-report]") {
  const Json log = Json::parse(lint_to_sarif(LintResult{}));
  const Json& rules = log["runs"][0]["tool"]["driver"]["rules"];
  REQUIRE(rules.size() == lint_codes().size());
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const LintCode& code = lint_codes()[i];
    CHECK(rules[i]["id"] == code.code);
    CHECK(rules[i]["name"] == code.name);
    CHECK(rules[i]["shortDescription"]["text"] == code.summary);
    CHECK(rules[i]["fullDescription"]["text"] == code.what);
    CHECK(rules[i]["help"]["text"] == std::string(code.why) + "\n\nFix: " + std::string(code.fix));
    CHECK(rules[i]["defaultConfiguration"]["level"] == to_string(code.severity));
  }
  CHECK(log["runs"][0]["results"] == Json::array());
}

TEST_CASE("lint sarif: paths become URI references", "[lint-report]") {
  CHECK(uri_of("tests/a_b-c.d~e/f.py") == "tests/a_b-c.d~e/f.py");
  CHECK(uri_of("tests/caf\xC3\xA9 x.py") == "tests/caf%C3%A9%20x.py");
  CHECK(uri_of("tests/50%#1?.py") == "tests/50%25%231%3F.py");
  CHECK(uri_of("c:/t[1].py") == "c%3A/t%5B1%5D.py");
}

TEST_CASE("lint sarif: an unknown code has a ruleId but no ruleIndex", "[lint-report]") {
  LintResult result;
  result.findings.push_back(Finding{"TT999", Severity::warning, "t.py", {1, 0}, "m", ""});
  const Json log = Json::parse(lint_to_sarif(result));
  const Json& sarif_result = log["runs"][0]["results"][0];
  CHECK(sarif_result["ruleId"] == "TT999");
  CHECK_FALSE(sarif_result.contains("ruleIndex"));
  CHECK(sarif_result["locations"][0]["physicalLocation"]["region"]["startColumn"] == 1);
}
