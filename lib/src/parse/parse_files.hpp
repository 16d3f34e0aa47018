// parse_files() with the facts cache: the library's own entry to the parse stage.
#pragma once

#include <atomic>
#include <cstdint>
#include <vector>

#include "cache/facts_cache.hpp"
#include "testtier/parse.hpp"

namespace testtier::parse {

/// CPU time spent per step, summed over files and threads (nanoseconds).
struct ParseTimings {
  std::atomic<std::uint64_t> read_ns{0};         ///< reading and hashing files
  std::atomic<std::uint64_t> tree_sitter_ns{0};  ///< ts_parser_parse_string
  std::atomic<std::uint64_t> extract_ns{0};      ///< decoding, walking trees into facts, cache decoding
};

/// Like parse_files(), but take the facts of a file from `cache` (when not null) if its content
/// is unchanged. `from_cache[i]` says whether result `i` came from the cache.
std::vector<FileFacts> parse_files_cached(const std::vector<ParseRequest>& requests, const ParseOptions& options,
                                          unsigned threads, const cache::FactsCache* cache,
                                          std::vector<bool>& from_cache, ParseTimings* timings = nullptr);

}  // namespace testtier::parse
