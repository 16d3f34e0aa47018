#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>
#include <string_view>

#include "testtier/glob.hpp"
#include "testtier/rules.hpp"

using testtier::EvidenceKind;
using testtier::parse_pyproject_rules;
using testtier::parse_rules;
using testtier::Rules;
using testtier::RulesError;

namespace {

/// Return the RulesError that parsing `text` throws; fail the test when it throws none.
RulesError error_of(std::string_view text) {
  try {
    parse_rules(text, "rules.toml");
  } catch (const RulesError& error) {
    return error;
  }
  FAIL("no RulesError for:\n" << text);
  throw std::logic_error("unreachable");
}

/// Check that parsing `text` fails at `line` about `key` with `message`.
void check_error(std::string_view text, std::uint32_t line, const std::string& key,
                 const std::string& message) {
  const RulesError error = error_of(text);
  CHECK(error.origin() == "rules.toml");
  CHECK(error.location().line == line);
  CHECK(error.key() == key);
  CHECK(error.message() == message);
}

/// Return what Glob says about the bad `pattern`.
std::string glob_error(const std::string& pattern) {
  try {
    testtier::Glob{pattern};
  } catch (const std::invalid_argument& error) {
    return error.what();
  }
  return "";
}

/// Rules with one service and one tier, for errors elsewhere to be appended to (5 lines).
const std::string kValid = R"(version = 1
[services.postgres]
ports = [5432]
[[tier]]
provides = ["*"]
name = "all"
)";

}  // namespace

TEST_CASE("parse_rules reads every section of a valid file", "[rules]") {
  const Rules rules = parse_rules(R"(version = 1
[project]
import_roots = ["src"]
test_files = ["tests/**/test_*.py"]
exclude = ["**/.venv/**"]
test_classes = ["Test*"]
test_functions = ["test*"]

[services.postgres]
ports = [5432]
[services.snuba]
ports = [1218]
brings = ["redis"]
startup_seconds = 270
[services.redis]
startup_seconds = 0.5

[[signal]]
marker = ["snuba"]
needs = ["snuba"]

[[signal]]
setting = ["SENTRY_TSDB=*snuba*", "SENTRY_SEARCH"]
needs = ["snuba", "redis"]
declared = true

[[suspicious]]
imports = ["sentry.snuba"]
service = "snuba"

[[tier]]
name = "none"
provides = []
[[tier]]
name = "pg"
provides = ["postgres"]
[[tier]]
name = "all"
provides = ["*"]
)",
                                  "rules.toml");
  CHECK(rules.origin == "rules.toml");
  CHECK(rules.project.import_roots == std::vector<std::string>{"src"});
  CHECK(rules.project.test_files == std::vector<std::string>{"tests/**/test_*.py"});
  CHECK(rules.project.exclude == std::vector<std::string>{"**/.venv/**"});
  CHECK(rules.project.test_classes == std::vector<std::string>{"Test*"});
  CHECK(rules.project.test_functions == std::vector<std::string>{"test*"});

  REQUIRE(rules.services.size() == 3);
  const auto& snuba = rules.services.at("snuba");
  CHECK(snuba.name == "snuba");
  CHECK(snuba.ports == std::vector<int>{1218});
  CHECK(snuba.brings == std::vector<std::string>{"redis"});
  CHECK(snuba.startup_seconds == 270);
  CHECK(rules.services.at("redis").startup_seconds == 0.5);
  CHECK(rules.services.at("redis").ports.empty());

  REQUIRE(rules.signals.size() == 2);
  CHECK(rules.signals[0].kind == EvidenceKind::marker);
  CHECK(rules.signals[0].patterns == std::vector<std::string>{"snuba"});
  CHECK(rules.signals[0].needs == std::vector<std::string>{"snuba"});
  CHECK(rules.signals[0].declared);
  CHECK(rules.signals[0].location.line == 18);
  CHECK(rules.signals[1].kind == EvidenceKind::setting);
  CHECK(rules.signals[1].needs == std::vector<std::string>{"snuba", "redis"});
  CHECK(rules.signals[1].declared);
  CHECK(rules.signals[1].location.line == 22);

  REQUIRE(rules.suspicious.size() == 1);
  CHECK(rules.suspicious[0].imports == std::vector<std::string>{"sentry.snuba"});
  CHECK(rules.suspicious[0].service == "snuba");
  CHECK(rules.suspicious[0].location.line == 27);

  REQUIRE(rules.tiers.size() == 3);
  CHECK(rules.tiers[0].name == "none");
  CHECK(rules.tiers[0].provides.empty());
  CHECK_FALSE(rules.tiers[0].provides_everything);
  CHECK(rules.tiers[1].provides == std::vector<std::string>{"postgres"});
  CHECK(rules.tiers[2].provides_everything);
}

