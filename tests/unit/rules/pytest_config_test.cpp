#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "rules/temp_dir.hpp"
#include "testtier/pytest_config.hpp"

using testtier::PytestConfig;
using testtier::read_pytest_config;
using testtier::test::TempDir;
using Strings = std::vector<std::string>;

namespace {

/// Check that `config` says what pytest says without a configuration file.
void check_defaults(const PytestConfig& config) {
  CHECK(config.testpaths.empty());
  CHECK(config.python_files == Strings{"test_*.py", "*_test.py"});
  CHECK(config.python_classes == Strings{"Test*"});
  CHECK(config.python_functions == Strings{"test*"});
}

}  // namespace

TEST_CASE("without configuration files pytest's defaults apply", "[rules]") {
  TempDir dir;
  const PytestConfig config = read_pytest_config(dir.root());
  CHECK(config.origin.empty());
  CHECK(config.diagnostics.empty());
  check_defaults(config);
}

TEST_CASE("pytest.ini is read from [pytest], multi-line values included", "[rules]") {
  TempDir dir;
  dir.write("pytest.ini",
            "# comment\n[pytest]\ntestpaths =\n    tests/\n    integration\n"
            "python_files = check_*.py *_check.py\npython_classes = Check Suite*\n"
            "python_functions: check\naddopts = -ra\n");
  const PytestConfig config = read_pytest_config(dir.root());
  CHECK(config.origin == "pytest.ini");
  CHECK(config.diagnostics.empty());
  CHECK(config.testpaths == Strings{"tests", "integration"});
  CHECK(config.python_files == Strings{"check_*.py", "*_check.py"});
  CHECK(config.python_classes == Strings{"Check*", "Suite*"});
  CHECK(config.python_functions == Strings{"check*"});
}

TEST_CASE("pytest.ini wins even without a [pytest] section", "[rules]") {
  TempDir dir;
  dir.write("pytest.ini", "[other]\nx = 1\n");
  dir.write("pyproject.toml", "[tool.pytest.ini_options]\ntestpaths = [\"tests\"]\n");
  const PytestConfig config = read_pytest_config(dir.root());
  CHECK(config.origin == "pytest.ini");
  check_defaults(config);
}

TEST_CASE(".pytest.ini comes after pytest.ini and before pyproject.toml", "[rules]") {
  TempDir dir;
  dir.write(".pytest.ini", "[pytest]\ntestpaths = hidden\n");
  dir.write("pyproject.toml", "[tool.pytest.ini_options]\ntestpaths = [\"tests\"]\n");
  CHECK(read_pytest_config(dir.root()).testpaths == Strings{"hidden"});
  dir.write("pytest.ini", "[pytest]\ntestpaths = plain\n");
  CHECK(read_pytest_config(dir.root()).testpaths == Strings{"plain"});
}

TEST_CASE("pyproject.toml is read from [tool.pytest.ini_options]", "[rules]") {
  TempDir dir;
  dir.write("pyproject.toml",
            "[tool.pytest.ini_options]\ntestpaths = [\"tests/\", \"src\"]\n"
            "python_files = \"check_*.py  *_check.py\"\npython_classes = [\"Check\"]\n"
            "python_functions = [\"spec_*\"]\n");
  dir.write("tox.ini", "[pytest]\ntestpaths = tox\n");
  const PytestConfig config = read_pytest_config(dir.root());
  CHECK(config.origin == "pyproject.toml");
  CHECK(config.diagnostics.empty());
  CHECK(config.testpaths == Strings{"tests", "src"});
  CHECK(config.python_files == Strings{"check_*.py", "*_check.py"});
  CHECK(config.python_classes == Strings{"Check*"});
  CHECK(config.python_functions == Strings{"spec_*"});
}

TEST_CASE("a pyproject.toml without pytest options passes on to tox.ini", "[rules]") {
  TempDir dir;
  dir.write("pyproject.toml", "[tool.black]\nline-length = 100\n");
  dir.write("tox.ini", "[tox]\nenvlist = py3\n[pytest]\ntestpaths = tox_tests\n");
  const PytestConfig config = read_pytest_config(dir.root());
  CHECK(config.origin == "tox.ini");
  CHECK(config.testpaths == Strings{"tox_tests"});
}

