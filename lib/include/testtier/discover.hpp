// The discover stage: which Python files a repository holds, and which of them are test files.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "testtier/diagnostic.hpp"

namespace testtier {

/// What to look for under a root. Globs use `**` semantics (see glob.hpp).
struct DiscoverOptions {
  std::vector<std::string> test_files = {"test_*.py", "*_test.py"};  ///< pytest's python_files
  std::vector<std::string> exclude;       ///< paths (files or directories) to leave out
  std::vector<std::string> testpaths;     ///< directories tests are looked for in ("" = whole root)
};

/// The Python files found under a root, with '/'-separated paths relative to it, sorted.
struct Discovery {
  std::vector<std::string> python_files;  ///< every `.py` file not excluded (tests included)
  std::vector<std::string> test_files;    ///< the subset that matches `test_files` within `testpaths`
  std::vector<Diagnostic> diagnostics;    ///< unreadable directories, symlinks left out, loops
  std::vector<bool> exclude_matched;      ///< per DiscoverOptions::exclude: whether it left out anything
};

/// Walk `root` and return its Python files. Skips `.git` and other VCS folders, never follows a
/// symlink that leads out of `root` or into a directory already visited, and lists every file
/// once even when links make it reachable by several paths (under the lexicographically first).
/// Real directories are walked before linked ones, so a directory reachable both ways is listed
/// under its real path. An `exclude` glob that matches a directory leaves out everything below it.
/// Never throws on the filesystem: an unreadable directory is a warning, a link left out (out of
/// the root, a loop, a second path, broken) a note, all with code `codes::unreadable`.
Discovery discover(const std::filesystem::path& root, const DiscoverOptions& options);

/// Return the dotted module name of `path` (relative to the root, '/'-separated) under the first of
/// `import_roots` that contains it: "src/sentry/utils/x.py" under "src" → "sentry.utils.x",
/// ".../pkg/__init__.py" → "...pkg". Return "" when no import root contains it, or `path` does
/// not end in ".py". The `__init__.py` of an import root itself is named by a later root, if any.
/// "" and "." both mean the root; names are not checked to be Python identifiers.
std::string module_name_for(const std::string& path, const std::vector<std::string>& import_roots);

}  // namespace testtier