TEST_CASE("parse_rules leaves absent project lists to the pytest configuration", "[rules]") {
  const Rules rules = parse_rules(kValid, "rules.toml");
  CHECK(rules.project.import_roots == std::vector<std::string>{"src", "."});
  CHECK_FALSE(rules.project.test_files);
  CHECK_FALSE(rules.project.test_classes);
  CHECK_FALSE(rules.project.test_functions);
  CHECK(rules.project.exclude.empty());
  CHECK(rules.signals.empty());
  CHECK(rules.suspicious.empty());
}

TEST_CASE("a signal's `declared` defaults by evidence kind", "[rules]") {
  const std::string text = kValid + R"(
[[signal]]
base_class = ["a.B"]
needs = ["postgres"]
[[signal]]
marker = ["m"]
needs = ["postgres"]
[[signal]]
fixture = ["f"]
needs = ["postgres"]
[[signal]]
path = ["tests/db/**"]
needs = ["postgres"]
[[signal]]
setting = ["DB=*pg*"]
needs = ["postgres"]
[[signal]]
call = ["connect"]
needs = ["postgres"]
[[signal]]
import = ["psycopg2"]
needs = ["postgres"]
[[signal]]
import = ["psycopg"]
needs = ["postgres"]
declared = true
[[signal]]
marker = ["m2"]
needs = ["postgres"]
declared = false
)";
  const Rules rules = parse_rules(text, "rules.toml");
  REQUIRE(rules.signals.size() == 9);
  const std::vector<std::pair<EvidenceKind, bool>> expected = {
      {EvidenceKind::base_class, true}, {EvidenceKind::marker, true},
      {EvidenceKind::fixture, true},    {EvidenceKind::path, true},
      {EvidenceKind::setting, false},   {EvidenceKind::call, false},
      {EvidenceKind::import, false},    {EvidenceKind::import, true},
      {EvidenceKind::marker, false}};
  for (std::size_t i = 0; i < expected.size(); ++i) {
    CAPTURE(i);
    CHECK(rules.signals[i].kind == expected[i].first);
    CHECK(rules.signals[i].declared == expected[i].second);
    CHECK(testtier::declares_by_default(rules.signals[i].kind) ==
          (i < 4 || (i == 8)));
  }
}

TEST_CASE("evidence kinds print as their TOML keys", "[rules]") {
  CHECK(testtier::to_string(EvidenceKind::base_class) == "base_class");
  CHECK(testtier::to_string(EvidenceKind::marker) == "marker");
  CHECK(testtier::to_string(EvidenceKind::fixture) == "fixture");
  CHECK(testtier::to_string(EvidenceKind::path) == "path");
  CHECK(testtier::to_string(EvidenceKind::setting) == "setting");
  CHECK(testtier::to_string(EvidenceKind::call) == "call");
  CHECK(testtier::to_string(EvidenceKind::import) == "import");
  CHECK(testtier::to_string(EvidenceKind::decorator) == "decorator");
  CHECK(testtier::to_string(EvidenceKind::env) == "env");
}

TEST_CASE("env signals are read: globs on variable names, inferring by default", "[rules][env]") {
  const Rules rules = parse_rules(kValid + R"(
[[signal]]
env = ["SENTRY_PYTHON_TEST_POSTGRES_*", "REDIS_URL"]
needs = ["postgres"]
[[signal]]
env = ["PG_{HOST,PORT}"]
needs = ["postgres"]
declared = true
)",
                                  "rules.toml");
  REQUIRE(rules.signals.size() == 2);
  CHECK(rules.signals[0].kind == EvidenceKind::env);
  CHECK(rules.signals[0].patterns == std::vector<std::string>{"SENTRY_PYTHON_TEST_POSTGRES_*", "REDIS_URL"});
  CHECK(rules.signals[0].needs == std::vector<std::string>{"postgres"});
  CHECK_FALSE(rules.signals[0].declared);
  CHECK_FALSE(testtier::declares_by_default(EvidenceKind::env));
  REQUIRE(rules.signals[0].pattern_locations.size() == 2);
  CHECK(rules.signals[0].pattern_locations[0].line == 9);
  CHECK(rules.signals[1].declared);
}

