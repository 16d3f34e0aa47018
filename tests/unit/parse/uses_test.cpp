#include <catch2/catch.hpp>

#include "facts_helpers.hpp"

using namespace testtier;
using testtier::test::class_named;
using testtier::test::facts_of;
using testtier::test::named;

TEST_CASE("settings overrides in every spelling", "[parse][settings]") {
  const FileFacts facts = facts_of(
      "@override_settings(SENTRY_TSDB=\"sentry.tsdb.redissnuba.RedisSnubaTSDB\", N=3)\n"
      "def test_a():\n"
      "    with override_settings(SENTRY_BUFFER='sentry.buffer.redis.RedisBuffer'):\n"
      "        pass\n"
      "class T:\n"
      "    @override_options({\"system.url\": \"http://x\"})\n"
      "    def test_b(self):\n"
      "        with self.settings(K='v'), self.options({'k2': 'v2'}):\n"
      "            pass\n");
  const auto& a = named(facts.functions, "test_a").uses.settings;
  REQUIRE(a.size() == 3);
  CHECK(a[0].key == "SENTRY_TSDB");
  CHECK(a[0].value == "sentry.tsdb.redissnuba.RedisSnubaTSDB");
  CHECK(a[0].literal);
  CHECK(a[0].via == SettingUse::Via::override_settings);
  CHECK(a[1].key == "N");
  CHECK_FALSE(a[1].literal);
  CHECK(a[2].key == "SENTRY_BUFFER");
  CHECK(a[2].location.line == 3);
  const auto& b = class_named(facts, "T").methods.at(0).uses.settings;
  REQUIRE(b.size() == 3);
  CHECK(b[0].via == SettingUse::Via::override_options);
  CHECK(b[0].key == "system.url");
  CHECK(b[1].via == SettingUse::Via::settings);
  CHECK(b[2].via == SettingUse::Via::options);
  CHECK(b[2].value == "v2");
}

TEST_CASE("calls by name, including on self and cls", "[parse][calls]") {
  const FileFacts facts = facts_of(
      "setup_module_thing()\n"
      "class T:\n"
      "    helper = make_helper()\n"
      "    def test_a(self):\n"
      "        self.store_event(data={})\n"
      "        snuba.raw_query(x=compute())\n"
      "        (lambda: 1)()\n"
      "        items[0]()\n");
  REQUIRE(facts.module_uses.calls.size() == 1);
  CHECK(facts.module_uses.calls[0].name == "setup_module_thing");
  const ClassFacts& cls = class_named(facts, "T");
  REQUIRE(cls.uses.calls.size() == 1);
  CHECK(cls.uses.calls[0].name == "make_helper");
  const auto& calls = cls.methods.at(0).uses.calls;
  REQUIRE(calls.size() == 3);
  CHECK(calls[0].name == "self.store_event");
  CHECK(calls[0].location == SourceLocation{5, 9});
  CHECK(calls[1].name == "snuba.raw_query");
  CHECK(calls[2].name == "compute");
}

TEST_CASE("a @pytest.fixture named test_x is recorded as a fixture", "[parse][fixtures]") {
  const FileFacts facts = facts_of("import pytest\n@pytest.fixture\ndef test_thing(): ...\n");
  CHECK(named(facts.functions, "test_thing").is_fixture);
}

TEST_CASE("calls inside f-string interpolations count, plain strings are not searched", "[parse][uses]") {
  const FileFacts facts = facts_of(
      "def test_a(self):\n"
      "    x = f\"{self.store_event(data)}\"\n"
      "    y = \"self.not_a_call()\"\n");
  const auto& calls = facts.functions.at(0).uses.calls;
  REQUIRE(calls.size() == 1);
  CHECK(calls[0].name == "self.store_event");
}

TEST_CASE("calls are found however deep they sit in expressions without other calls", "[parse][uses]") {
  // The walk skips subtrees holding no '(' and no "import": a call must still be found below
  // many levels of brackets, operators, lambdas and comprehensions that hold no other call.
  const FileFacts facts = facts_of(
      "def test_a(self):\n"
      "    assert data['x'] == {'k': [lambda: v for v in {'a': -helper.inner()}]}[0]\n"
      "    y = not (a and b or c[d:e])\n"
      "    z = \"(import)\"\n"
      "    return [*x, **{'q': w}] if p else self.last_call()\n");
  const auto& calls = facts.functions.at(0).uses.calls;
  REQUIRE(calls.size() == 2);
  CHECK(calls[0].name == "helper.inner");
  CHECK(calls[0].location == SourceLocation{2, 58});
  CHECK(calls[1].name == "self.last_call");
}
