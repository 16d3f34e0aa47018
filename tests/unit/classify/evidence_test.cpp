// Evidence reaching tests: what runs at import time reaches every test of the module; calls are
// matched through the file's imports; decorators by qualified name; in-function imports.
#include <catch2/catch.hpp>

#include <set>

#include "inline_repo.hpp"

using namespace testtier;
using test::InlineRepo;
using test::services_of_test;

namespace {

const char* const kRules = R"(version = 1
[project]
import_roots = ["src", "."]
test_files = ["tests/**/test_*.py"]
[services.postgres]
[services.kafka]
[services.clickhouse]
[services.snuba]
[services.redis]
[[signal]]
setting = ["SENTRY_PROCESSING_SERVICES.redis=*"]
needs = ["redis"]
[[signal]]
import = ["confluent_kafka"]
needs = ["kafka"]
[[signal]]
call = ["clickhouse_driver.Client"]
needs = ["clickhouse"]
[[signal]]
call = ["store_event"]
needs = ["snuba"]
[[signal]]
setting = ["SENTRY_TSDB=*snuba*"]
needs = ["snuba"]
[[signal]]
decorator = ["app.testing.requires_db", "uses_postgres"]
needs = ["postgres"]
[[signal]]
env = ["SENTRY_PYTHON_TEST_POSTGRES_*", "PG_HOST"]
needs = ["postgres"]
[[signal]]
env = ["REDIS_URL"]
needs = ["redis"]
[[signal]]
setting = ["SENTRY_BUFFER=*redis*"]
needs = ["redis"]
[[tier]]
name = "none"
provides = []
[[tier]]
name = "pg"
provides = ["postgres"]
[[tier]]
name = "kafka"
provides = ["postgres", "kafka"]
[[tier]]
name = "all"
provides = ["*"]
)";

using Services = std::vector<std::string>;

}  // namespace

TEST_CASE("a module-level import reaches every test the module collects, and its tier", "[classify][evidence]") {
  InlineRepo repo(kRules);
  repo.write("tests/test_producer.py",
             "import confluent_kafka\n\n"
             "def test_plain():\n    pass\n\n"
             "class TestProducer:\n    def test_send(self):\n        pass\n");
  const Classification result = repo.classify_it();
  for (const char* id : {"tests/test_producer.py::test_plain", "tests/test_producer.py::TestProducer::test_send"}) {
    INFO(id);
    const TestResult* test = test::find_test(result, id);
    REQUIRE(test != nullptr);
    CHECK(test->services == Services{"kafka"});
    CHECK(test->tier == "kafka");
    REQUIRE(test->reasons.size() == 1);
    CHECK(test->reasons[0].signal == EvidenceKind::import);
    CHECK(test->reasons[0].line == 1);
  }
}

TEST_CASE("module-level calls and settings reach every test, an import inside a function only its test",
          "[classify][evidence]") {
  InlineRepo repo(kRules);
  repo.write("tests/test_module_level.py",
             "from django.test import override_settings\n\n"
             "store_event(data={})\n"
             "tsdb = override_settings(SENTRY_TSDB='sentry.tsdb.snuba.SnubaTSDB')\n\n"
             "def test_a():\n    pass\n");
  repo.write("tests/test_local_import.py",
             "def test_uses_kafka():\n    import confluent_kafka\n    confluent_kafka.Producer({})\n\n"
             "def test_other():\n    pass\n\n"
             "import pytest\n\n@pytest.fixture\ndef producer():\n    import confluent_kafka\n\n"
             "def test_fixture_imports(producer):\n    pass\n");
  const Classification result = repo.classify_it();
  CHECK(services_of_test(result, "tests/test_module_level.py::test_a") == Services{"snuba"});
  CHECK(services_of_test(result, "tests/test_local_import.py::test_uses_kafka") == Services{"kafka"});
  CHECK(services_of_test(result, "tests/test_local_import.py::test_other").empty());
  CHECK(services_of_test(result, "tests/test_local_import.py::test_fixture_imports") == Services{"kafka"});
}

