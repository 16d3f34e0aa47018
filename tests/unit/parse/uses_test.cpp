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

namespace {

/// Return the names of `envs`, in order.
std::vector<std::string> env_names(const std::vector<EnvUse>& envs) {
  std::vector<std::string> names;
  for (const EnvUse& env : envs) names.push_back(env.name);
  return names;
}

using Names = std::vector<std::string>;

}  // namespace

TEST_CASE("environment variables: os.environ subscripts read, assigned and deleted, and `in` tests",
          "[parse][env]") {
  const FileFacts facts = facts_of(
      "import os\n"
      "def test_a():\n"
      "    host = os.environ[\"PG_HOST\"]\n"
      "    os.environ['REDIS_URL'] = 'redis://x'\n"
      "    del os.environ[\"KAFKA_HOST\"]\n"
      "    if \"SNUBA_URL\" in os.environ and 'CH_HOST' not in os.environ:\n"
      "        pass\n");
  const auto& envs = named(facts.functions, "test_a").uses.envs;
  CHECK(env_names(envs) == Names{"PG_HOST", "REDIS_URL", "KAFKA_HOST", "SNUBA_URL", "CH_HOST"});
  REQUIRE(envs.size() == 5);
  CHECK(envs[0].location == SourceLocation{3, 12});
  CHECK(envs[1].location == SourceLocation{4, 5});
  CHECK(envs[3].location == SourceLocation{6, 8});
}

TEST_CASE("environment variables: get, setdefault, pop and getenv calls, os. or bare", "[parse][env]") {
  const FileFacts facts = facts_of(
      "import os\n"
      "from os import environ, getenv\n"
      "def test_a():\n"
      "    os.environ.get(\"A\")\n"
      "    os.environ.setdefault(\"B\", \"1\")\n"
      "    os.environ.pop('C', None)\n"
      "    os.getenv(\"D\")\n"
      "    os.getenv(\"E\", \"default\")\n"
      "    environ.get(\"F\")\n"
      "    getenv(\"G\")\n"
      "    environ[\"H\"]\n");
  const auto& uses = named(facts.functions, "test_a").uses;
  CHECK(env_names(uses.envs) == Names{"A", "B", "C", "D", "E", "F", "G", "H"});
  REQUIRE(uses.envs.size() == 8);
  CHECK(uses.envs[0].location == SourceLocation{4, 5});
  // the calls are calls too, for `call` signals
  REQUIRE(uses.calls.size() == 7);
  CHECK(uses.calls[0].name == "os.environ.get");
}

TEST_CASE("environment variables: only literal names count; other objects and methods do not", "[parse][env]") {
  const FileFacts facts = facts_of(
      "import os\n"
      "def test_a(name):\n"
      "    os.environ[name]\n"
      "    os.environ[f\"PG_{name}\"]\n"
      "    os.getenv(name)\n"
      "    os.environ.get(key=\"K\")\n"
      "    os.environ.copy()\n"
      "    os.environ.items()\n"
      "    config[\"PG_HOST\"]\n"
      "    \"PG_HOST\" in config\n"
      "    self.environ.get(\"X\")\n"
      "    x = \"os.environ['NOT_CODE']\"\n");
  CHECK(named(facts.functions, "test_a").uses.envs.empty());
}

TEST_CASE("environment variables inside f-strings, comprehensions and other expressions are found",
          "[parse][env]") {
  const FileFacts facts = facts_of(
      "import os\n"
      "def test_a():\n"
      "    url = f\"redis://{os.environ['REDIS_HOST']}:6379\"\n"
      "    hosts = [os.environ[\"H\" \"1\"] for _ in range(2)]\n"
      "    assert {'k': -os.environ['DEEP']}\n");
  CHECK(env_names(named(facts.functions, "test_a").uses.envs) == Names{"REDIS_HOST", "H1", "DEEP"});
}

TEST_CASE("environment variables at module level, in class bodies and in fixtures land in their bodies",
          "[parse][env]") {
  const FileFacts facts = facts_of(
      "import os\n"
      "import pytest\n"
      "PG_HOST = os.getenv(\"PG_HOST\")\n"
      "REDIS = os.environ[\"REDIS_URL\"]\n"
      "if \"CI\" in os.environ:\n"
      "    pass\n"
      "class T:\n"
      "    host = os.environ.get(\"SNUBA_HOST\")\n"
      "@pytest.fixture\n"
      "def kafka():\n"
      "    os.environ.setdefault(\"KAFKA_HOST\", \"x\")\n");
  CHECK(env_names(facts.module_uses.envs) == Names{"PG_HOST", "REDIS_URL", "CI"});
  CHECK(env_names(class_named(facts, "T").uses.envs) == Names{"SNUBA_HOST"});
  CHECK(env_names(named(facts.functions, "kafka").uses.envs) == Names{"KAFKA_HOST"});
}

