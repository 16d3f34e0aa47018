// `--no-cache` and `--cache-dir DIR` (or TESTTIER_CACHE_DIR), shared by every command that reads
// the repository through the cache.
#pragma once

#include <string>

#include <CLI/CLI.hpp>

#include "repository.hpp"
#include "testtier/classify.hpp"

namespace testtier::cli {

/// What the cache options of one command say.
struct CacheCli {
  bool no_cache = false;
  std::string directory;  ///< `--cache-dir`, as given; empty when not given
};

/// Add `--no-cache` and `--cache-dir DIR` to `app`, storing them in `cache`.
void add_cache_options(CLI::App* app, CacheCli& cache);

/// Add `--cache-dir DIR` alone (for `testtier config`, which shows the folder but uses no cache).
void add_cache_dir_option(CLI::App* app, CacheCli& cache);

/// The cache folder a run uses, and what chose it.
struct CacheDirectory {
  std::string path;    ///< usable from the root the program works in
  std::string chosen;  ///< "--cache-dir", "TESTTIER_CACHE_DIR" or "the default, ROOT/.testtier_cache"
};

/// Return the cache folder of a run over `repository`: `--cache-dir`, else a non-empty
/// TESTTIER_CACHE_DIR, else ROOT/.testtier_cache. A relative DIR (flag or variable) is relative to
/// the directory the program was started in, as ruff's `--cache-dir` and RUFF_CACHE_DIR are.
CacheDirectory cache_directory(const CacheCli& cache, const Repository& repository);

/// Set `options`' cache from `cache` (on unless `--no-cache`, in cache_directory()), and make
/// `-o` refuse to write into that folder.
void apply_cache_options(const CacheCli& cache, const Repository& repository, ClassifyOptions& options);

}  // namespace testtier::cli
