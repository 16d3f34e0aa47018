// The facts cache: per-file FileFacts keyed by path, module and content hash, stored in
// ROOT/.testtier_cache/ so that a repeated run reads and hashes files and parses nothing.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "testtier/facts.hpp"

namespace testtier::cache {

class FactsCache {
 public:
  /// Load the cache in `directory` (e.g. ROOT/.testtier_cache). A missing, unreadable, corrupt
  /// or other-version cache loads as empty: the cache is only ever an optimisation.
  explicit FactsCache(std::filesystem::path directory);

  /// Return the cached facts of `path` when its module and content (hash and size) are unchanged.
  /// Safe to call from several threads at once (nothing is modified).
  std::optional<FileFacts> find(const std::string& path, const std::string& module, std::uint64_t hash,
                                std::uint64_t size) const;

  /// Record `facts`, freshly extracted.
  void store(const FileFacts& facts);

  /// Forget entries whose path is not in `keep` (deleted or excluded files).
  void retain_only(const std::vector<std::string>& keep);

  /// Write the cache back (atomically, with its `.gitignore`) when something changed. Return ""
  /// or why it could not be written.
  std::string save();

  std::size_t entries() const { return entries_.size(); }

 private:
  struct Entry {
    std::string module;
    std::uint64_t hash = 0;
    std::uint64_t size = 0;
    std::string encoded;   ///< encode_facts() of the facts
  };

  void load();

  std::filesystem::path directory_;
  std::map<std::string, Entry> entries_;
  bool changed_ = false;
};

}  // namespace testtier::cache
