// Parsed files of one run, parsed on demand in parallel waves: the pipeline's one loop.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "testtier/facts.hpp"
#include "testtier/parse.hpp"
#include "cache/facts_cache.hpp"
#include "parse/parse_files.hpp"
#include "resolve/module_index.hpp"

namespace testtier::resolve {

/// The FileFacts of every file parsed so far. Lookups of unparsed files record a request, and
/// parse_requested() parses all requested files at once under TBB. Between parses, lookups and
/// requests may come from several threads at once. While a ParseOnDemand is alive, lookups of
/// unparsed files parse them at once instead, up to a number of bytes (one thread only).
class FactStore {
 public:
  /// Parse files under `root` on `threads` threads, taking unchanged files' facts from `cache` (and
  /// storing fresh ones in it) when it is not null.
  FactStore(std::filesystem::path root, const ModuleIndex& modules, ParseOptions options, unsigned threads,
            cache::FactsCache* cache = nullptr);

  /// Return the facts of `path`, or nullptr when it is not parsed yet (the path is then requested).
  /// While a ParseOnDemand is alive and within its bytes, an unparsed `path` is parsed at once.
  const FileFacts* get(std::string_view path) const;

  /// While alive, get() parses what it does not have, on the calling thread, instead of requesting
  /// it, until it has parsed `bytes` this way: a few files are cheaper to parse as they are needed
  /// than to wait for a parallel wave and look everything up again after it. The store must not
  /// be used from other threads meanwhile.
  class ParseOnDemand {
   public:
    ParseOnDemand(const FactStore& store, std::uint64_t bytes) : store_(store) {
      store_.on_demand_ = true;
      store_.on_demand_bytes_left_ = bytes;
    }
    ~ParseOnDemand() { store_.on_demand_ = false; }
    ParseOnDemand(const ParseOnDemand&) = delete;
    ParseOnDemand& operator=(const ParseOnDemand&) = delete;

   private:
    const FactStore& store_;
  };

  /// Ask for `path` to be parsed in the next wave.
  void request(std::string_view path) const;

  /// Return whether any requested file is still unparsed.
  bool has_requests() const {
    const std::lock_guard lock(requested_mutex_);
    return !requested_.empty();
  }

  /// Parse every requested file (in parallel), then clear the requests. Return how many were parsed.
  std::size_t parse_requested();

  /// Return every parsed file, by path.
  const std::unordered_map<std::string, std::unique_ptr<FileFacts>>& parsed() const { return parsed_; }

  const ModuleIndex& modules() const { return modules_; }

  /// Return the CPU time spent reading, in tree-sitter and extracting, so far.
  const parse::ParseTimings& timings() const { return timings_; }

  /// Return how many parsed files came from the cache.
  std::size_t cached_files() const { return cached_files_; }

  /// Return how many files get() parsed on demand.
  std::size_t parsed_on_demand() const { return parsed_on_demand_; }

 private:
  /// Parse `paths` (sorted) on `threads` threads and add their facts.
  void parse_paths(const std::vector<std::string>& paths, unsigned threads) const;

  std::filesystem::path root_;
  const ModuleIndex& modules_;
  ParseOptions options_;
  unsigned threads_;
  cache::FactsCache* cache_;
  // A lookup may fill the store (logically const: a file's facts depend only on its bytes).
  mutable std::size_t cached_files_ = 0;
  mutable std::size_t parsed_on_demand_ = 0;
  mutable bool on_demand_ = false;
  mutable std::uint64_t on_demand_bytes_left_ = 0;
  mutable parse::ParseTimings timings_;
  mutable std::unordered_map<std::string, std::unique_ptr<FileFacts>> parsed_;
  mutable std::mutex requested_mutex_;  // analysis threads request files concurrently
  mutable std::unordered_set<std::string> requested_;
};

}  // namespace testtier::resolve
