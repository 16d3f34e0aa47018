// Each command's help promises only exit statuses it returns: for every command, the statuses
// its `--help` footer lists are exactly the ones the cases below produce, each case's status is
// one it lists, and each listed status has a case.
#include <catch2/catch.hpp>

#include <map>
#include <regex>
#include <set>

#include "cli.hpp"

using namespace testtier::e2e;
namespace fs = std::filesystem;

namespace {

/// Return the statuses the "Exit status: 0 ...; 1 ...; 2 ..." line of `help` lists.
std::set<int> promised(const std::string& help) {
  const std::size_t start = help.find("Exit status:");
  if (start == std::string::npos) return {};
  const std::string line = help.substr(start, help.find("\n\n", start) - start);
  std::set<int> statuses;
  const std::regex status(R"((?:: |; )([0-9]) )");
  for (std::sregex_iterator it(line.begin(), line.end(), status), end; it != end; ++it) {
    statuses.insert(std::stoi((*it)[1]));
  }
  return statuses;
}

struct Case {
  std::vector<std::string> args;
  int status;
};

}  // namespace

TEST_CASE("every command's help lists the exit statuses it returns, and no other", "[e2e][cli][exit]") {
  const CorpusCopy corpus("corpus/sentry-like");
  const fs::path& root = corpus.path();
  const std::string runtime = source_path("corpus/expected/sentry-like/runtime_classification.json").string();
  const std::string agreeing = corpus.write("agreeing.json", R"({"tests": {}})").string();
  const std::string durations = source_path("corpus/expected/sentry-like/test_durations.json").string();
  const std::string into_directory = (root / "tests").string();  // -o onto a directory: refused
  const std::map<std::string, std::vector<Case>> cases = {
      {"classify", {{{"-q"}, 0}, {{"--rules", "nope.toml"}, 2}, {{"-q", "-o", into_directory}, 2}, {{"--bogus"}, 2}}},
      {"lint",
       {{{"tests/sentry/utils/test_json.py"}, 0},
        {{"--select", "TT002"}, 0},  // notes only
        {{"--exit-zero"}, 0},
        {{"--explain", "TT001"}, 0},
        {{}, 1},
        {{"--select", "XY1"}, 2},
        {{"--explain", "TT999"}, 2},
        {{"src/sentry/utils"}, 2},  // no test file among the paths
        {{"-o", into_directory}, 2}}},
      {"explain",
       {{{"tests/sentry/consumers/test_occurrence_consumer.py"}, 0},
        {{"tests/sentry/consumers/test_occurrence_consumer.py", "--format", "json"}, 0},
        {{"tests/none.py"}, 2},
        {{}, 2}}},
      {"affected", {{{"-q", "--changed", "conftest.py"}, 0}, {{}, 2}, {{"--changed-from", "missing.txt"}, 2}}},
      {"plan", {{{"-q"}, 0}, {{"-q", "--durations", durations}, 0}, {{"--shards", "nope=2"}, 2}, {{"--durations", "missing"}, 2}}},
      {"compare",
       {{{"--runtime", agreeing}, 0}, {{"--runtime", runtime}, 1}, {{"--runtime", runtime, "--format", "json"}, 1},
        {{"--runtime", "missing.json"}, 2}, {{}, 2}}},
      {"report",
       {{{"-q", "--html", "report.html"}, 0}, {{"-q"}, 2}, {{"--html", "r.html", "--shards", "nope=2"}, 2},
        {{"--html", into_directory}, 2}}},
      {"config", {{{}, 0}, {{"--rules", "nope.toml"}, 2}, {{"-o", into_directory}, 2}}},
      {"facts", {{{"conftest.py"}, 0}, {{"missing.py"}, 2}, {{}, 2}}},
  };
  for (const auto& [command, runs] : cases) {
    INFO("testtier " << command);
    const auto help = run_testtier({command, "--help"});
    REQUIRE(help.status == 0);
    const std::set<int> listed = promised(help.out);
    CHECK_FALSE(listed.empty());
    std::set<int> seen;
    for (const Case& each : runs) {
      std::vector<std::string> args{command};
      args.insert(args.end(), each.args.begin(), each.args.end());
      const auto result = run_testtier(args, root);
      INFO("args: " << Catch::Detail::stringify(each.args) << "\nstderr: " << result.err);
      CHECK(result.status == each.status);
      CHECK(listed.contains(result.status));
      seen.insert(result.status);
    }
    CHECK(seen == listed);
  }
}

TEST_CASE("the program's own help and exit statuses: 0 for --help and --version, 2 for usage", "[e2e][cli][exit]") {
  const auto help = run_testtier({"--help"});
  CHECK(help.status == 0);
  CHECK(promised(help.out) == std::set<int>{0, 1, 2});
  CHECK_THAT(help.out, Catch::Contains("1 only from lint") && Catch::Contains("compare"));
  CHECK(run_testtier({"--version"}).status == 0);
  CHECK(run_testtier({}).status == 2);
  CHECK(run_testtier({"frobnicate"}).status == 2);
}
