#include "cache/cache_files.hpp"

#include <xxhash.h>

#include <chrono>
#include <utility>

#include <fmt/format.h>

#include "testtier/io.hpp"
#include "util/file_io.hpp"

namespace testtier::cache {
namespace {

constexpr std::uintmax_t kMaxCacheBytes = 4ull << 30;
constexpr std::size_t kChecksumBytes = 8;

/// A temporary file this old was left by a run that died while writing (kill -9, a crash): a live
/// writer renames its own within moments.
constexpr auto kStaleTemporary = std::chrono::minutes(10);

/// Remove the stale temporary files write_file_atomically() left in `directory`
/// (`.NAME.tmpXXXXXXXX`), so that a killed run does not leave a full-size copy for ever.
void remove_stale_temporaries(const std::filesystem::path& directory) {
  std::error_code error;
  const auto now = std::filesystem::file_time_type::clock::now();
  for (std::filesystem::directory_iterator it(directory, error), end; !error && it != end; it.increment(error)) {
    const std::string name = it->path().filename().string();
    if (!name.starts_with('.') || name.find(".tmp") == std::string::npos) continue;
    std::error_code ignored;
    if (!it->is_regular_file(ignored)) continue;
    const auto written = it->last_write_time(ignored);
    if (!ignored && now - written > kStaleTemporary) std::filesystem::remove(it->path(), ignored);
  }
}

}  // namespace

std::string unusable_cache_directory(const std::filesystem::path& directory) {
  std::error_code error;
  const std::filesystem::file_status status = std::filesystem::symlink_status(directory, error);
  if (std::filesystem::is_symlink(status)) {
    return fmt::format("{} is a symbolic link: not followed (a cache is never written through one, which "
                       "could point anywhere); running without the cache",
                       directory.generic_string());
  }
  if (std::filesystem::exists(status) && !std::filesystem::is_directory(status)) {
    return fmt::format("{} is not a directory; running without the cache", directory.generic_string());
  }
  return {};
}

namespace {

constexpr std::string_view kGitignore = "# testtier's cache: safe to delete.\n*\n";

/// Return whether `directory` is one testtier may mark as a cache: empty (it was just made, say),
/// or marked already. A folder that holds other things (the repository itself, given as
/// --cache-dir by mistake) is used but never marked: a `*` .gitignore there would hide it from git.
bool markable(const std::filesystem::path& directory) {
  std::error_code error;
  if (std::filesystem::is_empty(directory, error) && !error) return true;
  if (std::filesystem::exists(std::filesystem::symlink_status(directory / "CACHEDIR.TAG", error))) return true;
  const FileRead ignore = read_file(directory / ".gitignore", 4096);
  return ignore.ok && ignore.bytes == kGitignore;
}

}  // namespace

std::string prepare_cache_directory(const std::filesystem::path& directory) {
  std::error_code error;
  std::filesystem::create_directories(directory, error);
  if (error) return fmt::format("cannot create {}: {}", directory.string(), error.message());
  remove_stale_temporaries(directory);
  if (!markable(directory)) return {};
  // What ruff and pytest put in theirs: git ignores the folder, backup tools skip it.
  static constexpr std::pair<const char*, std::string_view> kMarkers[] = {
      {".gitignore", kGitignore},
      {"CACHEDIR.TAG", kCacheDirTag},
  };
  for (const auto& [name, text] : kMarkers) {
    const auto file = directory / name;
    if (std::filesystem::exists(std::filesystem::symlink_status(file, error))) continue;
    if (std::string problem = write_file_atomically(file, text); !problem.empty()) return problem;
  }
  return {};
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
