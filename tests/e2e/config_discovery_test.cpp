// Issue 14, points 8 and 9: the root and rules found upward as ruff and pytest find them, from any
// subdirectory or path; `testtier config`; rules that match nothing (TT906); every rules error at
// once; brace globs; plan and compare refusing what the rules do not know.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>

#include "cli.hpp"

using namespace testtier::e2e;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

/// Rules for a small repository: a Snuba marker, a Redis fixture, tests by path.
constexpr const char* kRules = R"(version = 1

[project]
test_files = ["tests/**/test_*.py"]

[services.postgres]
[services.snuba]
[services.redis]

[[signal]]
marker = ["snuba"]
needs = ["snuba"]
[[signal]]
fixture = ["redis_client"]
needs = ["redis"]
[[signal]]
path = ["tests/{db,models}/**"]
needs = ["postgres"]

[[tier]]
name = "no_services"
provides = []
[[tier]]
name = "postgres_only"
provides = ["postgres"]
[[tier]]
name = "everything"
provides = ["*"]
)";

/// Write a repository with its rules in testtier.toml under `dir`/`at`.
void write_repository(const TemporaryDirectory& dir, const std::string& at = "") {
  const std::string base = at.empty() ? "" : at + "/";
  dir.write(base + "testtier.toml", kRules);
  dir.write(base + "tests/__init__.py", "");
  dir.write(base + "tests/conftest.py", "import pytest\n\n@pytest.fixture\ndef redis_client():\n    return None\n");
  dir.write(base + "tests/api/test_events.py",
            "import pytest\n\n@pytest.mark.snuba\ndef test_query():\n    pass\n\ndef test_cache(redis_client):\n    pass\n");
  dir.write(base + "tests/db/test_models.py", "def test_save():\n    pass\n");
  dir.write(base + "tests/unit/test_pure.py", "def test_add():\n    assert 1 + 1 == 2\n");
}

std::string tier_of(const json& document, const std::string& path) {
  for (const json& file : document.at("files")) {
    if (file.at("path") == path) return file.at("tier");
  }
  return "";
}

}  // namespace

TEST_CASE("classify from a subdirectory uses the root's rules, paths and cache: cold then warm, identical",
          "[e2e][config]") {
  const TemporaryDirectory dir;
  write_repository(dir);
  const auto cold_root = run_testtier({"classify"}, dir.path());
  REQUIRE(cold_root.status == 0);
  const json document = json::parse(cold_root.out);
  CHECK(document.at("rules") == "testtier.toml");
  CHECK(document.at("root") == ".");
  CHECK(tier_of(document, "tests/api/test_events.py") == "everything");
  CHECK(tier_of(document, "tests/db/test_models.py") == "postgres_only");  // the brace glob
  CHECK(tier_of(document, "tests/unit/test_pure.py") == "no_services");
  const auto warm_root = run_testtier({"classify", "--timings"}, dir.path());
  CHECK(warm_root.out == cold_root.out);
  CHECK_THAT(warm_root.err, Catch::Contains("nothing changed since the last run"));

  // From deep inside: the same document, and the root's cache reused (none made in the subdirectory).
  const auto warm_sub = run_testtier({"classify", "--timings"}, dir.path() / "tests/api");
  REQUIRE(warm_sub.status == 0);
  CHECK(warm_sub.out == cold_root.out);
  CHECK_THAT(warm_sub.err, Catch::Contains("nothing changed since the last run"));
  CHECK_FALSE(fs::exists(dir.path() / "tests/api/.testtier_cache"));
  CHECK_FALSE(fs::exists(dir.path() / "tests/.testtier_cache"));

  // Cold from the subdirectory (cache removed), then warm there: identical again.
  fs::remove_all(dir.path() / ".testtier_cache");
  const auto cold_sub = run_testtier({"classify", "-o", "out.json"}, dir.path() / "tests");
  REQUIRE(cold_sub.status == 0);
  CHECK(read_text(dir.path() / "tests/out.json") == cold_root.out);  // -o is relative to where it ran
  CHECK(fs::exists(dir.path() / ".testtier_cache"));
  const auto warm_again = run_testtier({"classify"}, dir.path() / "tests");
  CHECK(warm_again.out == cold_root.out);
}

