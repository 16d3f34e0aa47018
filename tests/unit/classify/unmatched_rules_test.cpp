#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "classify/unmatched_rules.hpp"
#include "testtier/rules.hpp"

using testtier::Diagnostic;
using testtier::Discovery;
using testtier::FileFacts;
using testtier::parse_rules;

namespace {

constexpr const char* kRules = R"(version = 1
[project]
test_files = ["tests/**/test_*.py", "tests/**/*_test.py"]
exclude = ["**/vendor/**"]
[services.postgres]
[[signal]]
marker = ["djano_db"]
needs = ["postgres"]
[[signal]]
fixture = ["transactional_db", "db"]
needs = ["postgres"]
[[signal]]
base_class = ["app.cases.SnubaTestCase", "app.old_cases.SnubaTestCase", "app.cases.KafkaTestCase"]
needs = ["postgres"]
[[signal]]
path = ["tests/snuba/**"]
needs = ["postgres"]
[[tier]]
name = "all"
provides = ["*"]
)";

/// Facts of one test file: a django_db mark, a `db` fixture request, a SnubaTestCase base.
FileFacts test_file() {
  FileFacts facts;
  facts.path = "tests/test_a.py";
  facts.module = "tests.test_a";
  testtier::FunctionFacts test;
  test.name = "test_a";
  test.parameters = {"db"};
  test.marks.push_back({.name = "django_db"});
  facts.functions.push_back(test);
  testtier::ClassFacts cls;
  cls.name = cls.qualname = "TestEvents";
  cls.bases.push_back({.name = "SnubaTestCase"});
  facts.classes.push_back(cls);
  facts.imports.push_back({.module = "app.cases", .name = "SnubaTestCase", .bound_as = "SnubaTestCase"});
  return facts;
}

std::vector<std::string> messages(const std::vector<Diagnostic>& diagnostics) {
  std::vector<std::string> out;
  for (const Diagnostic& d : diagnostics) {
    CHECK(d.code == "TT906");
    CHECK(d.path == "rules.toml");
    out.push_back(std::to_string(d.location.line) + ": " + d.message);
  }
  return out;
}

}  // namespace

TEST_CASE("unmatched_rules reports what matches nothing, a list only when none of it matches or a typo",
          "[classify][unmatched]") {
  const testtier::Rules rules = parse_rules(kRules, "rules.toml");
  Discovery found;
  found.python_files = {"src/app/cases.py", "tests/test_a.py"};
  found.test_files = {"tests/test_a.py"};
  found.exclude_matched = {false};
  const FileFacts facts = test_file();
  const auto reported = messages(testtier::classify_stage::unmatched_rules(".", rules, found, {&facts}, {}));
  CHECK(reported == std::vector<std::string>{
                        "4: `exclude` glob \"**/vendor/**\" leaves out nothing: no file or directory under the root "
                        "matches it",
                        "7: `marker` \"djano_db\" appears in none of the 1 files this run read (test files, conftests "
                        "and the modules they reach); did you mean `django_db`?",
                        "16: `path` glob \"tests/snuba/**\" matches no Python file under the root",
                    });
  // Not reported: `tests/**/*_test.py` (its list's other glob matches), `transactional_db` (`db`
  // appears), `app.old_cases.SnubaTestCase` (the same last name appears), `KafkaTestCase` (its
  // list matches, and it is near no name that appears).
}

TEST_CASE("unmatched_rules leaves the built-in rules alone", "[classify][unmatched]") {
  Discovery found;
  CHECK(testtier::classify_stage::unmatched_rules(".", testtier::default_rules(), found, {}, {}).empty());
}
