// The repository's own pytest configuration, for test discovery when the rules do not say.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "testtier/diagnostic.hpp"

namespace testtier {

/// What pytest would use to collect tests: pytest's defaults unless a configuration file says
/// otherwise. Patterns are globs (fnmatch): pytest's prefix spellings are turned into globs
/// ("Test" → "Test*"), as pytest itself treats a pattern without a wildcard as a prefix.
struct PytestConfig {
  std::string origin;                     ///< the file read (its name), or "" for pytest's defaults
  std::vector<std::string> testpaths;     ///< directories relative to the root; empty: the root
  std::vector<std::string> python_files = {"test_*.py", "*_test.py"};
  std::vector<std::string> python_classes = {"Test*"};
  std::vector<std::string> python_functions = {"test*"};
  std::vector<Diagnostic> diagnostics;    ///< TT907: a file not read or parsed, a pattern not a glob
};

/// Read the pytest configuration of the repository at `root` the way pytest picks it: the first of
/// `pytest.ini`, `.pytest.ini`, `pyproject.toml` with `[tool.pytest.ini_options]`, `tox.ini` with
/// `[pytest]`, `setup.cfg` with `[tool:pytest]`. Never throws: a broken file is a diagnostic and
/// pytest's defaults are used for what it would have said.
PytestConfig read_pytest_config(const std::filesystem::path& root);

}  // namespace testtier
