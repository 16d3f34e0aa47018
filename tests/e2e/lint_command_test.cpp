// `testtier lint` on the Sentry-shaped corpus: the findings its README predicts, changed-files
// mode, selection and exit statuses.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <set>
#include <tuple>

#include "cli.hpp"

using namespace testtier::e2e;
using nlohmann::json;

namespace {

/// The sample corpus, copied once per test process so that runs keep their cache there as a
/// user's do (the first run of a test is cold, the next ones warm), never in the source tree.
const std::filesystem::path& corpus() {
  static const CorpusCopy copy("corpus/sentry-like");
  return copy.path();
}

std::set<std::tuple<std::string, int, int, std::string, std::string>> findings_of(const std::string& out) {
  std::set<std::tuple<std::string, int, int, std::string, std::string>> findings;
  const json document = json::parse(out);
  for (const json& f : document.at("findings")) {
    findings.emplace(f.at("path"), f.at("line").get<int>(), f.at("column").get<int>(), f.at("code"),
                     f.at("severity"));
  }
  return findings;
}

}  // namespace

TEST_CASE("lint finds in the Sentry-shaped corpus what its README predicts", "[e2e][lint]") {
  const auto result = run_testtier({"lint", "--format", "json"}, corpus());
  CHECK(result.status == 1);
  const std::set<std::tuple<std::string, int, int, std::string, std::string>> expected = {
      {"tests/sentry/api/endpoints/test_event_owners.py", 16, 17, "TT001", "warning"},
      {"tests/sentry/discover/test_raw_counts.py", 10, 18, "TT001", "warning"},
      {"tests/sentry/tsdb/test_redissnuba.py", 15, 36, "TT001", "warning"},
      {"tests/sentry/tsdb/test_redissnuba.py", 25, 46, "TT001", "warning"},
      {"tests/sentry/discover/test_raw_counts.py", 3, 34, "TT002", "note"},
      {"tests/sentry/discover/test_raw_counts.py", 5, 32, "TT002", "note"},  // called: may reach snuba
      {"tests/sentry/incidents/test_alert_rule_serializer.py", 3, 34, "TT002", "note"},
      {"tests/sentry/test_broken_syntax.py", 16, 1, "TT901", "warning"},
      {"tests/sentry/test_latin1.py", 6, 16, "TT902", "warning"},
      {"testtier.toml", 18, 12, "TT906", "warning"},
      {"testtier.toml", 18, 34, "TT906", "warning"},
      {"testtier.toml", 132, 12, "TT906", "warning"},
      // reached through the repository's helpers (the call walk), at the evidence
      {"src/sentry/testutils/helpers/events.py", 21, 9, "TT001", "warning"},
      {"src/sentry/testutils/helpers/events.py", 37, 9, "TT001", "warning"},
      {"src/sentry/testutils/helpers/events.py", 49, 9, "TT001", "warning"},
      {"src/sentry/testutils/helpers/events.py", 54, 12, "TT001", "warning"},  // env, through a fixture
      {"tests/sentry/walk/test_env_configured.py", 7, 11, "TT001", "warning"},  // env at module level
  };
  CHECK(findings_of(result.out) == expected);
}

TEST_CASE("lint --format markdown on the Sentry-shaped corpus equals the reviewed golden file", "[e2e][lint]") {
  const auto result = run_cold_then_warm({"lint", "--format", "markdown"}, corpus());
  CHECK(result.status == 1);
  CHECK(result.out == read_text(source_path("corpus/expected/sentry-like/lint.md")));
}

TEST_CASE("lint of changed files reports only them, resolving from the whole repository", "[e2e][lint]") {
  const auto result = run_testtier(
      {"lint", "--format", "json", "tests/sentry/api/endpoints/test_event_owners.py", "tests/snuba"}, corpus());
  CHECK(result.status == 1);
  const auto findings = findings_of(result.out);
  REQUIRE(findings.size() == 1);
  CHECK(std::get<0>(*findings.begin()) == "tests/sentry/api/endpoints/test_event_owners.py");
  CHECK(json::parse(result.out).at("files_checked") == 2);
}

TEST_CASE("lint of a clean file exits 0", "[e2e][lint]") {
  const auto result = run_testtier({"lint", "tests/sentry/utils/test_json.py"}, corpus());
  CHECK(result.status == 0);
  CHECK_THAT(result.out, Catch::Contains("All checks passed."));
}