TEST_CASE("settings assignments: settings.X and settings[\"X\"], bare or through django.conf", "[parse][settings]") {
  const FileFacts facts = facts_of(
      "import pytest\n"
      "from django import conf\n"
      "import django.conf\n"
      "@pytest.fixture\n"
      "def use_redis(settings):\n"
      "    settings.SENTRY_BUFFER = \"sentry.buffer.redis.RedisBuffer\"\n"
      "def test_subscript(settings):\n"
      "    settings[\"SENTRY_PROCESSING_SERVICES\"] = {\"redis\": {\"redis\": \"x\"}}\n"
      "def test_dotted():\n"
      "    django.conf.settings.SENTRY_TSDB = 'sentry.tsdb.redissnuba.RedisSnubaTSDB'\n"
      "    conf.settings.N = 3\n");
  const auto& buffer = named(facts.functions, "use_redis").uses.settings;
  REQUIRE(buffer.size() == 1);
  CHECK(buffer[0].key == "SENTRY_BUFFER");
  CHECK(buffer[0].value == "sentry.buffer.redis.RedisBuffer");
  CHECK(buffer[0].literal);
  CHECK(buffer[0].via == SettingUse::Via::assignment);
  CHECK(buffer[0].location == SourceLocation{6, 5});
  const auto& services = named(facts.functions, "test_subscript").uses.settings;
  REQUIRE(services.size() == 3);
  CHECK(services[0].key == "SENTRY_PROCESSING_SERVICES");
  CHECK_FALSE(services[0].literal);
  CHECK(services[1].key == "SENTRY_PROCESSING_SERVICES.redis");
  CHECK(services[2].key == "SENTRY_PROCESSING_SERVICES.redis.redis");
  CHECK(services[2].value == "x");
  CHECK(services[2].via == SettingUse::Via::assignment);
  const auto& dotted = named(facts.functions, "test_dotted").uses.settings;
  REQUIRE(dotted.size() == 2);
  CHECK(dotted[0].key == "SENTRY_TSDB");
  CHECK(dotted[0].value == "sentry.tsdb.redissnuba.RedisSnubaTSDB");
  CHECK(dotted[1].key == "N");
  CHECK_FALSE(dotted[1].literal);
}

TEST_CASE("settings assignments: module and class level; reads, other objects and non-literal keys do not count",
          "[parse][settings]") {
  const FileFacts facts = facts_of(
      "from django.conf import settings\n"
      "settings.SENTRY_OPTIONS = {'system.url': 'http://x'}\n"
      "class T:\n"
      "    def setUp(self):\n"
      "        settings.DEBUG = True\n"
      "def test_no(key):\n"
      "    x = settings.SENTRY_BUFFER\n"
      "    self.settings.A = 1\n"
      "    my_settings.B = 2\n"
      "    settings.C += 1\n"
      "    settings[key] = 3\n"
      "    settings.D.E = 4\n");
  const auto& module = facts.module_uses.settings;
  REQUIRE(module.size() == 2);
  CHECK(module[0].key == "SENTRY_OPTIONS");
  CHECK(module[1].key == "SENTRY_OPTIONS.system.url");
  CHECK(module[1].value == "http://x");
  const auto& set_up = class_named(facts, "T").methods.at(0).uses.settings;
  REQUIRE(set_up.size() == 1);
  CHECK(set_up[0].key == "DEBUG");
  CHECK(named(facts.functions, "test_no").uses.settings.empty());
}

TEST_CASE("override_settings as a context manager and a call", "[parse][settings]") {
  const FileFacts facts = facts_of(
      "from django.test import override_settings\n"
      "def test_a():\n"
      "    with override_settings(SENTRY_BUFFER=\"sentry.buffer.redis.RedisBuffer\"), open('f'):\n"
      "        pass\n"
      "    with override_settings(SENTRY_PROCESSING_SERVICES={\"redis\": {\"redis\": \"x\"}}) as o:\n"
      "        pass\n");
  const auto& settings = named(facts.functions, "test_a").uses.settings;
  REQUIRE(settings.size() == 4);
  CHECK(settings[0].key == "SENTRY_BUFFER");
  CHECK(settings[0].value == "sentry.buffer.redis.RedisBuffer");
  CHECK(settings[0].via == SettingUse::Via::override_settings);
  CHECK(settings[0].location.line == 3);
  CHECK(settings[2].key == "SENTRY_PROCESSING_SERVICES.redis");
  CHECK(settings[3].key == "SENTRY_PROCESSING_SERVICES.redis.redis");
}

TEST_CASE("super().m() is recorded as a call for the call walk", "[parse][calls]") {
  const FileFacts facts = facts_of(
      "class T(Base):\n"
      "    def m(self):\n"
      "        super().m()\n"
      "        super(T, self).setUp()\n"
      "        super().x.y()\n");
  std::vector<std::string> names;
  for (const CallUse& call : class_named(facts, "T").methods[0].uses.calls) names.push_back(call.name);
  CHECK(std::find(names.begin(), names.end(), "super().m") != names.end());
  CHECK(std::find(names.begin(), names.end(), "super().setUp") != names.end());
  CHECK(std::find(names.begin(), names.end(), "super().x.y") == names.end());
}
