// `testtier plan` and `testtier compare` on the Sentry-shaped corpus, against reviewed goldens.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <set>
#include <sstream>

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
const std::filesystem::path kExpected = source_path("corpus/expected/sentry-like");

std::vector<std::string> plan_args(const std::string& format) {
  return {"plan", "--shards", "2,snuba_tier=3", "--durations",
          (kExpected / "test_durations.json").string(), "--format", format};
}

}  // namespace

TEST_CASE("plan in each format equals the reviewed goldens", "[e2e][plan]") {
  for (const auto& [format, golden] : std::vector<std::pair<std::string, std::string>>{
           {"text", "plan.txt"}, {"json", "plan.json"}, {"github-matrix", "plan.matrix.json"},
           {"markdown", "plan.md"}}) {
    INFO(format);
    const auto result = run_testtier(plan_args(format), corpus());
    REQUIRE(result.status == 0);
    CHECK(result.out == read_text(kExpected / golden));
    CHECK_THAT(result.err, Catch::Contains("1 tests have no duration"));
  }
}

TEST_CASE("plan: every test in exactly one shard, no shard empty, a tier's shards balanced", "[e2e][plan]") {
  const auto result = run_testtier(plan_args("github-matrix"), corpus());
  const json matrix = json::parse(result.out);
  std::multiset<std::string> seen;
  for (const json& entry : matrix.at("include")) {
    CHECK_FALSE(entry.at("tests").empty());
    for (const json& id : entry.at("tests")) seen.insert(id.get<std::string>());
  }
  CHECK(seen.size() == 89);
  CHECK(std::set<std::string>(seen.begin(), seen.end()).size() == 89);
}

TEST_CASE("plan without durations balances by counts and says so, more shards than tests", "[e2e][plan]") {
  const auto result = run_testtier({"plan", "--shards", "40", "--format", "json"}, corpus());
  REQUIRE(result.status == 0);
  CHECK_THAT(result.err, Catch::Contains("balanced by test counts"));
  const json plan = json::parse(result.out);
  CHECK(plan.at("balanced_by") == "counts");
  CHECK(plan.at("shards").size() == 89);  // one test per shard, never an empty one
}

TEST_CASE("plan rejects a bad shard count and an unreadable durations file", "[e2e][plan]") {
  CHECK(run_testtier({"plan", "--shards", "0"}, corpus()).status == 2);
  const auto missing = run_testtier({"plan", "--durations", "nope.json"}, corpus());
  CHECK(missing.status == 2);
  CHECK_THAT(missing.err, Catch::Contains("nope.json"));
}

TEST_CASE("compare lists what static analysis missed first and exits 1 for a tier violation", "[e2e][compare]") {
  const auto result =
      run_testtier({"compare", "--runtime", (kExpected / "runtime_classification.json").string()}, corpus());
  CHECK(result.status == 1);
  CHECK(result.out == read_text(kExpected / "compare.txt"));
}

TEST_CASE("compare exits 0 when the runtime saw nothing the static tiers lack", "[e2e][compare]") {
  const TemporaryDirectory dir;
  dir.write("runtime.json", R"({"tests": {"tests/sentry/utils/test_json.py::test_payload_helper[1]": []}})");
  const auto result = run_testtier({"compare", "--runtime", (dir.path() / "runtime.json").string(),
                                    corpus().string()});
  CHECK(result.status == 0);
  CHECK_THAT(result.out, Catch::StartsWith("compared 1 tests"));
  const auto bad = run_testtier({"compare", "--runtime", (dir.path() / "nope.json").string(), corpus().string()});
  CHECK(bad.status == 2);
}

TEST_CASE("plan reads durations from a JUnit XML report", "[e2e][plan]") {
  const auto result = run_testtier({"plan", "--durations", (kExpected / "junit.xml").string(),
                                    "--format", "json"}, corpus());
  REQUIRE(result.status == 0);
  const json plan = json::parse(result.out);
  CHECK(plan.at("balanced_by") == "durations");
  // 71 tests, 4 in the report: test_key_saved_with_project[a&b] counts for its function.
  CHECK_THAT(result.err, Catch::Contains("85 tests have no duration"));
  for (const json& shard : plan.at("shards")) {
    if (shard.at("tier") == "snuba_tier") CHECK(shard.at("estimated_seconds").get<double>() > 15.0);
  }
}

TEST_CASE("plan's GitHub matrix names per-shard files instead of node ids past a quarter of GitHub's 1 MB output "
          "limit (issue 17.4)", "[e2e][plan]") {
  TemporaryDirectory repository;
  repository.write("pytest.ini", "[pytest]\n");
  std::set<std::string> all_tests;
  for (int file = 0; file < 40; ++file) {
    std::string text;
    const std::string path = "tests/test_module_with_a_fairly_long_descriptive_name_" + std::to_string(file) + ".py";
    for (int test = 0; test < 100; ++test) {
      const std::string name = "test_a_long_descriptive_behaviour_name_as_real_suites_have_" + std::to_string(test);
      text += "def " + name + "():\n    pass\n\n";
      all_tests.insert(path + "::" + name);
    }
    repository.write(path, text);
  }
  const auto result = run_cold_then_warm({"plan", "--shards", "8", "--format", "github-matrix", "-o", "plan/matrix.json"},
                                         repository.path());
  REQUIRE(result.status == 0);
  CHECK_THAT(result.err, Catch::Contains("plan/testtier-shards/TIER-N.txt"));
  const std::string text = read_text(repository.path() / "plan/matrix.json");
  CHECK(text.size() < 250'000);
  const json matrix = json::parse(text);
  REQUIRE(matrix.at("include").size() == 8);
  std::multiset<std::string> seen;
  for (const json& entry : matrix.at("include")) {
    CHECK_FALSE(entry.contains("tests"));
    const std::string file = entry.at("tests_file").get<std::string>();
    CHECK(file.starts_with("plan/testtier-shards/no_services-"));
    std::istringstream lines(read_text(repository.path() / file));
    for (std::string line; std::getline(lines, line);) seen.insert(line);
  }
  CHECK(seen.size() == all_tests.size());
  CHECK(std::set<std::string>(seen.begin(), seen.end()) == all_tests);
}
