// The result cache: the last run's whole Classification, with what it was computed from, reused
// when none of that has changed. An unchanged repository then costs discovering its files and
// reading and hashing the ones the classification depends on; nothing is parsed or analysed.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "testtier/classification.hpp"

namespace testtier::result_cache {

/// A file a classification was computed from, as it was then.
struct FileState {
  std::string path;  ///< relative to the root
  std::uint64_t size = 0;
  std::uint64_t hash = 0;  ///< xxh64 of the bytes; 0 for a file that could not be read
};

/// What verifying the files of a cached classification cost (for --timings).
struct ReuseCost {
  std::uint64_t read_ns = 0;  ///< CPU over all threads: reading and hashing files
};

/// One file in the cache directory, result-vN.bin, holding one classification.
class ResultCache {
 public:
  explicit ResultCache(std::filesystem::path directory) : directory_(std::move(directory)) {}

  /// Return the classification saved under `key` (everything but file contents it depends on:
  /// see result_key()) when every file it was computed from, read under `root` on `threads`
  /// threads, still has its saved size and hash. A missing, corrupt or other-version file, or
  /// any difference, gives nullopt: the cache is only ever an optimisation.
  std::optional<Classification> find(std::string_view key, const std::filesystem::path& root,
                                     std::uint64_t max_file_bytes, unsigned threads, ReuseCost& cost) const;

  /// Save `result` under `key` with the `files` it was computed from (atomically). Return "" or
  /// why it could not be written.
  std::string save(std::string_view key, const std::vector<FileState>& files, const Classification& result) const;

 private:
  std::filesystem::path directory_;
};

}  // namespace testtier::result_cache
