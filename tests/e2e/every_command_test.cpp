// Every command as a user runs it: default options, the cache on, in a temporary copy of the
// sample corpus, twice (cold, then warm), with the same output both times and the reviewed goldens.
#include <catch2/catch.hpp>

#include "cli.hpp"

using namespace testtier::e2e;

namespace {

const std::filesystem::path kExpected = source_path("corpus/expected/sentry-like");

}  // namespace

TEST_CASE("every command, cold then warm with the cache on, gives its golden output", "[e2e][cache]") {
  const CorpusCopy corpus("corpus/sentry-like");
  const std::filesystem::path& root = corpus.path();
  for (const auto& [format, golden] : std::vector<std::pair<std::string, std::string>>{
           {"json", "classify.json"}, {"text", "classify.txt"}, {"sentry", "classify.sentry.json"},
           {"csv", "classify.csv"}, {"markdown", "classify.md"}}) {
    INFO("classify --format " << format);
    const auto result = run_cold_then_warm({"classify", "--quiet", "--format", format}, root);
    CHECK(result.status == 0);
    CHECK(result.out == read_text(kExpected / golden));
  }
  const auto explain = run_cold_then_warm(
      {"explain", "tests/sentry/api/endpoints/test_group_events.py::GroupEventsTest::test_empty_group"}, root);
  CHECK(explain.out == read_text(kExpected / "explain-test.txt"));
  for (const auto& [target, golden] : std::vector<std::pair<std::string, std::string>>{
           {"tests/sentry/api/endpoints/test_group_events.py::GroupEventsTest::test_empty_group", "explain-test.json"},
           {"tests/sentry/consumers/test_occurrence_consumer.py", "explain-file.json"}}) {
    INFO("explain --format json " << target);
    const auto json = run_cold_then_warm({"explain", target, "--format", "json"}, root);
    CHECK(json.status == 0);
    CHECK(json.out == read_text(kExpected / golden));
  }
  const auto plan = run_cold_then_warm({"plan", "--shards", "2,snuba_tier=3", "--durations",
                                        (kExpected / "test_durations.json").string(), "--format", "json"},
                                       root);
  CHECK(plan.out == read_text(kExpected / "plan.json"));
  const auto compare =
      run_cold_then_warm({"compare", "--runtime", (kExpected / "runtime_classification.json").string()}, root);
  CHECK(compare.status == 1);
  CHECK(compare.out == read_text(kExpected / "compare.txt"));
  const auto compare_json = run_cold_then_warm(
      {"compare", "--runtime", (kExpected / "runtime_classification.json").string(), "--format", "json"}, root);
  CHECK(compare_json.status == 1);
  CHECK(compare_json.out == read_text(kExpected / "compare.json"));
  const auto lint = run_cold_then_warm({"lint", "--format", "json"}, root);
  CHECK(lint.status == 1);
  const auto affected = run_cold_then_warm({"affected", "--changed", "conftest.py"}, root);
  CHECK(affected.status == 0);
  CHECK_FALSE(affected.out.empty());
  const auto facts = run_testtier({"facts", "conftest.py"}, root);  // no cache: facts reads what it is given
  CHECK(facts.status == 0);
}
