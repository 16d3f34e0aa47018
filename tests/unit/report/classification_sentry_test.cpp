#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "report/sample_classification.hpp"
#include "testtier/report.hpp"

using namespace testtier;

TEST_CASE("classification_to_sentry writes the runtime classifier's artifact", "[report]") {
  CHECK(classification_to_sentry(test::sample_classification()) == R"({
  "total_tests": 4,
  "summary": {
    "service_counts": {
      "postgres": 3,
      "snuba": 2
    },
    "tier_counts": {
      "no_services": 1,
      "postgres_only": 1,
      "snuba_tier": 2
    }
  },
  "tests": {
    "tests/café/test_plain.py::test_add": [],
    "tests/snuba/test_a.py::EventsTest::test_get": [
      "postgres",
      "snuba"
    ],
    "tests/snuba/test_a.py::EventsTest::test_list": [
      "postgres",
      "snuba"
    ],
    "tests/snuba/test_a.py::test_store[\"x\",y]": [
      "postgres"
    ]
  }
}
)");
}

TEST_CASE("classification_to_sentry sorts tests by node id across files", "[report]") {
  // Path order differs from node id order: "a.py" < "a.py-x/b.py" but "a.py::" > "a.py-" ('-' < ':').
  Classification result;
  result.tier_order = {"no_services"};
  result.files.push_back(
      FileResult{"a.py", {}, "no_services", {}, {}, {TestResult{"a.py::test", 1, {}, "no_services", {}}}});
  result.files.push_back(FileResult{"a.py-x/b.py", {}, "no_services", {}, {},
                                    {TestResult{"a.py-x/b.py::test", 1, {}, "no_services", {}}}});
  const auto document = nlohmann::ordered_json::parse(classification_to_sentry(result));
  REQUIRE(document["tests"].size() == 2);
  CHECK(document["tests"].begin().key() == "a.py-x/b.py::test");
  CHECK(std::next(document["tests"].begin()).key() == "a.py::test");
}

TEST_CASE("classification_to_sentry parses back with the expected counts", "[report]") {
  const std::string text = classification_to_sentry(test::sample_classification());
  const auto document = nlohmann::json::parse(text);
  CHECK(document["total_tests"] == 4);
  CHECK(document["summary"]["service_counts"]["snuba"] == 2);
  CHECK(document["tests"]["tests/snuba/test_a.py::test_store[\"x\",y]"] ==
        nlohmann::json::array({"postgres"}));
}
