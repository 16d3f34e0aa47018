// Affected tests: which test files to run for a change, through the reverse import graph,
// conftest chains and pytest plugins, or "everything" when a `[select] run_all` file changed.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "testtier/classify.hpp"
#include "testtier/rules.hpp"

namespace testtier {

/// One changed path, as git reports it.
struct ChangedPath {
  /// What git says happened to the path.
  enum class Kind : std::uint8_t { modified, added, deleted, renamed };
  Kind kind = Kind::modified;
  std::string path;       ///< root-relative, '/'; for a rename, the new path
  std::string old_path;   ///< for a rename, the old path
};

/// The answer: test files to run, each with why, or every test file.
struct Affected {
  bool run_all = false;
  std::vector<std::string> run_all_reasons;   ///< e.g. "src/settings.py matches select.run_all `**/settings.py`"
  /// Test files to run (all of them when run_all), sorted, each with the reason it was selected:
  /// "changed", or the import chain from it to a changed file ("imports a.b (src/a/b.py) → ...").
  std::vector<std::pair<std::string, std::string>> test_files;
  std::vector<std::string> tests_to_run;      ///< node ids of the tests in test_files
  std::vector<std::string> tests_to_skip;     ///< node ids of every other test
  std::vector<Diagnostic> diagnostics;
};

/// Return the tests affected by `changes` in the repository at `root`. Every Python file is parsed
/// (through the facts cache when `options.use_cache`) to build the import graph.
Affected affected_tests(const std::filesystem::path& root, const Rules& rules, const std::vector<ChangedPath>& changes,
                        const ClassifyOptions& options = {});

}  // namespace testtier
