// affected_tests(): the test files a change reaches through imports, conftest chains and
// `[select] run_all`, each with why.
#include <catch2/catch.hpp>

#include "rules/temp_dir.hpp"
#include "testtier/affected.hpp"

using namespace testtier;
using testtier::test::TempDir;

namespace {

const Rules kRules = parse_rules(R"(version = 1
[project]
import_roots = ["src", "."]
[select]
run_all = ["**/settings.py"]
[services.postgres]
ports = [5432]
[[signal]]
fixture = ["db"]
needs = ["postgres"]
[[tier]]
name = "no_services"
provides = []
[[tier]]
name = "everything"
provides = ["*"]
)", "affected_test.toml");

/// A repository: two test directories, an app imported directly and through a helper, and a
/// module that the change deletes.
struct Repository {
  TempDir dir;
  Repository() {
    dir.write("src/app/__init__.py", "");
    dir.write("src/app/models.py", "class Model: pass\n");
    dir.write("src/app/settings.py", "DEBUG = True\n");
    dir.write("src/app/gone.py", "x = 1\n");
    dir.write("tests/conftest.py", "import pytest\n");
    dir.write("tests/api/conftest.py", "from app import models\n");
    dir.write("tests/api/test_api.py", "def test_api(): pass\n");
    dir.write("tests/helpers.py", "from app.models import Model\n");
    dir.write("tests/test_direct.py", "from app import models\n\ndef test_direct(): pass\n");
    dir.write("tests/test_through.py", "from tests import helpers\n\ndef test_through(): pass\n");
    dir.write("tests/test_gone.py", "import app.gone\n\ndef test_gone(): pass\n");
    dir.write("tests/test_alone.py", "def test_alone(): pass\n\ndef test_alone_too(): pass\n");
  }
  Affected changed(std::vector<ChangedPath> changes, bool cache = true) const {
    ClassifyOptions options;
    options.use_cache = cache;
    return affected_tests(dir.root(), kRules, changes, options);
  }
};

ChangedPath modified(const std::string& path) { return {ChangedPath::Kind::modified, path, ""}; }

std::map<std::string, std::string> files_of(const Affected& result) {
  return {result.test_files.begin(), result.test_files.end()};
}

}  // namespace

TEST_CASE("affected: a changed test file selects itself and nothing else", "[affected]") {
  const Repository repo;
  const Affected result = repo.changed({modified("tests/test_alone.py")});
  CHECK_FALSE(result.run_all);
  CHECK(files_of(result) == std::map<std::string, std::string>{{"tests/test_alone.py", "changed"}});
  CHECK(result.tests_to_run ==
        std::vector<std::string>{"tests/test_alone.py::test_alone", "tests/test_alone.py::test_alone_too"});
  CHECK(result.tests_to_skip.size() == 4);
}

TEST_CASE("affected: a changed module selects its importers, directly, through helpers and conftests", "[affected]") {
  const Repository repo;
  for (const bool cache : {true, false}) {
    INFO("cache " << cache);
    const auto files = files_of(repo.changed({modified("src/app/models.py")}, cache));
    CHECK(files.size() == 3);
    CHECK_THAT(files.at("tests/test_direct.py"), Catch::Contains("src/app/models.py"));
    CHECK_THAT(files.at("tests/test_through.py"), Catch::Contains("tests/helpers.py") &&
                                                     Catch::Contains("src/app/models.py"));
    CHECK(files.contains("tests/api/test_api.py"));  // its conftest imports the module
  }
}

TEST_CASE("affected: a changed conftest selects the tests below it", "[affected]") {
  const Repository repo;
  const auto top = files_of(repo.changed({modified("tests/conftest.py")}));
  CHECK(top.size() == 5);
  const auto api = files_of(repo.changed({modified("tests/api/conftest.py")}));
  CHECK(api.size() == 1);
  CHECK(api.contains("tests/api/test_api.py"));
}

TEST_CASE("affected: a deleted or renamed module still selects its importers", "[affected]") {
  const Repository repo;
  std::filesystem::remove(repo.dir.root() / "src/app/gone.py");
  const auto deleted = files_of(repo.changed({{ChangedPath::Kind::deleted, "src/app/gone.py", ""}}));
  CHECK(deleted.size() == 1);
  CHECK(deleted.contains("tests/test_gone.py"));
  std::filesystem::rename(repo.dir.root() / "src/app/models.py", repo.dir.root() / "src/app/renamed.py");
  const auto renamed = files_of(repo.changed({{ChangedPath::Kind::renamed, "src/app/renamed.py", "src/app/models.py"}}));
  CHECK(renamed.contains("tests/test_direct.py"));
}

TEST_CASE("affected: a change matching select.run_all runs every test, saying why", "[affected]") {
  const Repository repo;
  const Affected result = repo.changed({modified("src/app/settings.py"), modified("tests/test_alone.py")});
  CHECK(result.run_all);
  CHECK(result.run_all_reasons ==
        std::vector<std::string>{"src/app/settings.py matches select.run_all `**/settings.py`"});
  CHECK(result.test_files.size() == 5);
  CHECK(result.tests_to_skip.empty());
  CHECK(result.tests_to_run.size() == 6);
}

TEST_CASE("affected: a change outside every import chain selects nothing", "[affected]") {
  const Repository repo;
  const Affected result = repo.changed({modified("README.md"), modified("src/app/no_such.py")});
  CHECK_FALSE(result.run_all);
  CHECK(result.test_files.empty());
  CHECK(result.tests_to_run.empty());
  CHECK(result.tests_to_skip.size() == 6);
}

TEST_CASE("affected: a test file that could not be read is selected by any module's change", "[affected]") {
  const Repository repo;
  repo.dir.write("tests/test_binary.py", std::string("import app.models\0\0", 19));
  const auto files = files_of(repo.changed({modified("src/app/settings_helpers.py"), modified("src/app/gone.py")}));
  REQUIRE(files.contains("tests/test_binary.py"));
  CHECK_THAT(files.at("tests/test_binary.py"), Catch::Contains("its imports are unknown"));
  CHECK(files_of(repo.changed({modified("README.md")})).empty());  // no module changed
}
