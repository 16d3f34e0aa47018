// SignalMatcher: env globs on variable names (the other kinds are covered through evidence_test).
#include <catch2/catch.hpp>

#include "classify/signal_matcher.hpp"
#include "testtier/rules.hpp"

using namespace testtier;
using testtier::classify_stage::SignalMatcher;

namespace {

Rules env_rules() {
  return parse_rules(R"(version = 1
[services.postgres]
[services.redis]
[[signal]]
env = ["SENTRY_PYTHON_TEST_POSTGRES_*", "PG_{HOST,PORT}"]
needs = ["postgres"]
[[signal]]
env = ["REDIS_URL", "REDIS_?"]
needs = ["redis"]
[[signal]]
call = ["REDIS_URL"]
needs = ["redis"]
[[tier]]
name = "all"
provides = ["*"]
)",
                     "rules.toml");
}

}  // namespace

TEST_CASE("env signals match a variable's whole name by glob", "[classify][env]") {
  const Rules rules = env_rules();
  const SignalMatcher matcher(rules);
  CHECK(matcher.has(EvidenceKind::env));
  const auto postgres = matcher.env("SENTRY_PYTHON_TEST_POSTGRES_HOST");
  REQUIRE(postgres.size() == 1);
  CHECK(postgres[0].signal == &rules.signals[0]);
  CHECK(postgres[0].pattern == "SENTRY_PYTHON_TEST_POSTGRES_*");
  const auto port = matcher.env("PG_PORT");
  REQUIRE(port.size() == 1);
  CHECK(port[0].pattern == "PG_{HOST,PORT}");
  const auto redis = matcher.env("REDIS_URL");
  REQUIRE(redis.size() == 1);  // the `call` signal of the same text is not an env signal
  CHECK(redis[0].signal == &rules.signals[1]);
  CHECK(matcher.env("REDIS_X").size() == 1);
  CHECK(matcher.env("REDIS_URL_2").empty());
  CHECK(matcher.env("MY_REDIS_URL").empty());
  CHECK(matcher.env("sentry_python_test_postgres_host").empty());  // case-sensitive, as the OS
  CHECK(matcher.env("PG_USER").empty());
  CHECK(matcher.call("REDIS_URL", "REDIS_URL").size() == 1);
}
