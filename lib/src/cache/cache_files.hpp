// The folder the caches live in (ROOT/.testtier_cache by default), created on first use with a
// `.gitignore` that keeps it out of version control and a `CACHEDIR.TAG` that backup tools
// honour, and its files: each written whole with an
// xxh64 of its contents at the end, so that a truncated or corrupted file reads as absent.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace testtier::cache {

/// Return why `directory` must not hold a cache (it is a symbolic link, or not a directory), or "".
std::string unusable_cache_directory(const std::filesystem::path& directory);

/// The contents of `CACHEDIR.TAG` (https://bford.info/cachedir/): the signature line, then comments.
inline constexpr std::string_view kCacheDirTag =
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by testtier.\n"
    "# For information about cache directory tags, see:\n"
    "#\thttps://bford.info/cachedir/\n";

/// Create `directory`, and its `.gitignore` and `CACHEDIR.TAG` when missing (one there already,
/// or a link of that name, is left alone), and remove temporary files that runs killed while
/// writing left there. Return "" or why that failed.
std::string prepare_cache_directory(const std::filesystem::path& directory);

/// Write `contents` and their xxh64 to `file` atomically (the directory prepared first). Return
/// "" or why it could not be written.
std::string write_checked(const std::filesystem::path& file, std::string contents);

/// Return the contents write_checked() wrote to `file`, or nullopt when it is missing,
/// unreadable, or its checksum does not match.
std::optional<std::string> read_checked(const std::filesystem::path& file);

}  // namespace testtier::cache
