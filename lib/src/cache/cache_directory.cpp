#include "cache/cache_directory.hpp"

#include <fmt/format.h>

#include "testtier/io.hpp"

namespace testtier::cache {

std::string prepare_cache_directory(const std::filesystem::path& directory) {
  std::error_code error;
  std::filesystem::create_directories(directory, error);
  if (error) return fmt::format("cannot create {}: {}", directory.string(), error.message());
  const auto ignore = directory / ".gitignore";
  if (std::filesystem::exists(ignore, error)) return {};
  return write_file_atomically(ignore, "# testtier's cache: safe to delete.\n*\n");
}

}  // namespace testtier::cache
