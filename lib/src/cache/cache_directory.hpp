// The folder the caches live in (ROOT/.testtier_cache by default): created on first use with a
// `.gitignore` that keeps it out of version control.
#pragma once

#include <filesystem>
#include <string>

namespace testtier::cache {

/// Create `directory` and its `.gitignore` when missing. Return "" or why that failed.
std::string prepare_cache_directory(const std::filesystem::path& directory);

}  // namespace testtier::cache