TEST_CASE("the root is the nearest pytest configuration when there are no testtier rules", "[e2e][config]") {
  const TemporaryDirectory dir;
  dir.write("pytest.ini", "[pytest]\ntestpaths = tests\n");
  dir.write("tests/unit/test_pure.py", "def test_add():\n    pass\n");
  dir.write("elsewhere/test_not_collected.py", "def test_no():\n    pass\n");
  const auto result = run_testtier({"classify", "-q"}, dir.path() / "tests/unit");
  REQUIRE(result.status == 0);
  const json document = json::parse(result.out);
  CHECK(document.at("rules") == "<built-in default>");
  REQUIRE(document.at("files").size() == 1);
  CHECK(document.at("files")[0].at("path") == "tests/unit/test_pure.py");
}

TEST_CASE("lint PATH from outside the repository finds its root, no test file checked is an error",
          "[e2e][config][lint]") {
  const TemporaryDirectory dir;
  write_repository(dir, "repo");
  const auto outside = run_testtier({"lint", "--format", "json", "repo"}, dir.path());
  CHECK(outside.status == 0);  // checked, and clean
  CHECK(json::parse(outside.out).at("files_checked") == 3);
  const auto one = run_testtier({"lint", "--format", "json", "repo/tests/api/test_events.py"}, dir.path());
  CHECK(json::parse(one.out).at("files_checked") == 1);
  // A conftest stands for the tests below it.
  const auto conftest = run_testtier({"lint", "--format", "json", "tests/conftest.py"}, dir.path() / "repo");
  CHECK(json::parse(conftest.out).at("files_checked") == 3);

  dir.write("empty/pytest.ini", "[pytest]\n");
  dir.write("empty/src/app.py", "x = 1\n");
  const auto nothing = run_testtier({"lint", "empty"}, dir.path());
  CHECK(nothing.status == 2);
  CHECK_THAT(nothing.err, Catch::Contains("no test file checked") && Catch::Contains("empty"));
  const auto classify_nothing = run_testtier({"classify", "-q"}, dir.path() / "empty/src");
  CHECK(classify_nothing.status == 0);
  CHECK_THAT(classify_nothing.err, Catch::Contains("warning: no test file checked"));
}

TEST_CASE("explain PATH from outside the repository", "[e2e][config][explain]") {
  const TemporaryDirectory dir;
  write_repository(dir, "repo");
  const auto result = run_testtier({"explain", "repo/tests/api/test_events.py::test_query"}, dir.path());
  REQUIRE(result.status == 0);
  CHECK_THAT(result.out, Catch::Contains("tests/api/test_events.py::test_query") && Catch::Contains("snuba"));
}

TEST_CASE("testtier config shows the root, how it was found, and each rule with where it is written",
          "[e2e][config]") {
  const TemporaryDirectory dir;
  write_repository(dir);
  const auto result = run_testtier({"config"}, dir.path() / "tests/api");
  REQUIRE(result.status == 0);
  CHECK_THAT(result.out, Catch::Contains("#   found by: testtier.toml (nearest testtier rules)"));
  CHECK_THAT(result.out, Catch::Contains("# rules: testtier.toml"));
  CHECK_THAT(result.out, Catch::Contains("[[signal]]") && Catch::Contains("# testtier.toml:10"));
  CHECK_THAT(result.out, Catch::Contains("marker = [\"snuba\"]"));
  CHECK_THAT(result.out, Catch::Contains("test_classes = [\"Test*\"]") && Catch::Contains("pytest's default"));
}

