#include "cache/cache_files.hpp"

#include <xxhash.h>

#include <fmt/format.h>

#include "testtier/io.hpp"
#include "util/file_io.hpp"

namespace testtier::cache {
namespace {

constexpr std::uintmax_t kMaxCacheBytes = 4ull << 30;
constexpr std::size_t kChecksumBytes = 8;

}  // namespace

std::string prepare_cache_directory(const std::filesystem::path& directory) {
  std::error_code error;
  std::filesystem::create_directories(directory, error);
  if (error) return fmt::format("cannot create {}: {}", directory.string(), error.message());
  const auto ignore = directory / ".gitignore";
  if (std::filesystem::exists(ignore, error)) return {};
  return write_file_atomically(ignore, "# testtier's cache: safe to delete.\n*\n");
}

std::string write_checked(const std::filesystem::path& file, std::string contents) {
  if (std::string problem = prepare_cache_directory(file.parent_path()); !problem.empty()) return problem;
  const std::uint64_t checksum = XXH64(contents.data(), contents.size(), 0);
  for (std::size_t i = 0; i < kChecksumBytes; ++i) contents.push_back(static_cast<char>(checksum >> (8 * i)));
  return write_file_atomically(file, contents);
}

std::optional<std::string> read_checked(const std::filesystem::path& file) {
  FileRead read = read_file(file, kMaxCacheBytes);
  if (!read.ok || read.bytes.size() < kChecksumBytes) return std::nullopt;
  const std::size_t size = read.bytes.size() - kChecksumBytes;
  std::uint64_t stored = 0;
  for (std::size_t i = 0; i < kChecksumBytes; ++i) {
    stored |= static_cast<std::uint64_t>(static_cast<std::uint8_t>(read.bytes[size + i])) << (8 * i);
  }
  if (stored != XXH64(read.bytes.data(), size, 0)) return std::nullopt;
  read.bytes.resize(size);
  return std::move(read.bytes);
}

}  // namespace testtier::cache