TEST_CASE("bad env globs, and env globs holding '/', are refused", "[rules][env]") {
  check_error(kValid + "[[signal]]\nenv = [\"A_*\", \"B_[x\"]\nneeds = [\"postgres\"]\n", 8, "signal[0].env",
              "bad glob in `env`: " + glob_error("B_[x"));
  check_error(kValid + "[[signal]]\nenv = [\"a/B\"]\nneeds = [\"postgres\"]\n", 8, "signal[0].env",
              "`env` glob \"a/B\" holds '/'; it is matched against an environment variable's name, e.g. "
              "\"REDIS_URL\" or \"SENTRY_PYTHON_TEST_POSTGRES_*\"");
  check_error(kValid + "[[signal]]\nenv = []\nneeds = [\"postgres\"]\n", 8, "signal[0].env",
              "`env` is empty; give at least one pattern");
}

TEST_CASE("RulesError::what names file, line, column and message", "[rules]") {
  const RulesError located("testtier.toml", {12, 1}, "project.tets", "unknown key `tets`");
  CHECK(std::string(located.what()) == "testtier.toml:12:1: error: unknown key `tets`");
  const RulesError whole("testtier.toml", {}, "", "cannot read rules: No such file or directory");
  CHECK(std::string(whole.what()) ==
        "testtier.toml: error: cannot read rules: No such file or directory");
}

TEST_CASE("a TOML syntax error is a RulesError at its position", "[rules]") {
  const RulesError error = error_of("version = 1\n[project\n");
  CHECK(error.location().line == 2);
  CHECK(error.location().column > 0);
  CHECK(error.key().empty());
  CHECK_FALSE(error.message().empty());
  CHECK(std::string(error.what()).starts_with("rules.toml:2:"));
}

TEST_CASE("rules without `version` are refused", "[rules]") {
  check_error("[project]\nimport_roots = [\"src\"]\n", 1, "version",
              "missing `version` in the top level; add `version = 1`");
}

TEST_CASE("rules of another version are refused", "[rules]") {
  check_error("# comment\nversion = 2\n", 2, "version",
              "unsupported rules version 2; this testtier reads version 1");
  check_error("version = \"1\"\n", 1, "version", "`version` must be the integer 1");
}

TEST_CASE("an unknown key in [project] is named with the valid ones", "[rules]") {
  check_error(kValid + "[project]\ntets = [\"x\"]\n", 8, "project.tets",
              "unknown key `tets` in [project]; expected one of: import_roots, test_files, "
              "exclude, test_classes, test_functions");
}

TEST_CASE("an unknown key at the top level is an error", "[rules]") {
  check_error(kValid + "[selection]\nx = 1\n", 7, "selection",
              "unknown key `selection` in the top level; expected one of: version, project, "
              "services, signal, suspicious, tier, select, lint, analysis");
}

TEST_CASE("[select] run_all globs are read and checked", "[rules]") {
  const Rules rules = parse_rules(kValid + "[select]\nrun_all = [\"**/migrations/**\", \"requirements*.txt\"]\n", "r.toml");
  CHECK(rules.select.run_all == std::vector<std::string>{"**/migrations/**", "requirements*.txt"});
  check_error(kValid + "[select]\nrun_al = []\n", 8, "select.run_al",
              "unknown key `run_al` in [select]; expected one of: run_all");
}

TEST_CASE("an unknown key in a service, signal, suspicious or tier is an error", "[rules]") {
  check_error(kValid + "[services.redis]\nport = [6379]\n", 8, "services.redis.port",
              "unknown key `port` in [services.redis]; expected one of: ports, brings, "
              "startup_seconds");
  check_error(kValid + "[[signal]]\nmarker = [\"m\"]\nneed = [\"postgres\"]\n", 9,
              "signal[0].need",
              "unknown key `need` in [[signal]]; expected one of: base_class, marker, fixture, "
              "path, setting, call, import, decorator, env, needs, declared");
  check_error(kValid + "[[suspicious]]\nimport = [\"x\"]\n", 8, "suspicious[0].import",
              "unknown key `import` in [[suspicious]]; expected one of: imports, service");
  check_error(kValid + "[[tier]]\nname = \"b\"\nprovide = []\n", 9, "tier[1].provide",
              "unknown key `provide` in [[tier]]; expected one of: name, provides");
}

