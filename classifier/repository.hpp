// What every repository-reading subcommand does first: check the root and load its rules.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "testtier/rules.hpp"

namespace testtier::cli {

/// Return the rules for `root` (`rules_file` when not empty), or nullopt after printing why not
/// (the root is not a directory, or the rules are bad: "FILE:LINE:COL: error: ...").
std::optional<Rules> open_repository(const std::filesystem::path& root, const std::string& rules_file);

/// Return `paths` (files or directories, as given on the command line) relative to `root` with
/// '/', or nullopt after printing which one does not exist or lies outside the root.
std::optional<std::vector<std::string>> paths_under_root(const std::vector<std::string>& paths,
                                                         const std::filesystem::path& root);

}  // namespace testtier::cli
