// The folder the caches live in (ROOT/.testtier_cache by default), created on first use with a
// `.gitignore` that keeps it out of version control, and its files: each written whole with an
// xxh64 of its contents at the end, so that a truncated or corrupted file reads as absent.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace testtier::cache {

/// Return why `directory` must not hold a cache (it is a symbolic link, or not a directory), or "".
std::string unusable_cache_directory(const std::filesystem::path& directory);

/// Create `directory` and its `.gitignore` when missing, and remove temporary files that runs
/// killed while writing left there. Return "" or why that failed.
std::string prepare_cache_directory(const std::filesystem::path& directory);

/// Write `contents` and their xxh64 to `file` atomically (the directory prepared first). Return
/// "" or why it could not be written.
std::string write_checked(const std::filesystem::path& file, std::string contents);

/// Return the contents write_checked() wrote to `file`, or nullopt when it is missing,
/// unreadable, or its checksum does not match.
std::optional<std::string> read_checked(const std::filesystem::path& file);

}  // namespace testtier::cache
