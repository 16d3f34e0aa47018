// Where a repository's tests are and what they are called: the rules, else its pytest
// configuration.
#pragma once

#include <string>
#include <vector>

#include "classify/collect_tests.hpp"
#include "testtier/diagnostic.hpp"
#include "testtier/discover.hpp"
#include "testtier/pytest_config.hpp"
#include "testtier/rules.hpp"

namespace testtier::classify_stage {

/// How to find test files, and which classes and functions in them are tests.
struct TestLayout {
  DiscoverOptions discover;
  TestNamePatterns names;
  std::vector<Diagnostic> diagnostics;  ///< the pytest configuration's, and name globs that do not compile
};

/// Return the layout `rules` give, each list they leave out taken from `pytest`.
TestLayout test_layout(const PytestConfig& pytest, const Rules& rules);

/// Return the test files of `found` under `only` (files or directories, root-relative; "" is the
/// root), or all of them when `only` is empty.
std::vector<std::string> selected_tests(const Discovery& found, const std::vector<std::string>& only);

}  // namespace testtier::classify_stage