TEST_CASE("values of the wrong type are named", "[rules]") {
  check_error(kValid + "[[signal]]\nmarker = [\"m\"]\nneeds = \"postgres\"\n", 9,
              "signal[0].needs", "`needs` must be an array of strings, not a string");
  check_error(kValid + "[[signal]]\nmarker = [\"m\"]\nneeds = [\"postgres\", 3]\n", 9,
              "signal[0].needs", "`needs` must be an array of strings; item 2 is an integer");
  check_error(kValid + "[project]\nexclude = \"x\"\n", 8, "project.exclude",
              "`exclude` must be an array of strings, not a string");
  check_error(kValid + "[services.redis]\nports = [\"6379\"]\n", 8, "services.redis.ports",
              "`ports` must be an array of integers; item 1 is a string");
  check_error(kValid + "[services.redis]\nstartup_seconds = \"1\"\n", 8,
              "services.redis.startup_seconds", "`startup_seconds` must be a number, not a string");
  check_error(kValid + "[[signal]]\nmarker = [\"m\"]\nneeds = [\"postgres\"]\ndeclared = 1\n", 10,
              "signal[0].declared", "`declared` must be true or false, not an integer");
  check_error(kValid + "[[suspicious]]\nimports = [\"x\"]\nservice = [\"postgres\"]\n", 9,
              "suspicious[0].service", "`service` must be a string, not an array");
  check_error("version = 1\nproject = 3\n", 2, "project",
              "`project` must be a table, not an integer");
}

TEST_CASE("sections of the wrong shape are named", "[rules]") {
  check_error(kValid + "[signal]\nmarker = [\"m\"]\n", 7, "signal",
              "`signal` must be an array of tables, written [[signal]], not a table");
  check_error(kValid + "[services]\nredis = 1\n", 8, "services.redis",
              "`services.redis` must be a table, written [services.redis]");
}

TEST_CASE("a port outside 1..65535 or a negative startup time is refused", "[rules]") {
  check_error(kValid + "[services.redis]\nports = [6379, 70000]\n", 8, "services.redis.ports",
              "port 70000 is not between 1 and 65535");
  check_error(kValid + "[services.redis]\nstartup_seconds = -1\n", 8,
              "services.redis.startup_seconds", "`startup_seconds` must not be negative");
}

TEST_CASE("an unknown service in `needs` is named with the known ones", "[rules]") {
  check_error(kValid + "[services.snuba]\n[[signal]]\nmarker = [\"m\"]\nneeds = [\"snubba\"]\n",
              10, "signal[0].needs",
              "unknown service `snubba` in `needs`; services are: postgres, snuba");
}

TEST_CASE("an unknown service in `brings`, `service` or `provides` is an error", "[rules]") {
  check_error(kValid + "[services.snuba]\nbrings = [\"clickhouse\"]\n", 8,
              "services.snuba.brings",
              "unknown service `clickhouse` in `brings`; services are: postgres, snuba");
  check_error(kValid + "[[suspicious]]\nimports = [\"snuba_sdk\"]\nservice = \"snuba\"\n", 9,
              "suspicious[0].service",
              "unknown service `snuba` in `service`; services are: postgres");
  check_error(kValid + "[[tier]]\nname = \"b\"\nprovides = [\"redis\"]\n", 9, "tier[1].provides",
              "unknown service `redis` in `provides`; services are: postgres");
  check_error("version = 1\n[[tier]]\nname = \"a\"\nprovides = [\"redis\"]\n", 4,
              "tier[0].provides",
              "unknown service `redis` in `provides`; no [services] are defined");
}

TEST_CASE("a signal needs exactly one evidence kind", "[rules]") {
  check_error(kValid + "\n[[signal]]\nneeds = [\"postgres\"]\n", 8, "signal[0]",
              "[[signal]] has no evidence kind; give exactly one of: base_class, marker, "
              "fixture, path, setting, call, import, decorator, env");
  check_error(kValid + "[[signal]]\nmarker = [\"m\"]\nfixture = [\"f\"]\nneeds = [\"postgres\"]\n",
              9, "signal[0].fixture",
              "[[signal]] has 2 evidence kinds (`marker`, `fixture`); give exactly one per "
              "[[signal]] and split the rest into signals of their own");
}

