// pytest semantics and name resolution, each on a tiny repository written inline.
#include <catch2/catch.hpp>

#include <algorithm>

#include "../rules/temp_dir.hpp"
#include "testtier/classify.hpp"
#include "testtier/rules.hpp"

using namespace testtier;

namespace {

const char* const kRules = R"(version = 1
[project]
import_roots = ["src", "."]
test_files = ["tests/**/test_*.py"]
[services.postgres]
ports = [5432]
[services.snuba]
ports = [1218]
[[signal]]
base_class = ["app.cases.SnubaTestCase"]
needs = ["snuba"]
[[signal]]
base_class = ["django.test.TestCase"]
needs = ["postgres"]
[[signal]]
marker = ["snuba"]
needs = ["snuba"]
[[signal]]
fixture = ["_requires_snuba"]
needs = ["snuba"]
[[signal]]
call = ["store_event"]
needs = ["snuba"]
[[tier]]
name = "none"
provides = []
[[tier]]
name = "pg"
provides = ["postgres"]
[[tier]]
name = "all"
provides = ["*"]
)";

/// A temporary repository with the rules above.
struct Repo {
  test::TempDir dir;
  Repo() { dir.write("src/app/__init__.py", ""); }
  void write(const std::string& path, const std::string& text) const { dir.write(path, text); }
  Classification classify_it() const { return classify(dir.root(), parse_rules(kRules, "rules.toml")); }
};

const TestResult* test_named(const Classification& result, const std::string& id) {
  for (const FileResult& file : result.files) {
    for (const TestResult& test : file.tests) {
      if (test.id == id) return &test;
    }
  }
  return nullptr;
}

std::vector<std::string> ids(const Classification& result) {
  std::vector<std::string> all;
  for (const FileResult& file : result.files) {
    for (const TestResult& test : file.tests) all.push_back(test.id);
  }
  return all;
}

bool has_code(const Classification& result, std::string_view code) {
  return std::any_of(result.diagnostics.begin(), result.diagnostics.end(),
                     [&](const Diagnostic& d) { return d.code == code; });
}

}  // namespace

TEST_CASE("a base class through relative imports, a star import and an __init__ re-export", "[classify][resolve]") {
  const Repo repo;
  repo.write("src/app/cases.py", "class SnubaTestCase:\n    pass\n");
  repo.write("src/app/testutils/__init__.py", "from .bases import *\n");
  repo.write("src/app/testutils/bases.py", "from ..cases import SnubaTestCase as Base\n\nclass Middle(Base):\n    pass\n");
  repo.write("tests/test_a.py", "from app.testutils import Middle\n\nclass TestX(Middle):\n    def test_one(self):\n        pass\n");
  const Classification result = repo.classify_it();
  const TestResult* test = test_named(result, "tests/test_a.py::TestX::test_one");
  REQUIRE(test != nullptr);
  CHECK(test->services == std::vector<std::string>{"snuba"});
  REQUIRE_FALSE(test->reasons.empty());
  CHECK(test->reasons[0].via == std::vector<std::string>{"app.testutils.Middle (alias or re-export)", "Middle (src/app/testutils/bases.py:3)",
                                                     "app.cases.SnubaTestCase"});
  CHECK_FALSE(test->reasons[0].by_last_name);
}

TEST_CASE("an unresolvable base is matched by its last name, flagged, and reported", "[classify][resolve]") {
  const Repo repo;
  repo.write("tests/test_a.py", "class TestX(SnubaTestCase):\n    def test_one(self):\n        pass\n");
  const Classification result = repo.classify_it();
  const TestResult* test = test_named(result, "tests/test_a.py::TestX::test_one");
  REQUIRE(test != nullptr);
  REQUIRE(test->reasons.size() == 1);
  CHECK(test->reasons[0].by_last_name);
  CHECK(has_code(result, codes::unresolved));
}

TEST_CASE("inheritance and fixture cycles neither hang nor crash, fixture cycles are TT905", "[classify][graph]") {
  const Repo repo;
  repo.write("tests/test_a.py",
             "import pytest\n\nclass A(B):\n    pass\n\nclass B(A):\n    pass\n\nclass TestC(A):\n    def test_one(self):\n        pass\n\n"
             "@pytest.fixture\ndef first(second):\n    return 1\n\n@pytest.fixture\ndef second(first):\n    return 2\n\n"
             "def test_cycle(first):\n    pass\n");
  const Classification result = repo.classify_it();
  CHECK(test_named(result, "tests/test_a.py::TestC::test_one") != nullptr);
  CHECK(test_named(result, "tests/test_a.py::test_cycle") != nullptr);
  CHECK(has_code(result, codes::fixture_cycle));
}