TEST_CASE("a file's services are the union of its tests', plus module-level ones when it collects none",
          "[classify][evidence]") {
  InlineRepo repo(kRules);
  repo.write("tests/test_mixed.py",
             "def test_stores():\n    store_event()\n\n"
             "def test_kafka():\n    import confluent_kafka\n");
  repo.write("tests/test_no_tests.py", "import confluent_kafka\n\nHELPER = 1\n");
  const Classification result = repo.classify_it();
  const FileResult* mixed = test::find_file(result, "tests/test_mixed.py");
  REQUIRE(mixed != nullptr);
  CHECK(mixed->services == Services{"kafka", "snuba"});
  const FileResult* empty = test::find_file(result, "tests/test_no_tests.py");
  REQUIRE(empty != nullptr);
  CHECK(empty->tests.empty());
  CHECK(empty->services == Services{"kafka"});
}

TEST_CASE("a qualified call signal matches through the file's imports, never an unrelated name",
          "[classify][evidence]") {
  InlineRepo repo(kRules);
  repo.write("tests/test_calls.py",
             "from clickhouse_driver import Client\n"
             "import clickhouse_driver as ch\n"
             "import clickhouse_driver\n"
             "from myapp.http import Client as HttpClient\n\n"
             "def test_from_import():\n    Client(host='x')\n\n"
             "def test_module_alias():\n    ch.Client()\n\n"
             "def test_module():\n    clickhouse_driver.Client()\n\n"
             "def test_unrelated():\n    HttpClient()\n\n"
             "def test_bare_rule_self(self=None):\n    self.store_event()\n");
  repo.write("tests/test_other_client.py", "from requests import Client\n\ndef test_x():\n    Client()\n");
  const Classification result = repo.classify_it();
  CHECK(services_of_test(result, "tests/test_calls.py::test_from_import") == Services{"clickhouse"});
  CHECK(services_of_test(result, "tests/test_calls.py::test_module_alias") == Services{"clickhouse"});
  CHECK(services_of_test(result, "tests/test_calls.py::test_module") == Services{"clickhouse"});
  CHECK(services_of_test(result, "tests/test_calls.py::test_unrelated").empty());
  CHECK(services_of_test(result, "tests/test_calls.py::test_bare_rule_self") == Services{"snuba"});
  CHECK(services_of_test(result, "tests/test_other_client.py::test_x").empty());
}

TEST_CASE("a decorator signal matches a decorator by qualified name, bare or called, on tests and classes",
          "[classify][evidence]") {
  InlineRepo repo(kRules);
  repo.write("src/app/__init__.py", "");
  repo.write("src/app/testing.py", "def requires_db(func=None, **options):\n    return func\n");
  repo.write("tests/test_decorated.py",
             "from app.testing import requires_db\n"
             "from app import testing\n"
             "from elsewhere import requires_db as not_it\n\n"
             "@requires_db\ndef test_bare():\n    pass\n\n"
             "@testing.requires_db(transaction=True)\ndef test_called():\n    pass\n\n"
             "@requires_db()\nclass TestInClass:\n    def test_m(self):\n        pass\n\n"
             "@uses_postgres\ndef test_bare_pattern():\n    pass\n\n"
             "@requires_db\nclass TestBareOnClass:\n    def test_n(self):\n        pass\n");
  repo.write("tests/test_not_decorated.py",
             "from elsewhere import requires_db\n\n@requires_db\ndef test_other():\n    pass\n");
  const Classification result = repo.classify_it();
  CHECK(services_of_test(result, "tests/test_decorated.py::test_bare") == Services{"postgres"});
  CHECK(services_of_test(result, "tests/test_decorated.py::test_called") == Services{"postgres"});
  CHECK(services_of_test(result, "tests/test_decorated.py::TestInClass::test_m") == Services{"postgres"});
  CHECK(services_of_test(result, "tests/test_decorated.py::test_bare_pattern") == Services{"postgres"});
  CHECK(services_of_test(result, "tests/test_decorated.py::TestBareOnClass::test_n") == Services{"postgres"});
  CHECK(services_of_test(result, "tests/test_not_decorated.py::test_other").empty());
  const TestResult* bare = test::find_test(result, "tests/test_decorated.py::test_bare");
  REQUIRE(bare != nullptr);
  REQUIRE(bare->reasons.size() == 1);
  CHECK(bare->reasons[0].signal == EvidenceKind::decorator);
  CHECK(bare->reasons[0].declared);
  CHECK(bare->reasons[0].line == 5);
}

