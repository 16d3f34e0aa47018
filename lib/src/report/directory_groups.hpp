// Test files grouped by directory, for the HTML report's chart: few enough groups to read at a
// glance, the directories with most tests on their own, the rest lumped together.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "testtier/classification.hpp"

namespace testtier::report {

/// One group of test files.
struct DirectoryGroup {
  /// What it holds: a directory ("tests/sentry/api", "." for the root), the files directly in one
  /// ("tests/sentry/*.py"), or what a directory holds besides the groups shown ("tests/sentry/… (12 more)").
  std::string label;
  std::string description;         ///< the label in words, for a tooltip
  std::vector<std::size_t> files;  ///< indexes into the files grouped, ascending
  std::size_t tests = 0;           ///< the tests of those files
};

/// Return `files` in at most `max_groups` groups (at least one), from directories at most
/// `max_depth` components deep: starting from the root, the group with most tests is split into
/// its subdirectories (and the files directly in it) while the groups fit; when its parts do not
/// fit, the ones with most tests are kept and the others lumped into one group. Every file is in
/// exactly one group. Groups come ordered by tests, most first, then by label; an empty `files`
/// gives no group.
std::vector<DirectoryGroup> group_by_directory(const std::vector<FileResult>& files, std::size_t max_groups,
                                               std::size_t max_depth);

}  // namespace testtier::report
