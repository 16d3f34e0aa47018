// Resolver: answers do not depend on what was asked before (analysis threads each have their own
// resolver and ask in different orders).
#include <catch2/catch.hpp>

#include <algorithm>

#include "../classify/inline_repo.hpp"
#include "../rules/temp_dir.hpp"
#include "resolve/fact_store.hpp"
#include "resolve/symbols.hpp"

using namespace testtier;

namespace {

/// a.py star-imports b and c; b star-imports a (a cycle); c defines X. Every file is parsed as
/// the resolver meets it.
struct StarCycle {
  test::TempDir dir;
  std::vector<std::string> files{"a.py", "b.py", "c.py"};
  resolve::ModuleIndex modules{files, {"."}};
  resolve::FactStore store{dir.root(), modules, ParseOptions{}, 1};
  resolve::FactStore::ParseOnDemand on_demand{store, 1 << 20};

  StarCycle() {
    dir.write("a.py", "from b import *\nfrom c import *\n");
    dir.write("b.py", "from a import *\n");
    dir.write("c.py", "class X:\n    pass\n");
  }
};

}  // namespace

TEST_CASE("a name resolved through a cycle of star imports does not depend on what was asked first",
          "[resolve]") {
  StarCycle repo;
  resolve::Resolver fresh(repo.store);
  const resolve::Symbol alone = fresh.resolve("b.py", "X");
  CHECK(alone.kind == resolve::Symbol::Kind::class_);
  CHECK(alone.qualified == "c.X");

  resolve::Resolver used(repo.store);
  CHECK(used.resolve("a.py", "X").qualified == "c.X");  // passes through b.py while a.py is being resolved
  const resolve::Symbol after = used.resolve("b.py", "X");
  CHECK(after.kind == alone.kind);
  CHECK(after.qualified == alone.qualified);
}

namespace {

const char* const kSnubaRules = R"(version = 1
[project]
import_roots = ["src", "."]
test_files = ["tests/**/test_*.py"]
[services.postgres]
[services.snuba]
[[signal]]
base_class = ["app.cases.SnubaTestCase"]
needs = ["snuba"]
[[signal]]
base_class = ["django.test.TestCase"]
needs = ["postgres"]
[[tier]]
name = "none"
provides = []
[[tier]]
name = "all"
provides = ["*"]
)";

using Services = std::vector<std::string>;

}  // namespace

TEST_CASE("star imports bind in Python's order: a later one rebinds, one from outside hides nothing",
          "[resolve][star]") {
  test::InlineRepo repo(kSnubaRules);
  repo.write("src/app/__init__.py", "");
  repo.write("src/app/cases.py", "from django.test import TestCase\n\nclass SnubaTestCase(TestCase):\n    pass\n");
  repo.write("src/app/plain.py", "from django.test import TestCase\n\nclass Helper(TestCase):\n    pass\n");
  repo.write("src/app/snuba_helper.py", "from app.cases import SnubaTestCase\n\nclass Helper(SnubaTestCase):\n    pass\n");
  // Outside the repository first, then a module that cannot be parsed (binary), then the real one.
  repo.write("src/app/broken.py", std::string("\0\0\0binary", 9));
  repo.write("src/app/testutils/__init__.py",
             "from django.test import *\nfrom app.broken import *\nfrom app.cases import *\n"
             "from app.plain import *\nfrom app.snuba_helper import *\n");
  repo.write("src/app/rebound/__init__.py", "from app.snuba_helper import *\nfrom app.plain import *\n");
  repo.write("tests/test_star.py",
             "from app.testutils import SnubaTestCase, Helper\nfrom app.rebound import Helper as Rebound\n\n"
             "class TestDirect(SnubaTestCase):\n    def test_a(self):\n        pass\n\n"
             "class TestLater(Helper):\n    def test_b(self):\n        pass\n\n"
             "class TestRebound(Rebound):\n    def test_c(self):\n        pass\n");
  const Classification result = repo.classify_it();
  CHECK(test::services_of_test(result, "tests/test_star.py::TestDirect::test_a") == Services{"postgres", "snuba"});
  CHECK(test::services_of_test(result, "tests/test_star.py::TestLater::test_b") == Services{"postgres", "snuba"});
  CHECK(test::services_of_test(result, "tests/test_star.py::TestRebound::test_c") == Services{"postgres"});
  CHECK_FALSE(test::has_diagnostic(result, codes::unresolved, "tests/test_star.py"));
}

