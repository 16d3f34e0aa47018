// compare_with_runtime(): static services against what a runtime classifier saw.
#include <catch2/catch.hpp>

#include "rules/temp_dir.hpp"
#include "testtier/compare.hpp"

using namespace testtier;
using testtier::test::TempDir;

namespace {

const Rules kRules = parse_rules(R"(version = 1
[services.postgres]
ports = [5432]
[services.redis]
ports = [6379]
[[signal]]
fixture = ["db"]
needs = ["postgres"]
[[tier]]
name = "no_services"
provides = []
[[tier]]
name = "postgres"
provides = ["postgres"]
[[tier]]
name = "everything"
provides = ["*"]
)", "compare_test.toml");

TestResult test_result(const std::string& id, std::vector<std::string> services, const std::string& tier) {
  return TestResult{id, 1, std::move(services), tier, {}};
}

}  // namespace

TEST_CASE("compare: agreement, misses (with whether the tier lacks the service) and extras", "[compare]") {
  Classification result;
  result.files.push_back(FileResult{"tests/test_a.py", {"postgres"}, "postgres", {}, {},
                                    {test_result("tests/test_a.py::test_same", {"postgres"}, "postgres"),
                                     test_result("tests/test_a.py::test_redis", {"postgres"}, "postgres"),
                                     test_result("tests/test_a.py::test_extra", {"postgres"}, "postgres"),
                                     test_result("tests/test_a.py::test_not_run", {}, "no_services")}});
  result.files.push_back(FileResult{"tests/test_b.py", {}, "everything", {}, {},
                                    {test_result("tests/test_b.py::test_safe", {}, "everything")}});
  const std::map<std::string, std::set<std::string>> runtime = {
      {"tests/test_a.py::test_same", {"postgres"}},
      {"tests/test_a.py::test_redis", {"postgres", "redis"}},
      {"tests/test_a.py::test_extra", {}},
      {"tests/test_b.py::test_safe", {"redis"}},
      {"tests/test_gone.py::test_x", {}}};
  const RuntimeComparison comparison = compare_with_runtime(result, kRules, runtime);
  CHECK(comparison.tests_compared == 4);
  CHECK(comparison.static_tests_not_run == 1);
  CHECK(comparison.runtime_tests_unknown == 1);
  REQUIRE(comparison.missed.size() == 2);
  CHECK(comparison.missed[0].test == "tests/test_a.py::test_redis");
  CHECK(comparison.missed[0].tier_lacks_service);   // postgres tier: no redis, the dangerous case
  CHECK(comparison.missed[1].test == "tests/test_b.py::test_safe");
  CHECK_FALSE(comparison.missed[1].tier_lacks_service);  // everything provides redis
  REQUIRE(comparison.extra.size() == 1);
  CHECK(comparison.extra[0].test == "tests/test_a.py::test_extra");
  CHECK(comparison.tier_violations == 1);
  CHECK(comparison.files_compared == 2);
  CHECK(comparison.files_missing_a_service == 2);  // neither file's services hold redis
  REQUIRE(comparison.services.size() == 2);
  CHECK(comparison.services[0].service == "postgres");
  CHECK(comparison.services[0].both == 2);
  CHECK(comparison.services[0].static_only == 1);
  CHECK(comparison.services[1].service == "redis");
  CHECK(comparison.services[1].runtime_only == 2);
}

TEST_CASE("compare: a runtime file folds parametrized instances onto their function", "[compare]") {
  const TempDir dir;
  const auto file = dir.write("runtime.json", R"({"tests": {"a.py::t[1]": ["redis"], "a.py::t[2]": ["postgres"],
                                                            "a.py::u": []}})");
  const auto services = read_runtime_services(file.string());
  CHECK(services == std::map<std::string, std::set<std::string>>{{"a.py::t", {"postgres", "redis"}}, {"a.py::u", {}}});
  const auto bad = dir.write("bad.json", R"({"not_tests": {}})");
  CHECK_THROWS_WITH(read_runtime_services(bad.string()), Catch::Contains("bad.json") && Catch::Contains("expected"));
}

TEST_CASE("compare: runtime services the rules do not define are counted per service", "[compare]") {
  Classification result;
  result.files.push_back(FileResult{"tests/test_a.py", {}, "no_services", {}, {},
                                    {test_result("tests/test_a.py::test_a", {}, "no_services")}});
  const std::map<std::string, std::set<std::string>> runtime = {
      {"tests/test_a.py::test_a", {"kafka", "postgres"}}, {"tests/test_gone.py::test_x", {"kafka", "vault"}}};
  const RuntimeComparison comparison = compare_with_runtime(result, kRules, runtime);
  CHECK(comparison.unknown_services == std::map<std::string, std::size_t>{{"kafka", 2}, {"vault", 1}});
}
