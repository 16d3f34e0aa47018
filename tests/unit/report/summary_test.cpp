#include <catch2/catch.hpp>

#include "report/sample_classification.hpp"
#include "report/summary.hpp"

using namespace testtier;

TEST_CASE("summarize counts files and tests per tier and per service", "[report]") {
  const report::Summary summary = report::summarize(test::sample_classification());
  CHECK(summary.files == 3);
  CHECK(summary.tests == 4);
  CHECK(summary.files_per_tier == std::map<std::string, std::size_t>{
                                      {"no_services", 1}, {"postgres_only", 1}, {"snuba_tier", 1}});
  CHECK(summary.tests_per_tier == std::map<std::string, std::size_t>{
                                      {"no_services", 1}, {"postgres_only", 1}, {"snuba_tier", 2}});
  CHECK(summary.files_per_service == std::map<std::string, std::size_t>{{"postgres", 2}, {"snuba", 1}});
  CHECK(summary.tests_per_service == std::map<std::string, std::size_t>{{"postgres", 3}, {"snuba", 2}});
}

TEST_CASE("summarize lists tiers missing from tier_order after it, by name", "[report]") {
  Classification result;
  result.tier_order = {"no_services", "snuba_tier"};
  result.files.push_back(FileResult{"b.py", {}, "zeta", {}, {}, {TestResult{"b.py::t", 1, {}, "alpha", {}}}});
  const report::Summary summary = report::summarize(result);
  CHECK(summary.tiers == std::vector<std::string>{"no_services", "snuba_tier", "alpha", "zeta"});
  CHECK(report::tier_counts(summary.files_per_tier, summary.tiers) ==
        std::vector<report::Count>{{"zeta", 1}});
}

TEST_CASE("joined puts the separator between items only", "[report]") {
  CHECK(report::joined({}, ";").empty());
  CHECK(report::joined({"a"}, ";") == "a");
  CHECK(report::joined({"a", "b", "c"}, ", ") == "a, b, c");
}
