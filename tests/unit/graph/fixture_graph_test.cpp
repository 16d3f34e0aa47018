// Fixture requests: a fixture that requests its own name overrides, and reaches, the definition
// of the next scope out (pytest's rule), through conftests, modules and classes.
#include <catch2/catch.hpp>

#include "../classify/inline_repo.hpp"

using namespace testtier;
using test::InlineRepo;
using test::services_of_test;

namespace {

const char* const kRules = R"(version = 1
[project]
import_roots = ["src", "."]
test_files = ["tests/**/test_*.py"]
[services.postgres]
[[signal]]
fixture = ["db"]
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

TEST_CASE("a fixture overriding its own name reaches what the overridden definition needs", "[graph][fixtures]") {
  InlineRepo repo(kRules);
  repo.write("tests/conftest.py", "import pytest\n\n@pytest.fixture\ndef conn(db):\n    return 1\n");
  repo.write("tests/sub/conftest.py",
             "import pytest\n\n@pytest.fixture\ndef conn(conn, anyio_backend):\n    return conn\n");
  repo.write("tests/sub/test_override.py",
             "import pytest\n\n"
             "@pytest.fixture\ndef conn(conn):\n    return conn\n\n"
             "def test_module_override(conn):\n    pass\n\n"
             "class TestInClass:\n"
             "    @pytest.fixture\n    def conn(self, conn):\n        return conn\n\n"
             "    def test_class_override(self, conn):\n        pass\n");
  repo.write("tests/sub/test_plain.py", "def test_no_fixture():\n    pass\n\ndef test_conftest_conn(conn):\n    pass\n");
  const Classification result = repo.classify_it();
  CHECK(services_of_test(result, "tests/sub/test_override.py::test_module_override") == Services{"postgres"});
  CHECK(services_of_test(result, "tests/sub/test_override.py::TestInClass::test_class_override") ==
        Services{"postgres"});
  CHECK(services_of_test(result, "tests/sub/test_plain.py::test_conftest_conn") == Services{"postgres"});
  CHECK(services_of_test(result, "tests/sub/test_plain.py::test_no_fixture").empty());
  CHECK_FALSE(test::has_diagnostic(result, codes::fixture_cycle));
  const TestResult* test = test::find_test(result, "tests/sub/test_override.py::test_module_override");
  REQUIRE(test != nullptr);
  CHECK(test::vias(*test, "postgres") ==
        std::vector<std::string>{"conn (tests/sub/test_override.py:4) | conn (tests/sub/conftest.py:4) | "
                                 "conn (tests/conftest.py:4)"});
}
