#include <catch2/catch.hpp>

#include "facts_helpers.hpp"

using namespace testtier;
using testtier::test::class_named;
using testtier::test::facts_of;
using testtier::test::named;

TEST_CASE("fixtures: plain, called with autouse/scope/name, and from-imported", "[parse][fixtures]") {
  const FileFacts facts = facts_of(
      "import pytest\n"
      "from pytest import fixture as fx\n"
      "@pytest.fixture\n"
      "def plain(db, request): ...\n"
      "@pytest.fixture(autouse=True, scope='module')\n"
      "def auto(): ...\n"
      "@fx(name='renamed')\n"
      "def original(): ...\n"
      "def not_a_fixture(): ...\n");
  const FunctionFacts& plain = named(facts.functions, "plain");
  CHECK(plain.is_fixture);
  CHECK(plain.fixture.name == "plain");
  CHECK_FALSE(plain.fixture.autouse);
  CHECK(plain.parameters == std::vector<std::string>{"db", "request"});
  const FunctionFacts& autouse = named(facts.functions, "auto");
  CHECK(autouse.fixture.autouse);
  CHECK(autouse.fixture.scope == "module");
  CHECK(named(facts.functions, "original").fixture.name == "renamed");
  CHECK_FALSE(named(facts.functions, "not_a_fixture").is_fixture);
}

TEST_CASE("a fixture method in a class body is a fixture", "[parse][fixtures]") {
  const FileFacts facts = facts_of(
      "import pytest\n"
      "class SnubaTestCase(BaseTestCase):\n"
      "    @pytest.fixture(autouse=True)\n"
      "    def initialize(self, reset_snuba, call_snuba): ...\n");
  const FunctionFacts& method = class_named(facts, "SnubaTestCase").methods.at(0);
  CHECK(method.is_fixture);
  CHECK(method.fixture.autouse);
  CHECK(method.parameters == std::vector<std::string>{"self", "reset_snuba", "call_snuba"});
}

TEST_CASE("marks from decorators in every spelling", "[parse][marks]") {
  const FileFacts facts = facts_of(
      "import pytest as pt\n"
      "from pytest import mark\n"
      "@pytest.mark.snuba\n"
      "@pt.mark.django_db(transaction=True)\n"
      "@mark.sentry_metrics\n"
      "@pytest.mark.usefixtures(\"a\", 'b')\n"
      "@requires_snuba\n"
      "@skips.requires_kafka\n"
      "@staticmethod\n"
      "@override_settings(X='y')\n"
      "def test_x(): ...\n");
  const auto& marks = named(facts.functions, "test_x").marks;
  REQUIRE(marks.size() == 6);
  CHECK(marks[0].name == "snuba");
  CHECK(marks[0].location == SourceLocation{3, 2});
  CHECK(marks[1].name == "django_db");
  CHECK(marks[1].expression.keywords.at(0).first == "transaction");
  CHECK(marks[2].name == "sentry_metrics");
  CHECK(marks[3].name == "usefixtures");
  CHECK(marks[3].args == std::vector<std::string>{"a", "b"});
  CHECK(marks[4].alias == "requires_snuba");
  CHECK(marks[4].name.empty());
  CHECK(marks[5].alias == "skips.requires_kafka");
}

TEST_CASE("a decorator split over lines with comments and concatenated strings", "[parse][marks]") {
  const FileFacts facts = facts_of(
      "import pytest\n"
      "@pytest.mark.usefixtures(\n"
      "    # why we need these\n"
      "    \"_requires_\" \"snuba\",  # trailing\n"
      "    'other',\n"
      ")\n"
      "class TestA: ...\n");
  const auto& marks = class_named(facts, "TestA").marks;
  REQUIRE(marks.size() == 1);
  CHECK(marks[0].args == std::vector<std::string>{"_requires_snuba", "other"});
}