TEST_CASE("a setting signal can match a key inside a dict-valued setting, whatever its value",
          "[classify][evidence]") {
  InlineRepo repo(kRules);
  repo.write("tests/test_dict_setting.py",
             "from django.test import override_settings\n\n"
             "@override_settings(SENTRY_PROCESSING_SERVICES={'redis': {'redis': CLUSTER}})\n"
             "def test_dict():\n    pass\n\n"
             "@override_settings(SENTRY_PROCESSING_SERVICES={'kafka': 'x'})\n"
             "def test_other_key():\n    pass\n\n"
             "def test_context():\n    with override_settings(SENTRY_PROCESSING_SERVICES={\"redis\": 'cluster'}):\n        pass\n");
  const Classification result = repo.classify_it();
  CHECK(services_of_test(result, "tests/test_dict_setting.py::test_dict") == Services{"redis"});
  CHECK(services_of_test(result, "tests/test_dict_setting.py::test_other_key").empty());
  CHECK(services_of_test(result, "tests/test_dict_setting.py::test_context") == Services{"redis"});
}

TEST_CASE("a module-level environment variable reaches every test of the module; one in a body only its test",
          "[classify][evidence][env]") {
  InlineRepo repo(kRules);
  repo.write("tests/test_env_module.py",
             "import os\n\n"
             "PG_HOST = os.getenv(\"PG_HOST\")\n\n"
             "def test_a():\n    pass\n\n"
             "class TestB:\n    def test_b(self):\n        pass\n");
  repo.write("tests/test_env_body.py",
             "import os\nimport pytest\n\n"
             "def test_reads():\n    assert os.environ[\"SENTRY_PYTHON_TEST_POSTGRES_PORT\"]\n\n"
             "@pytest.fixture\ndef redis_url():\n    return os.environ.get('REDIS_URL')\n\n"
             "def test_fixture(redis_url):\n    pass\n\n"
             "def test_other():\n    os.getenv('HOME')\n");
  const Classification result = repo.classify_it();
  for (const char* id : {"tests/test_env_module.py::test_a", "tests/test_env_module.py::TestB::test_b"}) {
    INFO(id);
    const TestResult* test = test::find_test(result, id);
    REQUIRE(test != nullptr);
    CHECK(test->services == Services{"postgres"});
    REQUIRE(test->reasons.size() == 1);
    CHECK(test->reasons[0].signal == EvidenceKind::env);
    CHECK(test->reasons[0].evidence == "PG_HOST");
    CHECK_FALSE(test->reasons[0].declared);
    CHECK(test->reasons[0].line == 3);
    CHECK(test->reasons[0].column == 11);
  }
  CHECK(services_of_test(result, "tests/test_env_body.py::test_reads") == Services{"postgres"});
  const TestResult* reads = test::find_test(result, "tests/test_env_body.py::test_reads");
  REQUIRE(reads != nullptr);
  REQUIRE(reads->reasons.size() == 1);
  CHECK(reads->reasons[0].evidence == "SENTRY_PYTHON_TEST_POSTGRES_*");
  CHECK(services_of_test(result, "tests/test_env_body.py::test_fixture") == Services{"redis"});
  CHECK(services_of_test(result, "tests/test_env_body.py::test_other").empty());
}

TEST_CASE("a settings assignment in a pytest-django `settings` fixture reaches the tests using it",
          "[classify][evidence][settings]") {
  InlineRepo repo(kRules);
  repo.write("tests/test_settings_fixture.py",
             "import pytest\n\n"
             "@pytest.fixture\ndef use_redis(settings):\n"
             "    settings.SENTRY_BUFFER = \"sentry.buffer.redis.RedisBuffer\"\n\n"
             "def test_buffer(use_redis):\n    pass\n\n"
             "def test_services(settings):\n"
             "    settings[\"SENTRY_PROCESSING_SERVICES\"] = {\"redis\": {\"redis\": \"x\"}}\n\n"
             "def test_other(settings):\n    settings.SENTRY_BUFFER = 'sentry.buffer.base.Buffer'\n");
  const Classification result = repo.classify_it();
  CHECK(services_of_test(result, "tests/test_settings_fixture.py::test_buffer") == Services{"redis"});
  CHECK(services_of_test(result, "tests/test_settings_fixture.py::test_services") == Services{"redis"});
  CHECK(services_of_test(result, "tests/test_settings_fixture.py::test_other").empty());
}
