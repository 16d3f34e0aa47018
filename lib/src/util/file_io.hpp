// Reading whole files (writing them is in the public testtier/io.hpp).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "testtier/io.hpp"

namespace testtier {

/// The bytes of a file, or why they could not be read.
struct FileRead {
  bool ok = false;
  std::string bytes;
  std::string error;  ///< a human-readable reason when !ok (e.g. "Permission denied")
};

/// Read the whole of `file`; refuse files larger than `max_bytes` (saying so in `error`).
FileRead read_file(const std::filesystem::path& file, std::uintmax_t max_bytes);

/// Like read_file(), into `into`, whose buffer is reused (no fresh pages for each of many files
/// read on one thread). Return `into.ok`.
bool read_file_into(const std::filesystem::path& file, std::uintmax_t max_bytes, FileRead& into);


}  // namespace testtier
