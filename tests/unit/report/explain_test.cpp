// explain_to_json(): the testtier-explain/v1 document of a test and of a file, agreeing with the
// text explain() writes.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "report/sample_classification.hpp"
#include "testtier/explain.hpp"

using namespace testtier;
using nlohmann::json;

namespace {

Rules sample_rules() {
  Rules rules;
  rules.tiers = {Tier{"no_services", {}, false}, Tier{"postgres_only", {"postgres"}, false},
                 Tier{"other_services", {"postgres", "redis"}, false}, Tier{"snuba_tier", {"*"}, true}};
  return rules;
}

}  // namespace

TEST_CASE("explain_to_json of a test: services, reasons, tier and what each cheaper tier lacks", "[report][explain]") {
  const auto text = explain_to_json(test::sample_classification(), sample_rules(), "tests/snuba/test_a.py::EventsTest::test_get");
  REQUIRE(text.has_value());
  const json document = json::parse(*text);
  CHECK(document.at("schema") == "testtier-explain/v1");
  CHECK(document.at("kind") == "test");
  CHECK(document.at("path") == "tests/snuba/test_a.py");
  CHECK(document.at("line") == 12);
  CHECK(document.at("services") == json::array({"postgres", "snuba"}));
  CHECK(document.at("tier") == "snuba_tier");
  REQUIRE(document.at("reasons").size() == 2);
  CHECK(document.at("reasons").at(1).at("by_last_name") == true);
  CHECK(document.at("cheaper_tiers") == json::parse(R"([
    {"tier": "no_services", "lacks": ["postgres", "snuba"]},
    {"tier": "postgres_only", "lacks": ["snuba"]},
    {"tier": "other_services", "lacks": ["snuba"]}])"));
  CHECK_FALSE(document.contains("tests"));
}

TEST_CASE("explain_to_json of a file: its suspicious imports and tests too, nullopt for no such target",
          "[report][explain]") {
  const Classification sample = test::sample_classification();
  const auto text = explain_to_json(sample, sample_rules(), "tests/sentry/test_empty.py");
  REQUIRE(text.has_value());
  const json document = json::parse(*text);
  CHECK(document.at("kind") == "file");
  CHECK_FALSE(document.contains("line"));
  CHECK(document.at("suspicious").at(0).at("usage") == "types_only");
  CHECK(document.at("tests").empty());
  CHECK(document.at("cheaper_tiers") == json::parse(R"([{"tier": "no_services", "lacks": ["postgres"]}])"));
  CHECK_FALSE(explain_to_json(sample, sample_rules(), "tests/none.py").has_value());
  // The text and the document describe the same target.
  CHECK(explain(sample, sample_rules(), "tests/sentry/test_empty.py").has_value());
}