TEST_CASE("a later local definition or import rebinds an earlier one", "[resolve][star]") {
  test::InlineRepo repo(kSnubaRules);
  repo.write("src/app/__init__.py", "");
  repo.write("src/app/cases.py", "class SnubaTestCase:\n    pass\n");
  repo.write("tests/test_rebind.py",
             "class SnubaTestCase:\n    pass\n\nfrom app.cases import SnubaTestCase\n\n"
             "class TestX(SnubaTestCase):\n    def test_a(self):\n        pass\n");
  repo.write("tests/test_rebind_local.py",
             "from app.cases import SnubaTestCase\n\nclass SnubaTestCase:\n    pass\n\n"
             "class TestY(SnubaTestCase):\n    def test_b(self):\n        pass\n");
  const Classification result = repo.classify_it();
  CHECK(test::services_of_test(result, "tests/test_rebind.py::TestX::test_a") == Services{"snuba"});
  CHECK(test::services_of_test(result, "tests/test_rebind_local.py::TestY::test_b").empty());
}

TEST_CASE("builtin classes and the standard library as bases are never unresolved", "[resolve][builtins]") {
  test::InlineRepo repo(kSnubaRules);
  repo.write("tests/test_builtins.py",
             "import enum\nimport typing\nfrom unittest.mock import Mock\n\n"
             "class AnyFloat(float):\n    pass\n\nclass AnyInt(int):\n    pass\n\n"
             "class Boom(Exception):\n    pass\n\nclass Lookup(KeyError):\n    pass\n\n"
             "class Bag(dict):\n    pass\n\nclass Color(enum.Enum):\n    RED = 1\n\n"
             "class Point(typing.NamedTuple):\n    x: int\n\nclass Fake(Mock):\n    pass\n\n"
             "class Group(BaseExceptionGroup):\n    pass\n\n"
             "def test_nothing():\n    pass\n");
  const Classification result = repo.classify_it();
  CHECK_FALSE(test::has_diagnostic(result, codes::unresolved));
  CHECK(test::services_of_test(result, "tests/test_builtins.py::test_nothing").empty());
}

TEST_CASE("a test class whose TestCase base resolves nowhere is still collected, with a diagnostic",
          "[resolve][collect]") {
  test::InlineRepo repo(kSnubaRules);
  repo.write("src/app/__init__.py", "");
  repo.write("src/app/gone.py", "X = 1\n");
  repo.write("tests/test_unresolved.py",
             "from app.gone import LegacyTestCase\n\n"
             "class ThingTest(LegacyTestCase):\n    def test_a(self):\n        pass\n\n"
             "class TestNamed(SomethingUnknown):\n    def test_b(self):\n        pass\n");
  const Classification result = repo.classify_it();
  CHECK(test::find_test(result, "tests/test_unresolved.py::ThingTest::test_a") != nullptr);
  CHECK(test::find_test(result, "tests/test_unresolved.py::TestNamed::test_b") != nullptr);
  REQUIRE(test::has_diagnostic(result, codes::unresolved, "tests/test_unresolved.py"));
  const auto incomplete = std::any_of(result.diagnostics.begin(), result.diagnostics.end(), [](const Diagnostic& d) {
    return d.message.find("may be incomplete") != std::string::npos;
  });
  CHECK(incomplete);
}
