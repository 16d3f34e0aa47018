// comparison_to_json(): the testtier-compare/v1 document.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "testtier/compare.hpp"

using namespace testtier;
using nlohmann::json;

TEST_CASE("comparison_to_json: counts, agreement, misses with reasons, extras, unknown services", "[report][compare]") {
  RuntimeComparison c;
  c.tests_compared = 3;
  c.files_compared = 2;
  c.runtime_tests_unknown = 1;
  c.static_tests_not_run = 4;
  c.tier_violations = 1;
  c.files_missing_a_service = 1;
  c.services = {ServiceAgreement{"redis", 1, 2, 0}};
  const Reason reason{"postgres", EvidenceKind::fixture, "db", "tests/conftest.py", 7, {}, true, false};
  c.missed = {Disagreement{"tests/test_a.py::test_x", "redis", "postgres_only", true, {reason}}};
  c.extra = {Disagreement{"tests/test_a.py::test_y", "postgres", "postgres_only", false, {}}};
  c.unknown_services = {{"vault", 2}};
  const std::string text = comparison_to_json(c);
  CHECK(text.ends_with("}\n"));
  const json document = json::parse(text);
  CHECK(document.at("schema") == "testtier-compare/v1");
  CHECK(document.at("tests_compared") == 3);
  CHECK(document.at("static_tests_not_run") == 4);
  CHECK(document.at("tier_violations") == 1);
  CHECK(document.at("services") == json::parse(R"([{"service": "redis", "agree": 1, "runtime_only": 2, "static_only": 0}])"));
  CHECK(document.at("missed").at(0).at("tier_lacks_service") == true);
  CHECK(document.at("missed").at(0).at("static_reasons").at(0).at("evidence") == "db");
  CHECK(document.at("extra") ==
        json::parse(R"([{"test": "tests/test_a.py::test_y", "service": "postgres", "static_tier": "postgres_only"}])"));
  CHECK(document.at("unknown_services") == json::parse(R"({"vault": 2})"));
}
