// The call walk: inferred evidence in the repository's functions a test calls, through self, the
// MRO, super(), classes and decorators; its bounds; and declarations that do not travel.
#include <catch2/catch.hpp>

#include <string>

#include "inline_repo.hpp"

using namespace testtier;
using test::InlineRepo;

namespace {

std::string rules(const std::string& analysis = "") {
  return R"(version = 1
[project]
import_roots = ["src", "."]
test_files = ["tests/**/test_*.py"]
[services.snuba]
[services.redis]
[[signal]]
call = ["raw_query"]
needs = ["snuba"]
[[signal]]
call = ["redis_client"]
needs = ["redis"]
declared = true
[[tier]]
name = "none"
provides = []
[[tier]]
name = "all"
provides = ["*"]
)" + analysis;
}

using Services = std::vector<std::string>;

Services services(const Classification& result, const char* id) {
  const TestResult* test = test::find_test(result, id);
  REQUIRE(test != nullptr);
  return test->services;
}

}  // namespace

TEST_CASE("self.m() is looked up in the MRO of the test's class, not of the class it is written in",
          "[classify][walk]") {
  InlineRepo repo(rules());
  repo.write("src/app/__init__.py", "");
  repo.write("src/app/mixins.py",
             "from app.snuba import raw_query\n\n"
             "class Store:\n"
             "    def save(self):\n        self.write()\n\n"
             "    def write(self):\n        raw_query()\n");
  repo.write("src/app/snuba.py", "def raw_query():\n    pass\n");
  // Two classes share Store.save, whose self.write() means different methods: the summary of
  // save depends on self, and must not be shared between them.
  repo.write("tests/test_store.py",
             "from app.mixins import Store\n\n"
             "class TestReal(Store):\n    def test_a(self):\n        self.save()\n\n"
             "class TestFake(Store):\n    def write(self):\n        pass\n\n    def test_b(self):\n        self.save()\n");
  const Classification result = repo.classify_it();
  CHECK(services(result, "tests/test_store.py::TestReal::test_a") == Services{"snuba"});
  CHECK(services(result, "tests/test_store.py::TestFake::test_b").empty());
  const TestResult* real = test::find_test(result, "tests/test_store.py::TestReal::test_a");
  REQUIRE(real->reasons.size() == 1);
  CHECK(real->reasons[0].via == std::vector<std::string>{"Store.save (src/app/mixins.py:4)",
                                                          "Store.write (src/app/mixins.py:7)", "raw_query"});
  CHECK_FALSE(real->reasons[0].declared);
}

TEST_CASE("the call depth bounds the walk, and 0 turns it off", "[classify][walk]") {
  const auto classify_with = [](const std::string& analysis) {
    InlineRepo repo(rules(analysis));
    repo.write("tests/helpers.py",
               "def one():\n    two()\n\ndef two():\n    three()\n\ndef three():\n    raw_query()\n");
    repo.write("tests/test_deep.py", "from tests.helpers import one, three\n\n"
                                     "def test_deep():\n    one()\n\ndef test_near():\n    three()\n");
    return repo.classify_it();
  };
  const Classification deep = classify_with("[analysis]\ncall_depth = 3\n");
  CHECK(services(deep, "tests/test_deep.py::test_deep") == Services{"snuba"});
  const Classification shallow = classify_with("[analysis]\ncall_depth = 2\n");
  CHECK(services(shallow, "tests/test_deep.py::test_deep").empty());
  CHECK(services(shallow, "tests/test_deep.py::test_near") == Services{"snuba"});
  const Classification off = classify_with("[analysis]\ncall_depth = 0\n");
  CHECK(services(off, "tests/test_deep.py::test_near").empty());
}

TEST_CASE("the work bound stops a wide walk", "[classify][walk]") {
  InlineRepo repo(rules("[analysis]\ncall_budget = 2\n"));
  repo.write("tests/helpers.py", "def a():\n    pass\n\ndef b():\n    pass\n\ndef c():\n    raw_query()\n");
  repo.write("tests/test_wide.py", "from tests.helpers import a, b, c\n\ndef test_wide():\n    a()\n    b()\n    c()\n");
  CHECK(services(repo.classify_it(), "tests/test_wide.py::test_wide").empty());
}

TEST_CASE("super(), class methods, constructors and bare decorators are followed", "[classify][walk]") {
  InlineRepo repo(rules());
  repo.write("tests/helpers.py",
             "class Base:\n    def make(self):\n        raw_query()\n\n"
             "class Child(Base):\n    def make(self):\n        return super().make()\n\n"
             "class Factory:\n    def __init__(self):\n        raw_query()\n\n"
             "    @classmethod\n    def build(cls):\n        return cls.store()\n\n"
             "    @staticmethod\n    def store():\n        raw_query()\n\n"
             "def with_events(func):\n    def wrapper(*args):\n        raw_query()\n        return func(*args)\n    return wrapper\n");
  repo.write("tests/test_forms.py",
             "from tests.helpers import Child, Factory, with_events\n\n"
             "def test_instance():\n    Child().make()\n\n"
             "class TestSuper(Child):\n    def test_super(self):\n        self.make()\n\n"
             "def test_constructor():\n    Factory()\n\n"
             "def test_classmethod():\n    Factory.build()\n\n"
             "@with_events\ndef test_decorated():\n    pass\n\n"
             "def test_unknown(client):\n    client.raw()\n");
  const Classification result = repo.classify_it();
  for (const char* id : {"tests/test_forms.py::test_constructor", "tests/test_forms.py::test_classmethod",
                         "tests/test_forms.py::test_decorated", "tests/test_forms.py::TestSuper::test_super"}) {
    INFO(id);
    CHECK(services(result, id) == Services{"snuba"});
  }
  // Child() runs Child.__init__ (neither class has one), and `.make()` on the call's result is a
  // method of an object the walk does not type: not followed (a documented limit).
  CHECK(services(result, "tests/test_forms.py::test_instance").empty());
  CHECK(services(result, "tests/test_forms.py::test_unknown").empty());
}

TEST_CASE("declaring signals do not travel through calls; mock.patch cuts the chain it replaces", "[classify][walk]") {
  InlineRepo repo(rules());
  repo.write("tests/helpers.py",
             "from tests import snuba\n\n"
             "def connect():\n    redis_client()\n\n"
             "def query():\n    snuba.raw_query()\n");
  repo.write("tests/__init__.py", "");
  repo.write("tests/snuba.py", "def raw_query():\n    pass\n");
  repo.write("tests/test_travel.py",
             "from unittest import mock\nfrom tests.helpers import connect, query\n\n"
             "def test_connect():\n    connect()\n\n"
             "@mock.patch(\"tests.snuba.raw_query\")\ndef test_patched(raw):\n    query()\n\n"
             "@mock.patch(\"tests.helpers.query\")\ndef test_patched_elsewhere(raw):\n    query()\n\n"
             "def test_plain():\n    query()\n");
  const Classification result = repo.classify_it();
  CHECK(services(result, "tests/test_travel.py::test_connect").empty());
  CHECK(services(result, "tests/test_travel.py::test_patched").empty());
  // The patch names the helper where it is defined, but the test calls the name it imported:
  // Python would not replace that call, and neither does the walk.
  CHECK(services(result, "tests/test_travel.py::test_patched_elsewhere") == Services{"snuba"});
  CHECK(services(result, "tests/test_travel.py::test_plain") == Services{"snuba"});
}
