#include <catch2/catch.hpp>

#include "testtier/plan_report.hpp"

using namespace testtier;

TEST_CASE("plan markdown: a row per tier, then the start-up saved", "[report]") {
  Plan plan;
  plan.shards = {Shard{"no_services", {}, 1, 1, 1.3, {"a.py::t1", "a.py::t2"}},
                 Shard{"snuba_tier", {"postgres", "snuba|x"}, 1, 2, 10.0, {"b.py::t"}},
                 Shard{"snuba_tier", {"postgres", "snuba|x"}, 2, 2, 12.34, {"c.py::t1", "c.py::t2"}}};
  plan.used_durations = true;
  plan.startup_seconds_planned = 90;
  plan.startup_seconds_baseline = 150;
  // Written by hand: 5 tests in 3 shards of 2 tiers; the longest snuba_tier shard is 12.34 s.
  CHECK(plan_to_markdown(plan) ==
        "## testtier plan: 2 tiers, 3 shards, 5 tests\n"
        "\n"
        "| tier | shards | tests | longest s | services |\n"
        "| :--- | ---: | ---: | ---: | :--- |\n"
        "| no\\_services | 1 | 2 | 1.3 | - |\n"
        "| snuba\\_tier | 2 | 3 | 12.3 | postgres, snuba\\|x |\n"
        "\n"
        "Service start-up, summed over shards: 90 s planned, 150 s if every shard started every service; "
        "**saves 60 s (40%)**.\n");
}

TEST_CASE("plan markdown: an empty plan, balanced by counts", "[report]") {
  CHECK(plan_to_markdown(Plan{}) ==
        "## testtier plan: 0 tiers, 0 shards, 0 tests\n"
        "\n"
        "Service start-up, summed over shards: 0 s planned, 0 s if every shard started every service; "
        "**saves 0 s (0%)**.\n"
        "\n"
        "Shards balanced by test counts (no durations).\n");
}
