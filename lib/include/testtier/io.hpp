// Writing outputs whole or not at all.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace testtier {

/// Write `contents` to `file` whole or not at all: a temporary file in the same directory is
/// written, flushed and renamed over `file`. Return "" on success, else the reason.
std::string write_file_atomically(const std::filesystem::path& file, std::string_view contents);

}  // namespace testtier
