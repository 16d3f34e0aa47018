// Parsed files of one run, parsed on demand in parallel waves: the pipeline's one loop.
#pragma once

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
/// requests may come from several threads at once.
class FactStore {
 public:
  /// Parse files under `root` on `threads` threads, taking unchanged files' facts from `cache` (and
  /// storing fresh ones in it) when it is not null.
  FactStore(std::filesystem::path root, const ModuleIndex& modules, ParseOptions options, unsigned threads,
            cache::FactsCache* cache = nullptr);

  /// Return the facts of `path`, or nullptr when it is not parsed yet (the path is then requested).
  const FileFacts* get(std::string_view path) const;

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

 private:
  std::filesystem::path root_;
  const ModuleIndex& modules_;
  ParseOptions options_;
  unsigned threads_;
  cache::FactsCache* cache_;
  std::size_t cached_files_ = 0;
  parse::ParseTimings timings_;
  std::unordered_map<std::string, std::unique_ptr<FileFacts>> parsed_;
  mutable std::mutex requested_mutex_;  // analysis threads request files concurrently
  mutable std::unordered_set<std::string> requested_;
};

}  // namespace testtier::resolve
