// `testtier classify`: the sample corpus against its reviewed golden outputs and its README, and
// the command's behaviour on bad rules, bad roots and each rules source.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <map>
#include <regex>

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

struct ExpectedTest {
  int line = 0;
  std::string services;
  std::string tier;
  bool operator==(const ExpectedTest&) const = default;
};

/// Read the hand-written "Tests" table of corpus/README.md: `| id | line | services | tier |`.
std::map<std::string, ExpectedTest> readme_tests() {
  std::map<std::string, ExpectedTest> tests;
  std::ifstream readme(source_path("corpus/README.md"));
  const std::regex row(R"(^\| `(tests/[^`]+::[^`]+)` \| (\d+) \| ([^|]+?) \| (\w+) \|)");
  std::smatch match;
  for (std::string line; std::getline(readme, line);) {
    if (std::regex_search(line, match, row)) {
      tests[match[1]] = {std::stoi(match[2]), match[3], match[4]};
    }
  }
  return tests;
}

}  // namespace

TEST_CASE("classify output on the sample corpus equals the reviewed golden files", "[e2e][classify]") {
  const std::vector<std::pair<std::string, std::string>> formats = {
      {"json", "classify.json"}, {"text", "classify.txt"}, {"sentry", "classify.sentry.json"}, {"csv", "classify.csv"},
      {"markdown", "classify.md"}};
  for (const auto& [format, golden] : formats) {
    INFO("format " << format);
    const auto result = run_cold_then_warm({"classify", "--quiet", "--format", format}, corpus());
    REQUIRE(result.status == 0);
    CHECK(result.out == read_text(kExpected / golden));
  }
}

TEST_CASE("classify --test-reasons gives every test its reasons, else the same document", "[e2e][classify]") {
  const auto result = run_cold_then_warm({"classify", "--quiet", "--test-reasons"}, corpus());
  REQUIRE(result.status == 0);
  CHECK(result.out == read_text(kExpected / "classify.test-reasons.json"));
  json with_reasons = json::parse(result.out);
  for (json& file : with_reasons.at("files")) {
    for (json& test : file.at("tests")) test.erase("reasons");
  }
  CHECK(with_reasons == json::parse(read_text(kExpected / "classify.json")));
}

TEST_CASE("classify agrees with every test of the corpus README's table", "[e2e][classify]") {
  const auto expected = readme_tests();
  REQUIRE(expected.size() == 89);
  const auto result = run_testtier({"classify", "--quiet", corpus().string()});
  REQUIRE(result.status == 0);
  std::map<std::string, ExpectedTest> got;
  const json document = json::parse(result.out);
  for (const json& file : document.at("files")) {
    for (const json& test : file.at("tests")) {
      std::string services;
      for (const json& service : test.at("services")) {
        services += (services.empty() ? "" : ", ") + service.get<std::string>();
      }
      got[test.at("id")] = {test.at("line").get<int>(), services.empty() ? "—" : services, test.at("tier")};
    }
  }
  CHECK(got == expected);
}

TEST_CASE("classify prints input problems on stderr with their location", "[e2e][classify]") {
  const auto result = run_testtier({"classify", "--format", "csv"}, corpus());
  CHECK(result.status == 0);
  CHECK_THAT(result.err, Catch::Contains("tests/sentry/test_broken_syntax.py:16:1: warning: syntax error"));
  CHECK_THAT(result.err, Catch::Contains("tests/sentry/test_latin1.py:6:16: warning: not valid UTF-8"));
}

TEST_CASE("classify output does not depend on the thread count", "[e2e][classify]") {
  // Without the cache: -j changes the parse, which a reused result would skip.
  const auto one = run_testtier({"classify", "--no-cache", "-q", "-j", "1"}, corpus());
  const auto four = run_testtier({"classify", "--no-cache", "-q", "-j", "4"}, corpus());
  REQUIRE(one.status == 0);
  CHECK(one.out == four.out);
}

TEST_CASE("classify with bad rules names file, line and key and exits 2", "[e2e][classify]") {
  const TemporaryDirectory dir;
  dir.write("tests/test_a.py", "def test_a():\n    pass\n");
  dir.write("testtier.toml", "version = 1\n\n[project]\ntets = []\n");
  const auto result = run_testtier({"classify", "-o", "out.json"}, dir.path());
  CHECK(result.status == 2);
  CHECK_THAT(result.err, Catch::Contains("testtier.toml:4:1: error: unknown key `tets`"));
  CHECK_FALSE(std::filesystem::exists(dir.path() / "out.json"));
}

TEST_CASE("classify of a root that is not a directory exits 2", "[e2e][classify]") {
  const TemporaryDirectory dir;
  const auto result = run_testtier({"classify", "no-such-dir"}, dir.path());
  CHECK(result.status == 2);
  CHECK_THAT(result.err, Catch::Contains("no-such-dir: not a directory"));
}

TEST_CASE("classify rejects an unknown format with status 2", "[e2e][classify]") {
  const auto result = run_testtier({"classify", "--format", "yaml"}, corpus());
  CHECK(result.status == 2);
  CHECK_THAT(result.err, Catch::Contains("yaml"));
}

TEST_CASE("classify falls back to the built-in rules and the repository's pytest config", "[e2e][classify]") {
  const TemporaryDirectory dir;
  dir.write("pytest.ini", "[pytest]\ntestpaths = app_tests\npython_files = check_*.py\n");
  dir.write("app_tests/check_models.py",
            "from django.test import TestCase\n\nclass ModelTests(TestCase):\n    def test_save(self):\n        pass\n");
  dir.write("app_tests/test_ignored.py", "def test_not_collected():\n    pass\n");
  const auto result = run_testtier({"classify", "-q"}, dir.path());
  REQUIRE(result.status == 0);
  const json document = json::parse(result.out);
  CHECK(document.at("rules") == "<built-in default>");
  REQUIRE(document.at("files").size() == 1);
  const json& file = document.at("files")[0];
  CHECK(file.at("path") == "app_tests/check_models.py");
  CHECK(file.at("tier") == "postgres_only");
  CHECK(file.at("tests")[0].at("id") == "app_tests/check_models.py::ModelTests::test_save");
}

