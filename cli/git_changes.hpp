// Changed paths from git, for `testtier affected --since REF`.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "testtier/affected.hpp"

namespace testtier::cli {

/// Return the paths changed between `ref` and the working tree of the repository at `root`
/// (committed, staged and unstaged changes, and untracked files), relative to `root`; renames are
/// detected. Return nullopt after printing one line when git fails (not a work tree, `ref` not a
/// commit, no git).
std::optional<std::vector<ChangedPath>> changed_since(const std::filesystem::path& root, const std::string& ref);

/// Parse `git diff -z --name-status` output (NUL-separated; a rename or copy has two paths).
std::vector<ChangedPath> parse_name_status(const std::string& text);

}  // namespace testtier::cli
