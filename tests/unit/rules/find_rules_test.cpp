#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "rules/temp_dir.hpp"
#include "testtier/rules.hpp"

using testtier::find_rules;
using testtier::load_rules_file;
using testtier::Rules;
using testtier::RulesError;
using testtier::test::TempDir;

namespace fs = std::filesystem;

namespace {

/// Rules whose one tier is called `tier`.
std::string rules_with_tier(const std::string& tier) {
  return "version = 1\n[[tier]]\nname = \"" + tier + "\"\nprovides = [\"*\"]\n";
}

/// A pyproject.toml whose [tool.testtier] has one tier called `tier`.
std::string pyproject_with_tier(const std::string& tier) {
  return "[project]\nname = \"x\"\n[tool.testtier]\nversion = 1\n[[tool.testtier.tier]]\n"
         "name = \"" + tier + "\"\nprovides = [\"*\"]\n";
}

std::vector<std::string> tier_names(const Rules& rules) {
  std::vector<std::string> names;
  for (const auto& tier : rules.tiers) names.push_back(tier.name);
  return names;
}

/// Return the rules file `rel` of the source tree.
fs::path source_file(const std::string& rel) { return fs::path(TESTTIER_SOURCE_DIR) / rel; }

}  // namespace

TEST_CASE("find_rules prefers an explicit file", "[rules]") {
  TempDir dir;
  const fs::path explicit_file = dir.write("elsewhere/mine.toml", rules_with_tier("explicit"));
  dir.write("testtier.toml", rules_with_tier("own"));
  const Rules rules = find_rules(dir.root(), explicit_file);
  CHECK(rules.origin == explicit_file.string());
  CHECK(tier_names(rules) == std::vector<std::string>{"explicit"});
}

TEST_CASE("find_rules takes ROOT/testtier.toml before pyproject.toml", "[rules]") {
  TempDir dir;
  dir.write("testtier.toml", rules_with_tier("own"));
  dir.write("pyproject.toml", pyproject_with_tier("pyproject"));
  const Rules rules = find_rules(dir.root());
  CHECK(rules.origin == (dir.root() / "testtier.toml").string());
  CHECK(tier_names(rules) == std::vector<std::string>{"own"});
}

TEST_CASE("find_rules takes [tool.testtier] from pyproject.toml", "[rules]") {
  TempDir dir;
  dir.write("pyproject.toml", pyproject_with_tier("pyproject"));
  const Rules rules = find_rules(dir.root());
  CHECK(rules.origin == (dir.root() / "pyproject.toml").string());
  CHECK(tier_names(rules) == std::vector<std::string>{"pyproject"});
}

TEST_CASE("find_rules falls back to the built-in default", "[rules]") {
  TempDir dir;
  CHECK(find_rules(dir.root()).origin == "<built-in default>");
  dir.write("pyproject.toml", "[project]\nname = \"x\"\n");
  CHECK(find_rules(dir.root()).origin == "<built-in default>");
}

TEST_CASE("find_rules reports broken rules with file and line", "[rules]") {
  TempDir dir;
  dir.write("testtier.toml", "version = 1\n[project]\ntets = []\n");
  try {
    find_rules(dir.root());
    FAIL("no error");
  } catch (const RulesError& error) {
    CHECK(error.origin() == (dir.root() / "testtier.toml").string());
    CHECK(error.location().line == 3);
    CHECK(error.key() == "project.tets");
  }
}

TEST_CASE("find_rules refuses a pyproject.toml that is not TOML", "[rules]") {
  TempDir dir;
  dir.write("pyproject.toml", "[project]\nname = \n");
  try {
    find_rules(dir.root());
    FAIL("no error");
  } catch (const RulesError& error) {
    CHECK(error.origin() == (dir.root() / "pyproject.toml").string());
    CHECK(error.location().line == 2);
    CHECK(error.key().empty());
  }
}

TEST_CASE("load_rules_file reports a file it cannot read", "[rules]") {
  TempDir dir;
  const fs::path missing = dir.root() / "missing.toml";
  try {
    load_rules_file(missing);
    FAIL("no error");
  } catch (const RulesError& error) {
    CHECK(error.origin() == missing.string());
    CHECK(error.location().line == 0);
    CHECK(error.key().empty());
    CHECK(error.message() == "cannot read rules: No such file or directory");
    CHECK(std::string(error.what()) ==
          missing.string() + ": error: cannot read rules: No such file or directory");
  }
  CHECK_THROWS_AS(find_rules(dir.root(), missing), RulesError);
}

