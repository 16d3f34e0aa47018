// parse_files() taking unchanged files' facts from a lookup (the facts cache, which lives a layer
// up): the library's own entry to the parse stage.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "testtier/parse.hpp"

namespace testtier::parse {

/// CPU time spent per step, summed over files and threads (nanoseconds).
struct ParseTimings {
  std::atomic<std::uint64_t> read_ns{0};         ///< reading and hashing files
  std::atomic<std::uint64_t> tree_sitter_ns{0};  ///< ts_parser_parse_string
  std::atomic<std::uint64_t> extract_ns{0};      ///< decoding, walking trees into facts, cache decoding
};

/// Return the facts saved for `request` when the file still has the content they were extracted
/// from (xxh64 `hash`, `size` bytes), else nullopt. Called from several parse threads at once.
using SavedFacts = std::function<std::optional<FileFacts>(const ParseRequest& request, std::uint64_t hash,
                                                          std::uint64_t size)>;

/// Like parse_files(), but take the facts of a file from `saved` (when not empty) if it has them.
/// `from_cache[i]` says whether result `i` came from there.
std::vector<FileFacts> parse_files_cached(const std::vector<ParseRequest>& requests, const ParseOptions& options,
                                          unsigned threads, const SavedFacts& saved,
                                          std::vector<bool>& from_cache, ParseTimings* timings = nullptr);

}  // namespace testtier::parse
