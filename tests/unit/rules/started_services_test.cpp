// started_services(): what a shard of a tier starts.
#include <catch2/catch.hpp>

#include "testtier/rules.hpp"

using namespace testtier;

TEST_CASE("a tier starts what it provides, with what each brings; \"*\" is every service", "[rules]") {
  const Rules rules = parse_rules(R"(
version = 1
[services.postgres]
[services.snuba]
brings = ["clickhouse", "kafka"]
[services.clickhouse]
[services.kafka]
[services.redis]
[[tier]]
name = "none"
provides = []
[[tier]]
name = "snuba"
provides = ["snuba", "postgres"]
[[tier]]
name = "all"
provides = ["*"]
)", "test.toml");
  REQUIRE(rules.tiers.size() == 3);
  CHECK(started_services(rules.tiers[0], rules).empty());
  CHECK(started_services(rules.tiers[1], rules) == std::vector<std::string>{"clickhouse", "kafka", "postgres", "snuba"});
  CHECK(started_services(rules.tiers[2], rules) ==
        std::vector<std::string>{"clickhouse", "kafka", "postgres", "redis", "snuba"});
}