TEST_CASE("the built-in default rules load and are rules/default.toml", "[rules]") {
  const Rules rules = testtier::default_rules();
  CHECK(rules.origin == "<built-in default>");
  CHECK(tier_names(rules) ==
        std::vector<std::string>{"no_services", "postgres_only", "all_services"});
  CHECK(rules.services.size() == 1);
  CHECK(rules.services.contains("postgres"));
  CHECK_FALSE(rules.project.test_files);
  CHECK_FALSE(rules.project.test_classes);
  CHECK_FALSE(rules.project.test_functions);
  const Rules from_file = load_rules_file(source_file("rules/default.toml"));
  CHECK(from_file.signals.size() == rules.signals.size());
  CHECK(from_file.project.exclude == rules.project.exclude);
}

TEST_CASE("rules/sentry.toml loads with its four tiers", "[rules]") {
  const Rules rules = load_rules_file(source_file("rules/sentry.toml"));
  CHECK(tier_names(rules) == std::vector<std::string>{"no_services", "postgres_only",
                                                      "other_services", "snuba_tier"});
  CHECK(rules.services.contains("snuba"));
  CHECK(rules.services.at("snuba").brings ==
        std::vector<std::string>{"clickhouse", "kafka", "redis"});
  CHECK_FALSE(rules.signals.empty());
  CHECK_FALSE(rules.suspicious.empty());
  CHECK(rules.tiers.back().provides_everything);
}

TEST_CASE("corpus/sentry-like/testtier.toml loads with Sentry's tiers", "[rules]") {
  const fs::path root = source_file("corpus/sentry-like");
  const Rules rules = find_rules(root);
  CHECK(rules.origin == (root / "testtier.toml").string());
  CHECK(tier_names(rules) == std::vector<std::string>{"no_services", "postgres_only",
                                                      "other_services", "snuba_tier"});
}

TEST_CASE("find_project_root takes the nearest testtier rules upward, as ruff does", "[rules][root]") {
  const TempDir dir;
  dir.write("repo/testtier.toml", rules_with_tier("own"));
  dir.write("repo/pytest.ini", "[pytest]\n");
  dir.write("repo/tests/unit/test_a.py", "");
  dir.write("repo/tests/pytest.ini", "[pytest]\n");  // nearer, but only pytest's: the rules win
  const fs::path repo = fs::canonical(dir.root() / "repo");
  const testtier::ProjectRoot from_deep = testtier::find_project_root(dir.root() / "repo/tests/unit");
  CHECK(from_deep.root == repo);
  CHECK(from_deep.config == repo / "testtier.toml");
  CHECK(from_deep.has_rules);
  // a file starts the search in its directory
  CHECK(testtier::find_project_root(dir.root() / "repo/tests/unit/test_a.py").root == repo);
  CHECK(testtier::find_project_root(dir.root() / "repo").root == repo);
}

TEST_CASE("find_project_root: a pyproject.toml counts only with [tool.testtier]", "[rules][root]") {
  const TempDir dir;
  dir.write("repo/pyproject.toml", pyproject_with_tier("from_pyproject"));
  dir.write("repo/sub/pyproject.toml", "[project]\nname = \"sub\"\n");  // no [tool.testtier]: passed over
  dir.write("repo/sub/tests/test_a.py", "");
  const testtier::ProjectRoot found = testtier::find_project_root(dir.root() / "repo/sub/tests");
  CHECK(found.root == fs::canonical(dir.root() / "repo"));
  CHECK(found.config.filename() == "pyproject.toml");
  CHECK(tier_names(find_rules(found.root)) == std::vector<std::string>{"from_pyproject"});
}

TEST_CASE("find_project_root falls back to the nearest pytest configuration, then the start", "[rules][root]") {
  const TempDir dir;
  dir.write("repo/setup.cfg", "[metadata]\nname = x\n");  // no [tool:pytest]: not pytest's
  dir.write("repo/tox.ini", "[pytest]\ntestpaths = tests\n");
  dir.write("repo/tests/test_a.py", "");
  const testtier::ProjectRoot found = testtier::find_project_root(dir.root() / "repo/tests");
  CHECK(found.root == fs::canonical(dir.root() / "repo"));
  CHECK(found.config.filename() == "tox.ini");
  CHECK_FALSE(found.has_rules);

  const TempDir bare;
  bare.write("a/b/test_x.py", "");
  const testtier::ProjectRoot nothing = testtier::find_project_root(bare.root() / "a/b");
  CHECK(nothing.root == fs::canonical(bare.root() / "a/b"));
  CHECK(nothing.config.empty());
}

TEST_CASE("find_project_root stops at a broken pyproject.toml, whose loading says why", "[rules][root]") {
  const TempDir dir;
  dir.write("repo/pyproject.toml", "[tool.testtier\n");
  dir.write("repo/tests/test_a.py", "");
  const testtier::ProjectRoot found = testtier::find_project_root(dir.root() / "repo/tests");
  CHECK(found.root == fs::canonical(dir.root() / "repo"));
  CHECK_THROWS_AS(find_rules(found.root), RulesError);
}