TEST_CASE("lint --select, --ignore and --exit-zero", "[e2e][lint]") {
  const auto only_tt002 = run_testtier({"lint", "--format", "json", "--select", "TT002"}, corpus());
  CHECK(findings_of(only_tt002.out).size() == 3);
  const auto without_tt0 = run_testtier({"lint", "--format", "json", "--ignore", "TT0"}, corpus());
  CHECK(findings_of(without_tt0.out).size() == 5);  // TT901, TT902 and three TT906
  const auto exit_zero = run_testtier({"lint", "--exit-zero"}, corpus());
  CHECK(exit_zero.status == 0);
  const auto unknown = run_testtier({"lint", "--select", "XY1"}, corpus());
  CHECK(unknown.status == 2);
  CHECK_THAT(unknown.err, Catch::Contains("XY1"));
}

TEST_CASE("lint --explain prints a code's documentation, and refuses an unknown code", "[e2e][lint]") {
  const auto known = run_testtier({"lint", "--explain", "TT001"});
  CHECK(known.status == 0);
  CHECK_THAT(known.out, Catch::StartsWith("TT001 undeclared-service"));
  const auto unknown = run_testtier({"lint", "--explain", "TT999"});
  CHECK(unknown.status == 2);
}

TEST_CASE("lint of a path that does not exist or lies outside the root exits 2", "[e2e][lint]") {
  CHECK(run_testtier({"lint", "tests/nope.py"}, corpus()).status == 2);
  CHECK(run_testtier({"lint", "/"}, corpus()).status == 2);
}

TEST_CASE("explain a test: each service with its chain, the tier and the cheaper tiers", "[e2e][explain]") {
  const CorpusCopy corpus("corpus/sentry-like");
  const auto result = run_cold_then_warm(
      {"explain", "tests/sentry/api/endpoints/test_group_events.py::GroupEventsTest::test_empty_group"}, corpus.path());
  REQUIRE(result.status == 0);
  CHECK(result.out == read_text(source_path("corpus/expected/sentry-like/explain-test.txt")));
}

TEST_CASE("explain shows the hops of issue 14: decorator function, wrapper, partial alias, override, re-export",
          "[e2e][explain]") {
  const std::vector<std::pair<std::string, std::vector<std::string>>> cases = {
      {"tests/sentry/markers/test_db_decorators.py::test_bare_function_decorator",
       {"-> django_db_all (src/sentry/testutils/pytest/db_marks.py:21)\n      -> django_db\n"}},
      {"tests/sentry/markers/test_db_decorators.py::test_local_wrapper",
       {"-> with_snuba_guard (tests/sentry/markers/test_db_decorators.py:5)\n"
        "      -> requires_snuba (src/sentry/testutils/skips.py:9)\n      -> _requires_snuba\n"}},
      {"tests/sentry/markers/test_db_decorators.py::test_partial_alias",
       {"-> db_transaction (src/sentry/testutils/pytest/db_marks.py:31)\n"}},
      {"tests/sentry/markers/test_overrides.py::test_overridden_fixture",
       {"-> kafka_admin (tests/sentry/markers/test_overrides.py:14)\n"
        "      -> kafka_admin (tests/sentry/markers/conftest.py:5)\n      -> _requires_kafka\n"}},
      {"tests/sentry/markers/test_overrides.py::CompatSnubaTest::test_star_reexport",
       {"-> sentry.testutils.compat.SnubaTestCase (alias or re-export)\n"
        "      -> sentry.testutils.cases.SnubaTestCase\n"}},
  };
  const CorpusCopy corpus("corpus/sentry-like");
  for (const auto& [id, hops] : cases) {
    INFO(id);
    const auto result = run_cold_then_warm({"explain", id}, corpus.path());
    REQUIRE(result.status == 0);
    for (const std::string& hop : hops) CHECK_THAT(result.out, Catch::Contains(hop));
  }
}

TEST_CASE("explain a file, and a target that does not exist", "[e2e][explain]") {
  const CorpusCopy corpus("corpus/sentry-like");
  const auto file = run_cold_then_warm({"explain", "tests/sentry/consumers/test_occurrence_consumer.py"}, corpus.path());
  REQUIRE(file.status == 0);
  CHECK(file.out == read_text(source_path("corpus/expected/sentry-like/explain-file.txt")));
  const auto missing = run_testtier({"explain", "tests/nope.py::test_x"}, corpus.path());
  CHECK(missing.status == 2);
  CHECK_THAT(missing.err, Catch::Contains("tests/nope.py::test_x"));
}
