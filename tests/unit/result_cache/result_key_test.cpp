// The result cache's key: each input a classification depends on (other than file contents)
// changes it; nothing else does.
#include <catch2/catch.hpp>

#include <functional>

#include "result_cache/result_key.hpp"

using namespace testtier;

namespace {

struct KeyInputs {
  std::filesystem::path root = "repo";
  Rules rules;
  ClassifyOptions options;
  PytestConfig pytest;
  Discovery found;

  KeyInputs() {
    rules.origin = "testtier.toml";
    rules.services["postgres"] = Service{"postgres", {5432}, {}, 5};
    rules.signals.push_back(Signal{EvidenceKind::base_class, {"TestCase"}, {"postgres"}, true, {3, 1}});
    rules.suspicious.push_back(SuspiciousRule{{"sentry.snuba"}, "postgres", {9, 1}});
    rules.tiers.push_back(Tier{"all", {"*"}, true});
    found.python_files = {"src/a.py", "tests/test_a.py"};
    found.test_files = {"tests/test_a.py"};
  }

  std::string key() const { return result_cache::result_key(root, rules, options, pytest, found); }
};

}  // namespace

TEST_CASE("the result key changes with every input a classification depends on", "[cache]") {
  const std::string base = KeyInputs().key();
  CHECK(KeyInputs().key() == base);
  const std::vector<std::pair<std::string, std::function<void(KeyInputs&)>>> changes = {
      {"root", [](KeyInputs& k) { k.root = "other"; }},
      {"rules origin", [](KeyInputs& k) { k.rules.origin = "pyproject.toml"; }},
      {"import roots", [](KeyInputs& k) { k.rules.project.import_roots = {"."}; }},
      {"test file globs", [](KeyInputs& k) { k.rules.project.test_files = std::vector<std::string>{"*.py"}; }},
      {"no test file globs vs none", [](KeyInputs& k) { k.rules.project.test_files = std::vector<std::string>{}; }},
      {"exclude", [](KeyInputs& k) { k.rules.project.exclude = {"vendor"}; }},
      {"test classes", [](KeyInputs& k) { k.rules.project.test_classes = std::vector<std::string>{"Check*"}; }},
      {"test functions", [](KeyInputs& k) { k.rules.project.test_functions = std::vector<std::string>{"check*"}; }},
      {"a service", [](KeyInputs& k) { k.rules.services["redis"] = Service{"redis", {}, {}, 0}; }},
      {"a service's brings", [](KeyInputs& k) { k.rules.services["postgres"].brings = {"x"}; }},
      {"a signal's kind", [](KeyInputs& k) { k.rules.signals[0].kind = EvidenceKind::fixture; }},
      {"a signal's patterns", [](KeyInputs& k) { k.rules.signals[0].patterns.push_back("Other"); }},
      {"a signal's needs", [](KeyInputs& k) { k.rules.signals[0].needs.push_back("redis"); }},
      {"a signal's declared", [](KeyInputs& k) { k.rules.signals[0].declared = false; }},
      {"a suspicious rule", [](KeyInputs& k) { k.rules.suspicious[0].imports = {"x"}; }},
      {"a tier", [](KeyInputs& k) { k.rules.tiers[0].name = "everything"; }},
      {"run_all", [](KeyInputs& k) { k.rules.select.run_all = {"migrations/**"}; }},
      {"only files", [](KeyInputs& k) { k.options.only_files = {"tests"}; }},
      {"max file bytes", [](KeyInputs& k) { k.options.parse.max_file_bytes = 1; }},
      {"parse timeout", [](KeyInputs& k) { k.options.parse.timeout_micros = 1; }},
      {"pytest origin", [](KeyInputs& k) { k.pytest.origin = "pytest.ini"; }},
      {"testpaths", [](KeyInputs& k) { k.pytest.testpaths = {"tests"}; }},
      {"python_files", [](KeyInputs& k) { k.pytest.python_files = {"check_*.py"}; }},
      {"python_classes", [](KeyInputs& k) { k.pytest.python_classes = {"Check"}; }},
      {"python_functions", [](KeyInputs& k) { k.pytest.python_functions = {"check"}; }},
      {"a pytest config problem", [](KeyInputs& k) { k.pytest.diagnostics.push_back({"setup.cfg", {1, 1}, Severity::warning, "TT907", "bad"}); }},
      {"a Python file added", [](KeyInputs& k) { k.found.python_files.push_back("src/b.py"); }},
      {"a Python file removed", [](KeyInputs& k) { k.found.python_files.erase(k.found.python_files.begin()); }},
      {"a test file", [](KeyInputs& k) { k.found.test_files.clear(); }},
      {"a discovery problem", [](KeyInputs& k) { k.found.diagnostics.push_back({"loop", {0, 0}, Severity::warning, "TT903", "loop"}); }},
  };
  for (const auto& [what, change] : changes) {
    INFO(what);
    KeyInputs inputs;
    change(inputs);
    CHECK(inputs.key() != base);
  }
}

TEST_CASE("the result key ignores options that never change a classification", "[cache]") {
  const std::string base = KeyInputs().key();
  KeyInputs inputs;
  inputs.options.threads = 7;
  inputs.options.use_cache = true;
  inputs.options.reuse_result = false;
  inputs.options.cache_directory = "/elsewhere";
  CHECK(inputs.key() == base);
}
