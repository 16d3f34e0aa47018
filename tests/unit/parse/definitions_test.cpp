#include <catch2/catch.hpp>

#include "facts_helpers.hpp"

using namespace testtier;
using testtier::test::class_named;
using testtier::test::facts_of;
using testtier::test::named;

TEST_CASE("class bases are dotted names as written, keywords and subscripts dropped",
          "[parse][classes]") {
  const FileFacts facts = facts_of(
      "class A(cases.SnubaTestCase, Base[T], Generic[T], metaclass=ABCMeta, *more):\n"
      "    pass\n");
  const ClassFacts& a = class_named(facts, "A");
  REQUIRE(a.bases.size() == 3);
  CHECK(a.bases[0].name == "cases.SnubaTestCase");
  CHECK(a.bases[0].location == SourceLocation{1, 9});
  CHECK(a.bases[1].name == "Base");
  CHECK(a.bases[2].name == "Generic");
  CHECK(a.location == SourceLocation{1, 1});
  CHECK(a.end_line == 2);
}

TEST_CASE("nested classes are flattened after their parent with a qualname", "[parse][classes]") {
  const FileFacts facts = facts_of(
      "class Outer:\n"
      "    class Inner(object):\n"
      "        class Deepest: pass\n"
      "        def test_b(self): pass\n"
      "class Next: pass\n");
  REQUIRE(facts.classes.size() == 4);
  CHECK(facts.classes[0].qualname == "Outer");
  CHECK(facts.classes[1].qualname == "Outer.Inner");
  CHECK(facts.classes[1].name == "Inner");
  CHECK(facts.classes[2].qualname == "Outer.Inner.Deepest");
  CHECK(facts.classes[3].qualname == "Next");
  CHECK(named(facts.classes[1].methods, "test_b").parameters == std::vector<std::string>{"self"});
}

TEST_CASE("methods keep decorators, parameters and async-ness", "[parse][classes]") {
  const FileFacts facts = facts_of(
      "class TestX:\n"
      "    @staticmethod\n"
      "    def helper(a, /, b=1, *args, c: int = 2, d: str, **kw): ...\n"
      "    async def test_a(self, db): ...\n");
  const ClassFacts& cls = class_named(facts, "TestX");
  REQUIRE(cls.methods.size() == 2);
  const FunctionFacts& helper = cls.methods[0];
  CHECK(helper.parameters == std::vector<std::string>{"a", "b", "c", "d"});
  REQUIRE(helper.decorators.size() == 1);
  CHECK(helper.decorators[0].name == "staticmethod");
  CHECK(helper.location.line == 3);
  CHECK(helper.decorators[0].location.line == 2);
  CHECK(cls.methods[1].is_async);
  CHECK(cls.methods[1].parameters == std::vector<std::string>{"self", "db"});
}

TEST_CASE("decorators record dotted names and literal arguments", "[parse][classes]") {
  const FileFacts facts = facts_of(
      "@apply_feature_flag_on_cls(\n"
      "    'organizations:x',  # a comment\n"
      "    enabled=True,\n"
      ")\n"
      "class A: pass\n");
  const ClassFacts& a = class_named(facts, "A");
  REQUIRE(a.decorators.size() == 1);
  const Value& call = a.decorators[0].expression;
  CHECK(a.decorators[0].name == "apply_feature_flag_on_cls");
  CHECK(call.kind == Value::Kind::call);
  REQUIRE(call.items.size() == 1);
  CHECK(call.items[0].text == "organizations:x");
  REQUIRE(call.keywords.size() == 1);
  CHECK(call.keywords[0].first == "enabled");
  CHECK(call.keywords[0].second.kind == Value::Kind::boolean);
}

TEST_CASE("unicode identifiers and columns count characters", "[parse][classes]") {
  const FileFacts facts = facts_of("class Ünïcødé(Bäse): pass\ndef tëst_é(): pass\n");
  const ClassFacts& cls = class_named(facts, "Ünïcødé");
  REQUIRE(cls.bases.size() == 1);
  CHECK(cls.bases[0].name == "Bäse");
  CHECK(cls.bases[0].location == SourceLocation{1, 15});
  CHECK(named(facts.functions, "tëst_é").location.line == 2);
}