TEST_CASE("rules that match nothing get TT906 at the rules file's line, with did-you-mean", "[e2e][config][lint]") {
  const TemporaryDirectory dir;
  write_repository(dir);
  std::string rules = kRules;
  rules.replace(rules.find("marker = [\"snuba\"]"), 18, "marker = [\"snbua\"]");
  rules.replace(rules.find("fixture = [\"redis_client\"]"), 26, "fixture = [\"redis_clinet\"]");
  rules.replace(rules.find("tests/{db,models}/**"), 20, "tests/{dbs,modles}/**");
  dir.write("testtier.toml", rules);
  const auto result = run_testtier({"classify"}, dir.path());
  REQUIRE(result.status == 0);
  CHECK_THAT(result.err, Catch::Contains("testtier.toml:11:11: warning: `marker` \"snbua\" appears in none of the") &&
                             Catch::Contains("did you mean `snuba`? [TT906]"));
  CHECK_THAT(result.err, Catch::Contains("testtier.toml:14:12: warning: `fixture` \"redis_clinet\"") &&
                             Catch::Contains("did you mean `redis_client`?"));
  CHECK_THAT(result.err, Catch::Contains("testtier.toml:17:9: warning: `path` glob \"tests/{dbs,modles}/**\" matches "
                                         "no Python file under the root"));
  const auto lint = run_testtier({"lint", "--select", "TT906"}, dir.path());
  CHECK(lint.status == 1);
  CHECK_THAT(lint.out, Catch::Contains("testtier.toml:11:11: TT906"));
  // The root given as a path is the whole repository too; some files only are not checked for it.
  const auto from_outside = run_testtier({"lint", dir.path().string(), "--select", "TT906"});
  CHECK(from_outside.out == lint.out);
  const auto some = run_testtier({"lint", "tests/api", "--select", "TT906"}, dir.path());
  CHECK(some.status == 0);
  CHECK(run_testtier({"lint", "--explain", "TT906"}).status == 0);
}

TEST_CASE("every error of a rules file is printed in one run, and a tier after `*` is one", "[e2e][config]") {
  const TemporaryDirectory dir;
  write_repository(dir);
  std::string rules = kRules;
  rules.replace(rules.find("[project]\n"), 10, "[project]\ntets = 1\n");
  rules.replace(rules.find("needs = [\"redis\"]"), 17, "needs = [\"rediss\"]");
  dir.write("testtier.toml", rules);
  const auto result = run_testtier({"classify"}, dir.path() / "tests");
  CHECK(result.status == 2);
  CHECK_THAT(result.err, Catch::Contains("testtier.toml:4:1: error: unknown key `tets`"));
  CHECK_THAT(result.err, Catch::Contains("\ntesttier.toml:16:10: error: unknown service `rediss`"));

  dir.write("testtier.toml", std::string(kRules) + "[[tier]]\nname = \"never\"\nprovides = [\"redis\"]\n");
  const auto late_tier = run_testtier({"classify"}, dir.path());
  CHECK(late_tier.status == 2);
  CHECK_THAT(late_tier.err, Catch::Contains("testtier.toml:30:8: error: tier `never` can never be chosen: tier "
                                            "`everything` before it provides every service"));
}

TEST_CASE("plan --shards with an unknown tier or N < 1 exits 2, compare names unknown runtime services",
          "[e2e][config][plan]") {
  const TemporaryDirectory dir;
  write_repository(dir);
  const auto unknown = run_testtier({"plan", "--shards", "snuba_tier=2"}, dir.path());
  CHECK(unknown.status == 2);
  CHECK_THAT(unknown.err, Catch::Contains("no tier `snuba_tier`") && Catch::Contains("no_services, postgres_only, everything"));
  CHECK(run_testtier({"plan", "--shards", "everything=0"}, dir.path()).status == 2);
  CHECK(run_testtier({"plan", "--shards", "everything=-1"}, dir.path()).status == 2);
  CHECK(run_testtier({"plan", "--shards", "-3"}, dir.path()).status == 2);
  CHECK(run_testtier({"plan", "--shards", "everything=2"}, dir.path()).status == 0);

  dir.write("runtime.json", R"({"tests": {"tests/unit/test_pure.py::test_add": ["memcached"],
                                          "tests/api/test_events.py::test_query": ["snuba", "memcached"]}})");
  const auto compared = run_testtier({"compare", "--runtime", "../runtime.json"}, dir.path() / "tests");
  CHECK(compared.status == 1);
  CHECK_THAT(compared.err, Catch::Contains("warning: runtime service `memcached` (2 tests) is not a service of "
                                           "testtier.toml"));
  CHECK_THAT(compared.out, Catch::Contains("unknown to the rules:"));
}
