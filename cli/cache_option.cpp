#include "cache_option.hpp"

#include <cstdlib>

#include "output.hpp"

namespace testtier::cli {
namespace {

constexpr const char* kDefault = "the default, ROOT/.testtier_cache";

}  // namespace

void add_cache_options(CLI::App* app, CacheCli& cache) {
  app->add_flag("--no-cache", cache.no_cache, "Neither read nor write the cache");
  add_cache_dir_option(app, cache);
}

void add_cache_dir_option(CLI::App* app, CacheCli& cache) {
  app->add_option("--cache-dir", cache.directory,
                  "Keep the cache in DIR (default: $TESTTIER_CACHE_DIR, else ROOT/.testtier_cache); a relative DIR "
                  "is relative to the working directory")
      ->type_name("DIR");
}

CacheDirectory cache_directory(const CacheCli& cache, const Repository& repository) {
  if (!cache.directory.empty()) return {repository.from_start(cache.directory), "--cache-dir"};
  const char* variable = std::getenv("TESTTIER_CACHE_DIR");
  if (variable != nullptr && *variable != '\0') return {repository.from_start(variable), "TESTTIER_CACHE_DIR"};
  return {(repository.root / ".testtier_cache").string(), kDefault};
}

void apply_cache_options(const CacheCli& cache, const Repository& repository, ClassifyOptions& options) {
  options.use_cache = !cache.no_cache;
  const CacheDirectory directory = cache_directory(cache, repository);
  if (directory.chosen != kDefault) options.cache_directory = directory.path;  // else the library's own default
  protect_cache(directory.path);
}

}  // namespace testtier::cli
