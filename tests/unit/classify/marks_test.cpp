// Marks through aliases: functools.partial aliases, every branch of a try/if, and decorator
// functions whose bodies apply a mark (Sentry's `django_db_all`), each hop in the reasons.
#include <catch2/catch.hpp>

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
[services.snuba]
[[signal]]
marker = ["django_db"]
needs = ["postgres"]
[[signal]]
marker = ["snuba"]
needs = ["snuba"]
[[signal]]
fixture = ["_requires_snuba"]
needs = ["snuba"]
[[tier]]
name = "none"
provides = []
[[tier]]
name = "all"
provides = ["*"]
)";

using Services = std::vector<std::string>;

}  // namespace

TEST_CASE("functools.partial mark aliases, imported any way, bare or called, from another module",
          "[classify][marks]") {
  InlineRepo repo(kRules);
  repo.write("src/app/__init__.py", "");
  repo.write("src/app/marks.py",
             "import functools\nimport functools as ft\nfrom functools import partial\nfrom functools import partial as p\n"
             "import pytest\n\n"
             "db = partial(pytest.mark.django_db, databases='__all__')\n"
             "db_tx = functools.partial(pytest.mark.django_db, transaction=True)\n"
             "db_ft = ft.partial(pytest.mark.django_db)\n"
             "db_p = p(pytest.mark.django_db)\n");
  repo.write("tests/test_partial.py",
             "from app.marks import db, db_tx, db_ft, db_p\n\n"
             "@db\ndef test_bare():\n    pass\n\n"
             "@db()\ndef test_called_empty():\n    pass\n\n"
             "@db(transaction=True)\ndef test_called():\n    pass\n\n"
             "@db_tx\ndef test_functools():\n    pass\n\n"
             "@db_ft\ndef test_ft():\n    pass\n\n"
             "@db_p()\ndef test_p():\n    pass\n");
  const Classification result = repo.classify_it();
  for (const char* name : {"test_bare", "test_called_empty", "test_called", "test_functools", "test_ft", "test_p"}) {
    INFO(name);
    CHECK(services_of_test(result, std::string("tests/test_partial.py::") + name) == Services{"postgres"});
  }
  const TestResult* bare = test::find_test(result, "tests/test_partial.py::test_bare");
  REQUIRE(bare != nullptr);
  CHECK(test::vias(*bare, "postgres") == std::vector<std::string>{"db (src/app/marks.py:7)"});
}

TEST_CASE("a mark alias bound in the branches of a module-level try/except or if/else: every branch counts",
          "[classify][marks]") {
  InlineRepo repo(kRules);
  repo.write("src/app/__init__.py", "");
  repo.write("src/app/compat.py",
             "import sys\nfrom functools import partial\nimport pytest\n\n"
             "try:\n    from pytest_extras import snuba_mark\nexcept ImportError:\n"
             "    snuba_mark = pytest.mark.snuba\n\n"
             "if sys.version_info >= (3, 11):\n    db = partial(pytest.mark.django_db)\nelse:\n"
             "    db = pytest.mark.snuba\n");
  repo.write("tests/test_branches.py",
             "from app.compat import snuba_mark, db\n\n"
             "@snuba_mark\ndef test_try():\n    pass\n\n"
             "@db\ndef test_if():\n    pass\n");
  const Classification result = repo.classify_it();
  CHECK(services_of_test(result, "tests/test_branches.py::test_try") == Services{"snuba"});
  CHECK(services_of_test(result, "tests/test_branches.py::test_if") == Services{"postgres", "snuba"});
}

TEST_CASE("a decorator function that applies a mark means the mark, bare or called with options",
          "[classify][marks]") {
  InlineRepo repo(kRules);
  repo.write("src/app/__init__.py", "");
  // Sentry's django_db_all since 2023: a function, returning a partial of itself when given options.
  repo.write("src/app/fixtures.py",
             "import functools\nimport pytest\n\n"
             "def django_db_all(func=None, *, transaction=None, reset_sequences=None, databases='__all__'):\n"
             "    if func is None:\n"
             "        return functools.partial(django_db_all, transaction=transaction, reset_sequences=reset_sequences)\n"
             "    return pytest.mark.django_db(transaction=transaction, databases=databases)(func)\n\n"
             "def requires_snuba_fixture(func):\n    return pytest.mark.usefixtures('_requires_snuba')(func)\n\n"
             "def plain(func):\n    return func\n");
  repo.write("tests/test_decorator_functions.py",
             "import pytest\n"
             "from app.fixtures import django_db_all, requires_snuba_fixture, plain\n\n"
             "requires_snuba = pytest.mark.usefixtures('_requires_snuba')\n\n"
             "def local_wrapper(func):\n    return requires_snuba(django_db_all(func))\n\n"
             "@django_db_all\ndef test_bare():\n    pass\n\n"
             "@django_db_all(transaction=True)\ndef test_called():\n    pass\n\n"
             "@requires_snuba_fixture\ndef test_usefixtures():\n    pass\n\n"
             "@local_wrapper\ndef test_local_wrapper():\n    pass\n\n"
             "@plain\ndef test_plain():\n    pass\n\n"
             "@django_db_all\nclass TestInClass:\n    def test_m(self):\n        pass\n");
  const Classification result = repo.classify_it();
  const std::string file = "tests/test_decorator_functions.py::";
  CHECK(services_of_test(result, file + "test_bare") == Services{"postgres"});
  CHECK(services_of_test(result, file + "test_called") == Services{"postgres"});
  CHECK(services_of_test(result, file + "test_usefixtures") == Services{"snuba"});
  CHECK(services_of_test(result, file + "test_local_wrapper") == Services{"postgres", "snuba"});
  CHECK(services_of_test(result, file + "test_plain").empty());
  CHECK(services_of_test(result, file + "TestInClass::test_m") == Services{"postgres"});
  const TestResult* bare = test::find_test(result, file + "test_bare");
  REQUIRE(bare != nullptr);
  CHECK(test::vias(*bare, "postgres") == std::vector<std::string>{"django_db_all (src/app/fixtures.py:4)"});
  const TestResult* wrapped = test::find_test(result, file + "test_local_wrapper");
  REQUIRE(wrapped != nullptr);
  CHECK(test::vias(*wrapped, "postgres") == std::vector<std::string>{
                                                "local_wrapper (tests/test_decorator_functions.py:6) | "
                                                "django_db_all (src/app/fixtures.py:4)"});
  CHECK_FALSE(test::has_diagnostic(result, codes::unresolved));
}