TEST_CASE("setup.cfg is read from [tool:pytest], last", "[rules]") {
  TempDir dir;
  dir.write("tox.ini", "[tox]\nenvlist = py3\n");
  dir.write("setup.cfg", "[metadata]\nname = app\n[tool:pytest]\npython_functions = t_ check*\n");
  const PytestConfig config = read_pytest_config(dir.root());
  CHECK(config.origin == "setup.cfg");
  CHECK(config.python_functions == Strings{"t_*", "check*"});
  CHECK(config.python_files == Strings{"test_*.py", "*_test.py"});
}

TEST_CASE("a setup.cfg without [tool:pytest] leaves pytest's defaults", "[rules]") {
  TempDir dir;
  dir.write("setup.cfg", "[metadata]\nname = app\n");
  const PytestConfig config = read_pytest_config(dir.root());
  CHECK(config.origin.empty());
  check_defaults(config);
}

TEST_CASE("a broken pyproject.toml is a diagnostic and defaults apply", "[rules]") {
  TempDir dir;
  dir.write("pyproject.toml", "[tool.pytest.ini_options]\ntestpaths = [\n");
  dir.write("tox.ini", "[pytest]\ntestpaths = tox\n");
  const PytestConfig config = read_pytest_config(dir.root());
  check_defaults(config);
  REQUIRE(config.diagnostics.size() == 1);
  const auto& diagnostic = config.diagnostics[0];
  CHECK(diagnostic.path == "pyproject.toml");
  CHECK(diagnostic.code == testtier::codes::invalid_configuration);
  CHECK(diagnostic.severity == testtier::Severity::warning);
  CHECK(diagnostic.location.line >= 2);
  CHECK(diagnostic.message.starts_with("cannot parse pyproject.toml: "));
}

TEST_CASE("a broken INI file is a diagnostic with its line", "[rules]") {
  TempDir dir;
  dir.write("pytest.ini", "[pytest]\ntestpaths = tests\nthis is not a value\n");
  const PytestConfig config = read_pytest_config(dir.root());
  check_defaults(config);
  REQUIRE(config.diagnostics.size() == 1);
  CHECK(config.diagnostics[0].path == "pytest.ini");
  CHECK(config.diagnostics[0].code == testtier::codes::invalid_configuration);
  CHECK(config.diagnostics[0].location.line == 3);
  CHECK(config.diagnostics[0].message ==
        "cannot parse pytest.ini: line 3: unexpected line: this is not a value; using pytest's "
        "defaults");
}

TEST_CASE("an unreadable configuration file is a diagnostic", "[rules]") {
  TempDir dir;
  std::filesystem::create_directory(dir.root() / "pytest.ini");  // not a regular file
  const PytestConfig config = read_pytest_config(dir.root());
  check_defaults(config);
  REQUIRE(config.diagnostics.size() == 1);
  CHECK(config.diagnostics[0].path == "pytest.ini");
  CHECK(config.diagnostics[0].code == testtier::codes::invalid_configuration);
  CHECK(config.diagnostics[0].location.line == 0);
  CHECK(config.diagnostics[0].message ==
        "cannot read pytest.ini: a directory, not a regular file; using pytest's defaults");
}

TEST_CASE("a pytest option of the wrong type in pyproject.toml is a diagnostic", "[rules]") {
  TempDir dir;
  dir.write("pyproject.toml",
            "[tool.pytest.ini_options]\ntestpaths = [\"a\"]\npython_files = [1]\n");
  const PytestConfig config = read_pytest_config(dir.root());
  CHECK(config.testpaths == Strings{"a"});
  CHECK(config.python_files == Strings{"test_*.py", "*_test.py"});
  REQUIRE(config.diagnostics.size() == 1);
  CHECK(config.diagnostics[0].location.line == 3);
}

TEST_CASE("a python_files pattern that is not a glob is a TT907 warning, the valid ones stay", "[rules]") {
  TempDir dir;
  dir.write("pytest.ini", "[pytest]\npython_files = check_*.py test_[.py\n");
  const PytestConfig config = read_pytest_config(dir.root());
  CHECK(config.origin == "pytest.ini");
  CHECK(config.python_files == Strings{"check_*.py"});
  REQUIRE(config.diagnostics.size() == 1);
  const auto& diagnostic = config.diagnostics[0];
  CHECK(diagnostic.code == testtier::codes::invalid_configuration);
  CHECK(diagnostic.severity == testtier::Severity::warning);
  CHECK(diagnostic.path == "pytest.ini");
  CHECK(diagnostic.location.line == 2);
  CHECK_THAT(diagnostic.message, Catch::StartsWith("`python_files`: ") && Catch::EndsWith("; the pattern is ignored"));
}
