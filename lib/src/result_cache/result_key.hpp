// The key of the result cache: everything a classification depends on except file contents.
#pragma once

#include <filesystem>
#include <string>

#include "testtier/classify.hpp"
#include "testtier/discover.hpp"
#include "testtier/pytest_config.hpp"
#include "testtier/rules.hpp"

namespace testtier::result_cache {

/// Return bytes that, together with the contents of the files a run parsed, determine its
/// classification: `root` as given, every field of `rules`, the options that change results, the
/// pytest configuration read, and what discovery found (Python files, test files, problems). Any
/// file added, removed or excluded changes the key, as module resolution may depend on it.
std::string result_key(const std::filesystem::path& root, const Rules& rules, const ClassifyOptions& options,
                       const PytestConfig& pytest, const Discovery& found);

}  // namespace testtier::result_cache
