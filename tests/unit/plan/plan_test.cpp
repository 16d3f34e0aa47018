// plan_shards(): tiers split into balanced shards, what each starts, and the start-up it saves.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "testtier/plan.hpp"

using namespace testtier;

namespace {

/// Rules with two tiers: a cheap one and one that starts postgres (which brings redis) and snuba.
const Rules kRules = parse_rules(R"(version = 1
[services.postgres]
ports = [5432]
brings = ["redis"]
startup_seconds = 10
[services.redis]
ports = [6379]
startup_seconds = 2
[services.snuba]
ports = [1218]
startup_seconds = 240
[[signal]]
fixture = ["db"]
needs = ["postgres"]
[[tier]]
name = "no_services"
provides = []
[[tier]]
name = "postgres"
provides = ["postgres", "redis"]
[[tier]]
name = "everything"
provides = ["*"]
)", "plan_test.toml");

/// Return a classification with one file holding a test per id, each in `tier`.
Classification tests_in(const std::string& tier, const std::vector<std::string>& ids) {
  Classification result;
  FileResult file;
  file.path = "tests/test_x.py";
  file.tier = tier;
  for (const std::string& id : ids) file.tests.push_back(TestResult{id, 1, {}, tier, {}});
  result.files.push_back(file);
  return result;
}

std::vector<std::string> ids(std::size_t count) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < count; ++i) out.push_back("tests/test_x.py::test_" + std::to_string(i));
  return out;
}

double longest(const Plan& plan) {
  double most = 0;
  for (const Shard& shard : plan.shards) most = std::max(most, shard.estimated_seconds);
  return most;
}

}  // namespace

TEST_CASE("plan: without durations, each tier's tests are split evenly by count", "[plan]") {
  const Plan plan = plan_shards(tests_in("postgres", ids(10)), kRules, 3, {}, {});
  REQUIRE(plan.shards.size() == 3);
  CHECK_FALSE(plan.used_durations);
  std::vector<std::size_t> sizes;
  std::set<std::string> all;
  for (const Shard& shard : plan.shards) {
    sizes.push_back(shard.tests.size());
    all.insert(shard.tests.begin(), shard.tests.end());
    CHECK(shard.count == 3);
    CHECK(std::is_sorted(shard.tests.begin(), shard.tests.end()));
  }
  CHECK(sizes == std::vector<std::size_t>{4, 3, 3});
  CHECK(all.size() == 10);  // every test once
  CHECK(plan.shards[0].index == 1);
  CHECK(plan.shards[2].index == 3);
}

TEST_CASE("plan: a tier never gets an empty shard, and a tier without tests gets none", "[plan]") {
  const Plan plan = plan_shards(tests_in("everything", ids(2)), kRules, 5, {}, {});
  REQUIRE(plan.shards.size() == 2);
  for (const Shard& shard : plan.shards) {
    CHECK(shard.tier == "everything");
    CHECK(shard.tests.size() == 1);
    CHECK(shard.count == 2);
  }
}

TEST_CASE("plan: per-tier shard counts override the default", "[plan]") {
  Classification result = tests_in("postgres", ids(6));
  result.files.push_back(tests_in("no_services", {"tests/test_y.py::test_a", "tests/test_y.py::test_b"}).files[0]);
  const Plan plan = plan_shards(result, kRules, 1, {{"postgres", 3}}, {});
  std::map<std::string, std::size_t> per_tier;
  for (const Shard& shard : plan.shards) ++per_tier[shard.tier];
  CHECK(per_tier == std::map<std::string, std::size_t>{{"no_services", 1}, {"postgres", 3}});
  CHECK(plan.shards.front().tier == "no_services");  // tier order, cheapest first
}

TEST_CASE("plan: durations balance shards longest first, a missing one counts as the tier's median", "[plan]") {
  const std::vector<std::string> tests = ids(5);
  const std::map<std::string, double> durations = {
      {tests[0], 9}, {tests[1], 5}, {tests[2], 4}, {tests[3], 1}};  // tests[4] has none: median 5
  const Plan plan = plan_shards(tests_in("postgres", tests), kRules, 2, {}, durations);
  CHECK(plan.used_durations);
  CHECK(plan.tests_without_duration == 1);
  REQUIRE(plan.shards.size() == 2);
  const double total = plan.shards[0].estimated_seconds + plan.shards[1].estimated_seconds;
  CHECK(total == Approx(24));
  // 9, 5, 5, 4, 1 longest first onto the lighter shard: {9, 4} and {5, 5, 1} → 13 and 11.
  CHECK(longest(plan) == Approx(13));
}

TEST_CASE("plan: parametrized durations fold onto their function, summed", "[plan]") {
  const Plan plan = plan_shards(tests_in("postgres", {"tests/test_x.py::test_p", "tests/test_x.py::test_q"}), kRules, 1,
                                {}, {{"tests/test_x.py::test_p[1]", 2}, {"tests/test_x.py::test_p[2-b]", 3},
                                     {"tests/test_x.py::test_q", 1}});
  REQUIRE(plan.shards.size() == 1);
  CHECK(plan.tests_without_duration == 0);
  CHECK(plan.shards[0].estimated_seconds == Approx(6));
}

TEST_CASE("plan: a parametrized test takes its function's duration", "[plan]") {
  const Plan plan = plan_shards(tests_in("postgres", {"tests/test_x.py::test_p[1]", "tests/test_x.py::test_p[2]"}),
                                kRules, 1, {}, {{"tests/test_x.py::test_p", 3}});
  REQUIRE(plan.shards.size() == 1);
  CHECK(plan.tests_without_duration == 0);
  CHECK(plan.shards[0].estimated_seconds == Approx(6));
  CHECK(function_node_id("a.py::t[1-x]") == "a.py::t");
  CHECK(function_node_id("a.py::C::t") == "a.py::C::t");
}

TEST_CASE("plan: a shard starts what its tier provides and what that brings, start-up is the slowest", "[plan]") {
  Classification result = tests_in("postgres", ids(2));
  result.files.push_back(tests_in("no_services", {"tests/test_y.py::test_a"}).files[0]);
  const Plan plan = plan_shards(result, kRules, 1, {}, {});
  REQUIRE(plan.shards.size() == 2);
  CHECK(plan.shards[0].services.empty());
  CHECK(plan.shards[1].services == std::vector<std::string>{"postgres", "redis"});
  CHECK(plan.startup_seconds_planned == Approx(0 + 10));
  CHECK(plan.startup_seconds_baseline == Approx(240 + 240));  // every shard starting every service
}
