// The classify pipeline: discover, parse, resolve, graph, classify.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "testtier/classification.hpp"
#include "testtier/parse.hpp"
#include "testtier/rules.hpp"

namespace testtier {

/// How to run classify(): threads, parse limits, a subset of files, the facts cache.
struct ClassifyOptions {
  unsigned threads = 0;                ///< parse threads (0: one per core)
  ParseOptions parse;
  /// When not empty, classify only the test files among these root-relative files and under these
  /// directories ("" or "." is the root), still resolving bases and fixtures from the whole repository.
  std::vector<std::string> only_files;
  /// Keep per-file facts in `cache_directory` (default ROOT/.testtier_cache/), keyed by content
  /// hash, so that a repeated run parses only what changed; and keep the last classification with
  /// what it was computed from (rules, options, the files found, the hashes of the files parsed),
  /// so that a run where none of that changed only reads and hashes those files. Off by default in
  /// the library (it writes into the repository); the `testtier` program turns it on unless
  /// `--no-cache`.
  bool use_cache = false;
  /// With `use_cache`: reuse the last classification when nothing it depends on changed. Turning
  /// it off still uses the facts cache (the benchmark measures that path on its own).
  bool reuse_result = true;
  std::filesystem::path cache_directory;
  /// Note in each TestResult::walk_stops where the walk into the repository's code stopped and why
  /// (for `explain`; costs strings per test). A run with it reuses no classification and stores none.
  bool record_walk_stops = false;
};

/// Classify every test of the repository at `root` under `rules`. Never throws on bad input:
/// unreadable, undecodable or broken files, unresolved names and fixture cycles become diagnostics.
Classification classify(const std::filesystem::path& root, const Rules& rules,
                        const ClassifyOptions& options = {});

}  // namespace testtier