TEST_CASE("collection: Test* without __init__, unittest of any name, inherited methods, fixtures named test_*",
          "[classify][collect]") {
  const Repo repo;
  repo.write("tests/test_a.py",
             "import pytest\nimport unittest\nfrom django.test import TestCase\n\n"
             "class Checks:\n    def test_shared(self):\n        pass\n\n"
             "class TestOne(Checks):\n    pass\n\nclass TestTwo(Checks):\n    pass\n\n"
             "class TestWithInit:\n    def __init__(self):\n        pass\n    def test_never(self):\n        pass\n\n"
             "class Plain(unittest.TestCase):\n    def test_unit(self):\n        pass\n    def helper(self):\n        pass\n\n"
             "class Db(TestCase):\n    def test_db(self):\n        pass\n\n"
             "@pytest.fixture\ndef test_data():\n    return 1\n\n"
             "def test_function(test_data):\n    pass\n");
  const Classification result = repo.classify_it();
  CHECK(ids(result) == std::vector<std::string>{"tests/test_a.py::Db::test_db", "tests/test_a.py::Plain::test_unit",
                                                "tests/test_a.py::TestOne::test_shared",
                                                "tests/test_a.py::TestTwo::test_shared",
                                                "tests/test_a.py::test_function"});
  CHECK(test_named(result, "tests/test_a.py::Db::test_db")->tier == "pg");
}

TEST_CASE("class marks reach subclasses, a module's pytestmark does not reach subclasses elsewhere",
          "[classify][marks]") {
  const Repo repo;
  repo.write("tests/test_base.py",
             "import pytest\n\npytestmark = [pytest.mark.snuba]\n\n@pytest.mark.snuba\nclass Marked:\n    pass\n\n"
             "class Unmarked:\n    pass\n");
  repo.write("tests/test_sub.py",
             "from tests.test_base import Marked, Unmarked\n\nclass TestM(Marked):\n    def test_m(self):\n        pass\n\n"
             "class TestU(Unmarked):\n    def test_u(self):\n        pass\n");
  repo.write("tests/__init__.py", "");
  const Classification result = repo.classify_it();
  CHECK(test_named(result, "tests/test_sub.py::TestM::test_m")->tier == "all");
  CHECK(test_named(result, "tests/test_sub.py::TestU::test_u")->tier == "none");
}

TEST_CASE("fixtures: autouse from the conftest chain only, transitive requests, usefixtures aliases",
          "[classify][fixtures]") {
  const Repo repo;
  repo.write("src/app/skips.py", "import pytest\n\nrequires_snuba = pytest.mark.usefixtures(\"_requires_snuba\")\n");
  repo.write("tests/a/conftest.py",
             "import pytest\n\n@pytest.fixture\ndef _requires_snuba():\n    pass\n\n"
             "@pytest.fixture\ndef helper(_requires_snuba):\n    pass\n\n@pytest.fixture(autouse=True)\ndef auto(helper):\n    pass\n");
  repo.write("tests/a/test_in.py", "def test_in():\n    pass\n");
  repo.write("tests/b/test_out.py", "from app.skips import requires_snuba\n\ndef test_out():\n    pass\n\n"
                                    "@requires_snuba\ndef test_marked():\n    pass\n");
  const Classification result = repo.classify_it();
  const TestResult* in = test_named(result, "tests/a/test_in.py::test_in");
  REQUIRE(in != nullptr);
  CHECK(in->services == std::vector<std::string>{"snuba"});
  CHECK(in->reasons[0].via == std::vector<std::string>{"autouse auto (tests/a/conftest.py:12)", "helper (tests/a/conftest.py:8)"});
  CHECK(test_named(result, "tests/b/test_out.py::test_out")->services.empty());
  const TestResult* marked = test_named(result, "tests/b/test_out.py::test_marked");
  CHECK(marked->services == std::vector<std::string>{"snuba"});
  CHECK(marked->reasons[0].via == std::vector<std::string>{"requires_snuba (src/app/skips.py:3)"});
}

TEST_CASE("modules no test reaches are not parsed", "[classify][lazy]") {
  const Repo repo;
  repo.write("src/app/cases.py", "class SnubaTestCase:\n    pass\n");
  repo.write("src/app/unrelated.py", "import os\n");
  repo.write("src/app/also_unrelated.py", "x = 1\n");
  repo.write("tests/test_a.py", "from app.cases import SnubaTestCase\n\nclass TestX(SnubaTestCase):\n    def test_one(self):\n        pass\n");
  const Classification result = repo.classify_it();
  CHECK(result.stats.python_files == 5);
  CHECK(result.stats.parsed_files == 2);  // the test and app/cases.py; not even app/__init__.py
  CHECK(result.stats.skipped_files == 3);
}