TEST_CASE("pytestmark at module and class level, single or list", "[parse][marks]") {
  const FileFacts facts = facts_of(
      "import pytest\n"
      "from sentry.testutils.skips import requires_snuba\n"
      "pytestmark = [requires_snuba, pytest.mark.sentry_metrics]\n"
      "class TestA:\n"
      "    pytestmark = pytest.mark.snuba\n"
      "class TestB:\n"
      "    pytestmark = (pytest.mark.usefixtures('x'),)\n");
  REQUIRE(facts.module_marks.size() == 2);
  CHECK(facts.module_marks[0].alias == "requires_snuba");
  CHECK(facts.module_marks[0].origin == MarkUse::Origin::pytestmark);
  CHECK(facts.module_marks[1].name == "sentry_metrics");
  CHECK(class_named(facts, "TestA").marks.at(0).name == "snuba");
  CHECK(class_named(facts, "TestB").marks.at(0).args == std::vector<std::string>{"x"});
  CHECK(facts.aliases.empty());  // pytestmark is not an alias
}

TEST_CASE("parametrize marks= inside pytest.param are marks of the test", "[parse][marks]") {
  const FileFacts facts = facts_of(
      "import pytest\n"
      "@pytest.mark.parametrize('a', [\n"
      "    1,\n"
      "    pytest.param(2, marks=pytest.mark.snuba),\n"
      "    pytest.param(3, marks=[pytest.mark.slow, requires_kafka]),\n"
      "])\n"
      "def test_p(a): ...\n");
  const auto& marks = named(facts.functions, "test_p").marks;
  REQUIRE(marks.size() == 4);
  CHECK(marks[0].name == "parametrize");
  CHECK(marks[1].name == "snuba");
  CHECK(marks[1].origin == MarkUse::Origin::parametrize);
  CHECK(marks[2].name == "slow");
  CHECK(marks[3].alias == "requires_kafka");
}

TEST_CASE("module-level aliases of marks, names and attributes", "[parse][aliases]") {
  const FileFacts facts = facts_of(
      "import pytest\n"
      "requires_snuba = pytest.mark.usefixtures(\"_requires_snuba\")\n"
      "django_db_all = pytest.mark.django_db(databases=\"__all__\")\n"
      "SnubaTestCase = cases.SnubaTestCase\n"
      "Alias2 = Other\n"
      "NUMBER = 3\n"
      "x, y = a, b\n");
  REQUIRE(facts.aliases.size() == 4);
  CHECK(facts.aliases[0].name == "requires_snuba");
  CHECK(facts.aliases[0].value.kind == Value::Kind::call);
  CHECK(facts.aliases[0].value.text == "pytest.mark.usefixtures");
  CHECK(facts.aliases[0].value.items.at(0).text == "_requires_snuba");
  CHECK(facts.aliases[1].value.keywords.at(0).second.text == "__all__");
  CHECK(facts.aliases[2].value.kind == Value::Kind::name);
  CHECK(facts.aliases[2].value.text == "cases.SnubaTestCase");
  CHECK(facts.aliases[3].location == SourceLocation{5, 1});
  CHECK(facts.aliases[0].mark == "usefixtures");
  CHECK(facts.aliases[0].mark_args == std::vector<std::string>{"_requires_snuba"});
  CHECK(facts.aliases[1].mark == "django_db");
  CHECK(facts.aliases[2].mark.empty());
}

TEST_CASE("pytest_plugins at module level, a string or a list", "[parse][plugins]") {
  CHECK(facts_of("pytest_plugins = 'a.b'\n").pytest_plugins == std::vector<std::string>{"a.b"});
  const FileFacts facts = facts_of(
      "pytest_plugins = [\n    'sentry.testutils.pytest',\n    \"x.y\",  # comment\n    name,\n]\n"
      "def f():\n    pytest_plugins = ['not.module.level']\n");
  CHECK(facts.pytest_plugins == std::vector<std::string>{"sentry.testutils.pytest", "x.y"});
}