TEST_CASE("a signal's `needs` is required and not empty", "[rules]") {
  check_error(kValid + "[[signal]]\nmarker = [\"m\"]\n", 7, "signal[0].needs",
              "[[signal]] has no `needs`; give the services this evidence means, e.g. "
              "needs = [\"postgres\"]");
  check_error(kValid + "[[signal]]\nmarker = [\"m\"]\nneeds = []\n", 9, "signal[0].needs",
              "`needs` is empty; give the services this evidence means, e.g. "
              "needs = [\"postgres\"]");
  check_error(kValid + "[[signal]]\nmarker = []\nneeds = [\"postgres\"]\n", 8,
              "signal[0].marker", "`marker` is empty; give at least one pattern");
  check_error(kValid + "[[signal]]\nmarker = [\"\"]\nneeds = [\"postgres\"]\n", 8,
              "signal[0].marker", "`marker` must not contain an empty string (item 1)");
}

TEST_CASE("the index in a signal's key counts [[signal]] tables from 0", "[rules]") {
  check_error(kValid +
                  "[[signal]]\nmarker = [\"m\"]\nneeds = [\"postgres\"]\n"
                  "[[signal]]\nmarker = [\"m\"]\nneeds = [\"redis\"]\n",
              12, "signal[1].needs", "unknown service `redis` in `needs`; services are: postgres");
}

TEST_CASE("bad globs in path signals and [project] are refused", "[rules]") {
  check_error(kValid + "[[signal]]\npath = [\"tests/**\", \"tests/[ab\"]\nneeds = [\"postgres\"]\n",
              8, "signal[0].path", "bad glob in `path`: " + glob_error("tests/[ab"));
  for (const char* name : {"test_files", "exclude", "test_classes", "test_functions"}) {
    CAPTURE(name);
    const RulesError error = error_of(kValid + "[project]\n" + name + " = [\n  \"[z-a]\"]\n");
    CHECK(error.location().line == 9);
    CHECK(error.key() == std::string("project.") + name);
    CHECK(error.message().starts_with(std::string("bad glob in `") + name + "`: "));
  }
}

TEST_CASE("setting patterns are KEY or KEY=VALUE-GLOB", "[rules]") {
  CHECK_NOTHROW(parse_rules(
      kValid + "[[signal]]\nsetting = [\"A\", \"B=*x*\"]\nneeds = [\"postgres\"]\n",
      "rules.toml"));
  check_error(kValid + "[[signal]]\nsetting = [\"=x\"]\nneeds = [\"postgres\"]\n", 8,
              "signal[0].setting",
              "`setting` entry \"=x\" has no setting name before '='; write KEY=VALUE-GLOB or KEY");
  const RulesError error =
      error_of(kValid + "[[signal]]\nsetting = [\"A=[x\"]\nneeds = [\"postgres\"]\n");
  CHECK(error.location().line == 8);
  CHECK(error.key() == "signal[0].setting");
  CHECK(error.message().starts_with("bad value glob in `setting` entry \"A=[x\": "));
  CHECK(error_of(kValid + "[[signal]]\nsetting = [\"A=\"]\nneeds = [\"postgres\"]\n")
            .message()
            .starts_with("bad value glob in `setting` entry \"A=\": "));
}

TEST_CASE("tier names must differ", "[rules]") {
  check_error(kValid + "[[tier]]\nname = \"all\"\nprovides = []\n", 8, "tier[1].name",
              "duplicate tier name `all` (first at line 6)");
}

TEST_CASE("rules without tiers are refused", "[rules]") {
  const RulesError error = error_of("version = 1\n[services.postgres]\n");
  CHECK(error.key() == "tier");
  CHECK(error.message() ==
        "no [[tier]] is defined; give at least one, the last usually with provides = [\"*\"]");
  CHECK(error.location().line == 1);  // the whole file
}

TEST_CASE("tiers must place every service", "[rules]") {
  check_error(R"(version = 1
[services.postgres]
[services.redis]
[services.snuba]
[[tier]]
name = "pg"
provides = ["postgres"]
)",
              3, "services.redis",
              "services `redis`, `snuba` are in no tier; add them to some tier's `provides`, or "
              "add a last tier with provides = [\"*\"]");
  check_error("version = 1\n[services.postgres]\n[services.redis]\n[[tier]]\nname = \"pg\"\n"
              "provides = [\"postgres\"]\n",
              3, "services.redis",
              "service `redis` is in no tier; add it to some tier's `provides`, or add a last "
              "tier with provides = [\"*\"]");
}