TEST_CASE("classify reads [tool.testtier] from pyproject.toml and --rules wins over it", "[e2e][classify]") {
  const TemporaryDirectory dir;
  const std::string rules_body =
      "version = 1\n[services.redis]\nports = [6379]\n[[signal]]\nmarker = [\"redis\"]\nneeds = [\"redis\"]\n"
      "[[tier]]\nname = \"{tier}\"\nprovides = [\"*\"]\n";
  auto with_tier = [&](const std::string& prefix, const std::string& tier) {
    std::string text = rules_body;
    text.replace(text.find("{tier}"), 6, tier);
    std::string prefixed;
    for (std::size_t start = 0; start < text.size();) {
      const std::size_t end = text.find('\n', start);
      std::string line = text.substr(start, end - start);
      if (line.starts_with("[[")) line = "[[" + prefix + line.substr(2);
      else if (line.starts_with("[")) line = "[" + prefix + line.substr(1);
      prefixed += line + "\n";
      start = end + 1;
    }
    return prefixed;
  };
  dir.write("pyproject.toml", "[tool.testtier]\n" + with_tier("tool.testtier.", "from_pyproject"));
  dir.write("other.toml", with_tier("", "from_flag"));
  dir.write("tests/test_a.py", "import pytest\n\n@pytest.mark.redis\ndef test_a():\n    pass\n");
  const auto from_pyproject = run_testtier({"classify", "-q"}, dir.path());
  REQUIRE(from_pyproject.status == 0);
  CHECK(json::parse(from_pyproject.out).at("files")[0].at("tier") == "from_pyproject");
  const auto from_flag = run_testtier({"classify", "-q", "--rules", "other.toml"}, dir.path());
  REQUIRE(from_flag.status == 0);
  CHECK(json::parse(from_flag.out).at("files")[0].at("tier") == "from_flag");
}

TEST_CASE("classify keeps a cache under the root and reuses it when nothing changed", "[e2e][classify]") {
  const TemporaryDirectory dir;
  std::filesystem::copy(source_path("corpus/sentry-like"), dir.path(), std::filesystem::copy_options::recursive);
  const auto cold = run_testtier({"classify", "-q", "--timings"}, dir.path());
  REQUIRE(cold.status == 0);
  CHECK(cold.out == read_text(kExpected / "classify.json"));
  CHECK_THAT(cold.err, Catch::Contains("(0 from the cache"));
  // the tests and conftests in one wave; the modules they reach as resolution meets them
  CHECK_THAT(cold.err, Catch::Contains("1 wave(s); 18 file(s) parsed on demand while resolving"));
  CHECK_THAT(cold.err, Catch::Contains("53 parsed (0 from the cache"));
  CHECK_THAT(read_text(dir.path() / ".testtier_cache/.gitignore"), Catch::Contains("*"));

  const auto warm = run_testtier({"classify", "-q", "--timings"}, dir.path());
  REQUIRE(warm.status == 0);
  CHECK(warm.out == cold.out);
  CHECK_THAT(warm.err, Catch::Contains("nothing changed since the last run"));

  std::ofstream(dir.path() / "tests/sentry/utils/test_strings.py", std::ios::app) << "\ndef test_more():\n    pass\n";
  const auto edited = run_testtier({"classify", "-q", "--timings"}, dir.path());
  REQUIRE(edited.status == 0);
  CHECK_THAT(edited.err, Catch::Contains("from the cache"));
  CHECK_THAT(edited.out, Catch::Contains("test_strings.py::test_more"));
}

TEST_CASE("classify --no-cache neither reads nor writes a cache", "[e2e][classify]") {
  const TemporaryDirectory dir;
  std::filesystem::copy(source_path("corpus/sentry-like"), dir.path(), std::filesystem::copy_options::recursive);
  const auto result = run_testtier({"classify", "-q", "--no-cache"}, dir.path());
  REQUIRE(result.status == 0);
  CHECK(result.out == read_text(kExpected / "classify.json"));
  CHECK_FALSE(std::filesystem::exists(dir.path() / ".testtier_cache"));
}

TEST_CASE("with the built-in rules, classify, plan and report say what those rules know; -q and own rules silence it",
          "[e2e][classify]") {
  TemporaryDirectory repository;
  repository.write("pytest.ini", "[pytest]\n");
  repository.write("tests/test_cache.py", "import redis\n\ndef test_get():\n    redis.Redis().get('x')\n");
  for (const std::vector<std::string>& command :
       std::vector<std::vector<std::string>>{{"classify"}, {"plan"}, {"report", "--html", "report.html"}}) {
    INFO(command.front());
    const auto loud = run_testtier(command, repository.path());
    CHECK(loud.status == 0);
    CHECK_THAT(loud.err, Catch::Contains("the built-in rules know only Django's database (postgres)"));
    std::vector<std::string> quiet = command;
    quiet.push_back("-q");
    CHECK_THAT(run_testtier(quiet, repository.path()).err, !Catch::Contains("built-in rules"));
  }
  repository.write("testtier.toml", "version = 1\n[[tier]]\nname = \"all\"\nprovides = [\"*\"]\n");
  CHECK_THAT(run_testtier({"classify"}, repository.path()).err, !Catch::Contains("built-in rules"));
}
