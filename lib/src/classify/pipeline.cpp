// The pipeline's driver: parse the test files and their conftests, then in waves what the
// analysis will look up, then analyse (parsing again if it asked for more), and assemble the
// classification and its diagnostics.
#include "classify/pipeline.hpp"

#include <algorithm>
#include <tuple>
#include <unordered_set>

#include "cache/cache_files.hpp"
#include "classify/analysis.hpp"
#include "classify/fixture_scopes.hpp"
#include "classify/test_layout.hpp"
#include "classify/unmatched_rules.hpp"
#include "util/stopwatch.hpp"

namespace testtier::classify_stage {
namespace {

/// How many bytes request_needed_files() parses on demand (on its thread, as lookups need them)
/// before it leaves the rest to a parallel wave. Parsing 512 KiB on one thread takes about
/// 0.07 s, about what a wave of it on two threads and another look-ahead after it cost (0.035 +
/// 0.03 s for 2,250 test files; a look-ahead costs more in bigger repositories).
constexpr std::uint64_t kOnDemandBytes = 512 << 10;

/// The files of a run: the test files it classifies, and every Python file there is.
struct RunFiles {
  std::vector<std::string> tests;
  std::unordered_set<std::string> python;
};

/// Open `run`'s facts cache when `options` want one; return why its folder cannot hold one, or "".
std::string open_facts_cache(const std::filesystem::path& root, const ClassifyOptions& options, PipelineRun& run) {
  if (!options.use_cache) return {};
  std::string problem = cache::unusable_cache_directory(cache_directory(root, options));
  if (problem.empty()) run.facts_cache = std::make_unique<cache::FactsCache>(cache_directory(root, options));
  return problem;
}

/// Request the test files of `files` and the conftests above each.
void request_tests(const RunFiles& files, const resolve::FactStore& store) {
  for (const std::string& path : files.tests) {
    store.request(path);
    for (const std::string& conftest : conftest_chain(path, files.python)) store.request(conftest);
  }
}

/// Parse in waves until request_needed_files() asks for nothing more; then analyse, which may
/// still ask for more (then go round again). Laps of `watch` go to `timings`.
Analysis parse_and_analyse(const RunFiles& files, resolve::FactStore& store, const TestNamePatterns& names,
                           const Rules& rules, const ClassifyOptions& options, Stopwatch& watch,
                           ClassifyTimings& timings) {
  const SignalMatcher matcher(rules);
  for (;;) {
    store.parse_requested();
    timings.parse += watch.lap();
    ++timings.waves;
    {
      const resolve::FactStore::ParseOnDemand on_demand(store, kOnDemandBytes);
      request_needed_files(files.tests, store, files.python, timings);
    }
    if (store.has_requests()) {
      timings.analysis += watch.lap();
      continue;
    }
    Analysis analysis = analyse(files.tests, store, files.python, names, rules, matcher, options.threads,
                                options.record_walk_stops, timings);
    timings.analysis += watch.lap();
    if (!store.has_requests()) return analysis;
  }
}

/// Return whether `options` select the whole repository, not only some of its files.
bool whole_repository(const ClassifyOptions& options) {
  return options.only_files.empty() ||
         std::any_of(options.only_files.begin(), options.only_files.end(),
                     [](const std::string& path) { return path.empty() || path == "."; });
}

/// Fill `run`'s classification from `analysis`, with every diagnostic of the run but the caches'.
void assemble(const std::filesystem::path& root, const Rules& rules, const ClassifyOptions& options,
              const Discovery& found, const TestLayout& layout, Analysis analysis, PipelineRun& run) {
  Classification& result = run.classification;
  result.root = root.generic_string();
  result.rules_origin = rules.origin;
  for (const Tier& tier : rules.tiers) {
    result.tier_order.push_back(tier.name);
    result.tier_services[tier.name] = started_services(tier, rules);
  }
  for (const auto& [name, service] : rules.services) result.service_ports[name] = service.ports;
  result.files = std::move(analysis.files);
  std::vector<Diagnostic>& diagnostics = result.diagnostics;
  diagnostics = std::move(analysis.diagnostics);
  diagnostics.insert(diagnostics.end(), found.diagnostics.begin(), found.diagnostics.end());
  diagnostics.insert(diagnostics.end(), layout.diagnostics.begin(), layout.diagnostics.end());
  std::vector<const FileFacts*> parsed;
  for (const auto& [path, facts] : run.store->parsed()) {
    diagnostics.insert(diagnostics.end(), facts->diagnostics.begin(), facts->diagnostics.end());
    parsed.push_back(facts.get());
  }
  if (whole_repository(options)) {  // a run over some files has not seen the names the others use
    const std::vector<Diagnostic> unmatched = unmatched_rules(root, rules, found, parsed, result.files);
    diagnostics.insert(diagnostics.end(), unmatched.begin(), unmatched.end());
  }
}

/// Note the caches' problems in `run`'s diagnostics: `cache_problem` (the folder's), and the
/// facts cache's when it cannot be saved (having forgotten files discovery no longer lists).
void save_facts_cache(const Discovery& found, const std::string& cache_problem, PipelineRun& run) {
  std::vector<Diagnostic>& diagnostics = run.classification.diagnostics;
  if (!cache_problem.empty()) diagnostics.push_back({"", {}, Severity::note, std::string(codes::unusable_cache), cache_problem});
  if (!run.facts_cache) return;
  run.facts_cache->retain_only(found.python_files);
  if (const std::string problem = run.facts_cache->save(); !problem.empty()) {
    diagnostics.push_back({"", {}, Severity::note, std::string(codes::unusable_cache),
                           "facts cache not saved (the next run parses again): " + problem});
    run.facts_cache_unsaved = true;
  }
}

/// Fill `run`'s stats: the files found, tested and parsed, and `timings` with the store's CPU times.
void fill_stats(const Discovery& found, std::size_t test_files, ClassifyTimings timings, PipelineRun& run) {
  const resolve::FactStore& store = *run.store;
  ClassifyStats& stats = run.classification.stats;
  for (const auto& [path, facts] : store.parsed()) stats.parsed_bytes += facts->size;
  stats.python_files = found.python_files.size();
  stats.test_files = test_files;
  stats.parsed_files = store.parsed().size();
  stats.cached_files = store.cached_files();
  stats.skipped_files = stats.python_files - std::min(stats.python_files, stats.parsed_files);
  timings.read_cpu = static_cast<double>(store.timings().read_ns.load()) / 1e9;
  timings.tree_sitter_cpu = static_cast<double>(store.timings().tree_sitter_ns.load()) / 1e9;
  timings.extract_cpu = static_cast<double>(store.timings().extract_ns.load()) / 1e9;
  timings.parsed_on_demand = store.parsed_on_demand();
  stats.timings = timings;
}

}  // namespace

std::filesystem::path cache_directory(const std::filesystem::path& root, const ClassifyOptions& options) {
  return options.cache_directory.empty() ? root / ".testtier_cache" : options.cache_directory;
}

void sort_diagnostics(std::vector<Diagnostic>& diagnostics) {
  const auto key = [](const Diagnostic& d) { return std::tie(d.path, d.location, d.code, d.message); };
  std::sort(diagnostics.begin(), diagnostics.end(), [&](const auto& a, const auto& b) { return key(a) < key(b); });
  diagnostics.erase(std::unique(diagnostics.begin(), diagnostics.end()), diagnostics.end());
}

PipelineInputs read_inputs(const std::filesystem::path& root, const Rules& rules) {
  Stopwatch watch;
  PipelineInputs inputs;
  inputs.pytest = read_pytest_config(root);
  inputs.found = discover(root, test_layout(inputs.pytest, rules).discover);
  inputs.discover_seconds = watch.lap();
  return inputs;
}

PipelineRun run_pipeline(const std::filesystem::path& root, const Rules& rules, const ClassifyOptions& options) {
  return run_pipeline(root, rules, options, read_inputs(root, rules));
}

PipelineRun run_pipeline(const std::filesystem::path& root, const Rules& rules, const ClassifyOptions& options,
                         PipelineInputs inputs) {
  ClassifyTimings timings;
  Stopwatch watch;
  const TestLayout layout = test_layout(inputs.pytest, rules);
  const Discovery& found = inputs.found;
  timings.discover = inputs.discover_seconds;
  const RunFiles files{selected_tests(found, options.only_files), {found.python_files.begin(), found.python_files.end()}};
  PipelineRun run;
  run.modules = std::make_unique<resolve::ModuleIndex>(found.python_files, rules.project.import_roots);
  timings.discover += watch.lap();  // the module index is part of knowing what the repository holds
  const std::string cache_problem = open_facts_cache(root, options, run);
  timings.cache = watch.lap();
  run.store = std::make_unique<resolve::FactStore>(root, *run.modules, options.parse, options.threads,
                                                   run.facts_cache.get());
  request_tests(files, *run.store);
  Analysis analysis = parse_and_analyse(files, *run.store, layout.names, rules, options, watch, timings);
  assemble(root, rules, options, found, layout, std::move(analysis), run);
  watch.lap();
  save_facts_cache(found, cache_problem, run);
  timings.cache += watch.lap();
  sort_diagnostics(run.classification.diagnostics);
  fill_stats(found, files.tests.size(), timings, run);
  return run;
}

}  // namespace testtier::classify_stage