TEST_CASE("`*` cannot name a service", "[rules]") {
  check_error(kValid + "[services.\"*\"]\n", 7, "services.*",
              "`*` cannot name a service: in `provides` it means every service");
}

TEST_CASE("parse_pyproject_rules reads [tool.testtier]", "[rules]") {
  const auto rules = parse_pyproject_rules(R"([project]
name = "app"

[tool.pytest.ini_options]
testpaths = ["tests"]

[tool.testtier]
version = 1
[tool.testtier.services.postgres]
[[tool.testtier.signal]]
marker = ["django_db"]
needs = ["postgres"]
[[tool.testtier.tier]]
name = "all"
provides = ["*"]
)",
                                           "pyproject.toml");
  REQUIRE(rules);
  CHECK(rules->origin == "pyproject.toml");
  CHECK(rules->services.contains("postgres"));
  REQUIRE(rules->signals.size() == 1);
  CHECK(rules->signals[0].location.line == 10);
  REQUIRE(rules->tiers.size() == 1);
}

TEST_CASE("parse_pyproject_rules gives nullopt without [tool.testtier]", "[rules]") {
  CHECK_FALSE(parse_pyproject_rules("[project]\nname = \"app\"\n", "pyproject.toml"));
  CHECK_FALSE(parse_pyproject_rules("[tool.black]\nline-length = 100\n", "pyproject.toml"));
  CHECK_FALSE(parse_pyproject_rules("", "pyproject.toml"));
}

TEST_CASE("errors in [tool.testtier] name pyproject.toml, the line and the full key", "[rules]") {
  try {
    parse_pyproject_rules("[tool.testtier]\nversion = 1\n[tool.testtier.project]\ntets = []\n",
                          "pyproject.toml");
    FAIL("no error");
  } catch (const RulesError& error) {
    CHECK(error.origin() == "pyproject.toml");
    CHECK(error.location().line == 4);
    CHECK(error.key() == "tool.testtier.project.tets");
    CHECK(error.message() ==
          "unknown key `tets` in [tool.testtier.project]; expected one of: import_roots, "
          "test_files, exclude, test_classes, test_functions");
    CHECK(std::string(error.what()).starts_with("pyproject.toml:4:1: error: "));
  }
  try {
    parse_pyproject_rules("[project]\nname = \"x\"\n\n[tool.testtier]\nx = 1\n", "pyproject.toml");
    FAIL("no error");
  } catch (const RulesError& error) {
    CHECK(error.location().line == 4);
    CHECK(error.key() == "tool.testtier.version");
    CHECK(error.message() == "missing `version` in [tool.testtier]; add `version = 1`");
  }
  try {
    parse_pyproject_rules("[tool]\ntesttier = 1\n", "pyproject.toml");
    FAIL("no error");
  } catch (const RulesError& error) {
    CHECK(error.location().line == 2);
    CHECK(error.key() == "tool.testtier");
  }
}

TEST_CASE("messages about [tool.testtier] name its tables in full", "[rules]") {
  try {
    parse_pyproject_rules("[tool.testtier]\nversion = 1\n[[tool.testtier.signal]]\nneeds = []\n",
                          "pyproject.toml");
    FAIL("no error");
  } catch (const RulesError& error) {
    CHECK(error.location().line == 3);
    CHECK(error.key() == "tool.testtier.signal[0]");
    CHECK(error.message() ==
          "[[tool.testtier.signal]] has no evidence kind; give exactly one of: base_class, "
          "marker, fixture, path, setting, call, import, decorator, env");
  }
  try {
    parse_pyproject_rules("[tool.testtier]\nversion = 1\n", "pyproject.toml");
    FAIL("no error");
  } catch (const RulesError& error) {
    CHECK(error.location().line == 1);
    CHECK(error.key() == "tool.testtier.tier");
    CHECK(error.message().starts_with("no [[tool.testtier.tier]] is defined"));
  }
}

TEST_CASE("a TOML syntax error in pyproject.toml is a RulesError", "[rules]") {
  CHECK_THROWS_AS(parse_pyproject_rules("[project\n", "pyproject.toml"), RulesError);
}

