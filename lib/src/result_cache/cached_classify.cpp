// classify(): the last classification when nothing it depends on changed, else the pipeline's,
// saved for the next run.
#include "testtier/classify.hpp"

#include <algorithm>
#include <optional>

#include "cache/cache_files.hpp"
#include "classify/pipeline.hpp"
#include "result_cache/result_cache.hpp"
#include "result_cache/result_key.hpp"
#include "util/stopwatch.hpp"

namespace testtier {
namespace {

constexpr std::string_view kResultNotSaved = "classification not cached (the next run analyses again): ";

/// Return the cached classification when nothing it depends on changed, with this run's stats.
std::optional<Classification> reuse(const result_cache::ResultCache& results, const std::string& key,
                                    const std::filesystem::path& root, const ClassifyOptions& options,
                                    double discover_seconds) {
  Stopwatch watch;
  result_cache::ReuseCost cost;
  std::optional<Classification> reused = results.find(key, root, options.parse.max_file_bytes, options.threads, cost);
  if (!reused) return std::nullopt;
  ClassifyStats& stats = reused->stats;
  stats.reused = true;
  stats.cached_files = stats.parsed_files;
  stats.timings = {};
  stats.timings.discover = discover_seconds;
  stats.timings.cache = watch.lap();
  stats.timings.read_cpu = static_cast<double>(cost.read_ns) / 1e9;
  return reused;
}

/// Save `run`'s classification for reuse, unless the facts cache could not be written (its note
/// says the next run parses again, which a reused result would contradict).
void save(const result_cache::ResultCache& results, const std::string& key, classify_stage::PipelineRun& run) {
  if (run.facts_cache_unsaved) return;
  Classification& result = run.classification;
  std::vector<result_cache::FileState> files;
  files.reserve(run.store->parsed().size());
  for (const auto& [path, facts] : run.store->parsed()) files.push_back({path, facts->size, facts->content_hash});
  std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
  if (const std::string problem = results.save(key, files, result); !problem.empty()) {
    result.diagnostics.push_back({"", {}, Severity::note, std::string(codes::unusable_cache),
                                  std::string(kResultNotSaved) + problem});
    classify_stage::sort_diagnostics(result.diagnostics);
  }
}

}  // namespace

Classification classify(const std::filesystem::path& root, const Rules& rules, const ClassifyOptions& options) {
  classify_stage::PipelineInputs inputs = classify_stage::read_inputs(root, rules);
  const std::filesystem::path directory = classify_stage::cache_directory(root, options);
  // Recording walk stops (explain) still uses the facts cache, but its result is not the one kept.
  if (!options.use_cache || options.record_walk_stops || !cache::unusable_cache_directory(directory).empty()) {
    return std::move(classify_stage::run_pipeline(root, rules, options, std::move(inputs)).classification);
  }
  const result_cache::ResultCache results(directory);
  const std::string key = result_cache::result_key(root, rules, options, inputs.pytest, inputs.found);
  if (options.reuse_result) {
    if (std::optional<Classification> reused = reuse(results, key, root, options, inputs.discover_seconds)) {
      return std::move(*reused);
    }
  }
  classify_stage::PipelineRun run = classify_stage::run_pipeline(root, rules, options, std::move(inputs));
  save(results, key, run);
  return std::move(run.classification);
}

}  // namespace testtier
