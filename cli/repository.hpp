// What every repository-reading subcommand does first: find the root, load its rules, and work
// from there.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "testtier/rules.hpp"

namespace testtier::cli {

/// A repository a command works on, once its root is known and its rules are loaded.
struct Repository {
  /// The root as the library is given it: ROOT as given on the command line, or "." once the
  /// program has entered a root it found (see open_repository).
  std::filesystem::path root;
  Rules rules;
  /// Where the root came from: "given", or what find_project_root() found it by.
  std::string found_by;
  /// The directory the program was started in, when it has since entered the root found (then a
  /// relative path the user gave must be read from there); empty when it did not move.
  std::filesystem::path started_in;

  /// Return `path` as given on the command line (relative to where the program started), made
  /// usable from the root the program now works in; "" and "-" stay as they are.
  [[nodiscard]] std::string from_start(const std::string& path) const;
};

/// Return the repository to work on, or nullopt after printing why not (the root is not a
/// directory, or the rules are bad: "FILE:LINE:COL: error: ...").
///   - `root` given (not empty): that directory, its rules found in it, as before;
///   - else the root is found upward from `search_from` (the first path given, else the working
///     directory) by find_project_root() (from the working directory when nothing is found from a
///     path given), and the program changes into it, so that output paths
///     and the cache are the same from any subdirectory.
/// `rules_file`, when given, holds the rules (relative to where the program started) but does not
/// move the root.
std::optional<Repository> open_repository(const std::string& root, const std::string& rules_file,
                                          const std::string& search_from = {});

/// Return `paths` (files or directories, as given on the command line) relative to the root of
/// `repository` with '/', or nullopt after printing which one does not exist or lies outside it.
std::optional<std::vector<std::string>> paths_under_root(const std::vector<std::string>& paths,
                                                         const Repository& repository);

/// Print on stderr, as `severity` ("warning", "error"), that a run over `repository` (over the
/// paths given, when `among_paths`) found no test file to check, naming the root and how to see
/// what it looked for.
void print_no_tests(const Repository& repository, const char* severity = "warning", bool among_paths = false);

/// When `repository` uses the built-in rules, print a note saying what they know (Django's
/// database alone), so that a suite needing Redis or Kafka is not taken for one that needs nothing.
void print_default_rules_note(const Repository& repository);

}  // namespace testtier::cli