TEST_CASE("every problem of a rules file is reported at once, in file order", "[rules]") {
  const RulesError error = error_of(R"(version = 1
[project]
tets = []
[services.postgres]
ports = [99999]
[[signal]]
marker = ["db"]
needs = ["postgress"]
[[signal]]
fixture = ["f"]
call = ["g"]
needs = ["postgres"]
[[tier]]
name = "all"
provides = ["*"]
)");
  REQUIRE(error.problems().size() == 4);
  CHECK(error.problems()[0].location.line == 3);
  CHECK(error.problems()[0].key == "project.tets");
  CHECK(error.problems()[1].location.line == 5);
  CHECK(error.problems()[1].message == "port 99999 is not between 1 and 65535");
  CHECK(error.problems()[2].location.line == 8);
  CHECK(error.problems()[2].key == "signal[0].needs");
  CHECK(error.problems()[3].location.line == 11);
  CHECK(error.problems()[3].key == "signal[1].call");
  // what() has one "FILE:LINE:COL: error: ..." line per problem; the first is also location()/key().
  CHECK(std::string(error.what()).find("rules.toml:3:1: error: unknown key `tets`") == 0);
  CHECK_THAT(error.what(), Catch::Contains("\nrules.toml:11:") && Catch::Contains("[[signal]] has 2 evidence kinds"));
  CHECK(error.key() == "project.tets");
}

TEST_CASE("a tier after one that provides `*` can never be chosen: an error", "[rules]") {
  const RulesError error = error_of(kValid + "[[tier]]\nname = \"postgres_only\"\nprovides = [\"postgres\"]\n"
                                             "[[tier]]\nname = \"late\"\nprovides = []\n");
  REQUIRE(error.problems().size() == 2);
  CHECK(error.location().line == 8);
  CHECK(error.key() == "tier[1]");
  CHECK(error.message() == "tier `postgres_only` can never be chosen: tier `all` before it provides every service "
                           "(`*`); move it before `all`, or remove it");
  CHECK(error.problems()[1].location.line == 11);
  CHECK(error.problems()[1].key == "tier[2]");
}

TEST_CASE("brace globs are read as alternatives, and unbalanced braces refused", "[rules]") {
  const Rules rules = parse_rules(kValid + "[[signal]]\npath = [\"tests/{unit,api}/**\"]\nneeds = [\"postgres\"]\n",
                                  "rules.toml");
  CHECK(rules.signals.at(0).patterns == std::vector<std::string>{"tests/{unit,api}/**"});
  check_error(kValid + "[[signal]]\npath = [\"tests/{unit,api/**\"]\nneeds = [\"postgres\"]\n", 8, "signal[0].path",
              "bad glob in `path`: invalid glob 'tests/{unit,api/**': unclosed '{'");
}

TEST_CASE("where each pattern and [project] glob is written is kept, for warnings", "[rules]") {
  const Rules rules = parse_rules(R"(version = 1
[project]
test_files = ["tests/**/test_*.py",
              "it/**/*_test.py"]
exclude = ["**/vendor/**"]
[services.postgres]
[[signal]]
marker = ["django_db", "db"]
needs = ["postgres"]
[[tier]]
name = "all"
provides = ["*"]
)",
                                  "rules.toml");
  REQUIRE(rules.project.test_files_locations.size() == 2);
  CHECK(rules.project.test_files_locations[1] == testtier::SourceLocation{4, 15});
  CHECK(rules.project.exclude_locations.at(0).line == 5);
  REQUIRE(rules.signals.at(0).pattern_locations.size() == 2);
  CHECK(rules.signals[0].pattern_locations[1] == testtier::SourceLocation{8, 24});
}

TEST_CASE("[analysis] sets the call walk's bounds, checked", "[rules]") {
  const Rules defaults = parse_rules(kValid, "rules.toml");
  CHECK(defaults.analysis.call_depth == 4);
  CHECK(defaults.analysis.call_budget == 2000);
  const Rules set = parse_rules(kValid + "[analysis]\ncall_depth = 0\ncall_budget = 10\n", "rules.toml");
  CHECK(set.analysis.call_depth == 0);
  CHECK(set.analysis.call_budget == 10);
  check_error(kValid + "[analysis]\ncall_depth = 40\n", 8, "analysis.call_depth",
              "`call_depth` must be a whole number from 0 to 32");
  check_error(kValid + "[analysis]\ncall_budget = 1.5\n", 8, "analysis.call_budget",
              "`call_budget` must be a whole number from 1 to 1000000");
  check_error(kValid + "[analysis]\ndepth = 3\n", 8, "analysis.depth",
              "unknown key `depth` in [analysis]; expected one of: call_depth, call_budget");
}
