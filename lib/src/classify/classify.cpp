// classify(): discover, then parse in waves until resolution asks for nothing more, then
// assemble per-test and per-file results.
#include "testtier/classify.hpp"

#include <algorithm>
#include <chrono>
#include <memory>
#include <optional>
#include <set>
#include <tuple>
#include <unordered_set>

#include <fmt/format.h>
#include <tbb/blocked_range.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include "cache/cache_files.hpp"
#include "cache/facts_cache.hpp"
#include "cache/result_cache.hpp"
#include "cache/result_key.hpp"
#include "classify/evidence.hpp"
#include "classify/marks.hpp"
#include "classify/pipeline.hpp"
#include "classify/suspicious.hpp"
#include "classify/tiers.hpp"
#include "classify/unmatched_rules.hpp"
#include "testtier/discover.hpp"
#include "testtier/pytest_config.hpp"
#include "util/threads.hpp"

namespace testtier {
namespace {

/// How many bytes reach() parses on demand (on its thread, as lookups need them) before it
/// leaves the rest to a parallel wave. Parsing 512 KiB on one thread takes about 0.07 s, about
/// what a wave of it on two threads and another reach after it cost (0.035 + 0.03 s for 2,250
/// test files; a reach costs more in bigger repositories).
constexpr std::uint64_t kOnDemandBytes = 512 << 10;

constexpr std::string_view kResultNotSaved = "classification not cached (the next run analyses again): ";

/// Return where the caches of a run over `root` live.
std::filesystem::path cache_directory(const std::filesystem::path& root, const ClassifyOptions& options) {
  return options.cache_directory.empty() ? root / ".testtier_cache" : options.cache_directory;
}

/// Return the facts of the test files in `tests` parsed so far, in order (the others are requested).
std::vector<const FileFacts*> parsed_tests(const std::vector<std::string>& tests, const resolve::FactStore& store) {
  std::vector<const FileFacts*> facts;
  for (const std::string& path : tests) {
    if (const FileFacts* found = store.get(path)) facts.push_back(found);
  }
  return facts;
}

using classify_stage::CollectedTest;
using classify_stage::EvidenceContext;

/// Measures wall time between laps.
class Stopwatch {
 public:
  /// Return the seconds since the previous lap (or construction) and start the next lap.
  double lap() {
    const auto now = std::chrono::steady_clock::now();
    const double seconds = std::chrono::duration<double>(now - last_).count();
    last_ = now;
    return seconds;
  }

 private:
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

/// Where tests are and what they are called: the rules, else the repository's pytest configuration.
struct TestLayout {
  DiscoverOptions discover;
  classify_stage::TestNamePatterns names;
  std::vector<Diagnostic> diagnostics;
};

std::vector<Glob> compile_names(const std::vector<std::string>& patterns, const std::string& origin,
                                std::vector<Diagnostic>& diagnostics) {
  std::vector<Glob> globs;
  for (const std::string& pattern : patterns) {
    try {
      globs.emplace_back(pattern);
    } catch (const std::invalid_argument& error) {
      diagnostics.push_back(
          {origin, {}, Severity::warning, std::string(codes::invalid_configuration), error.what()});
    }
  }
  return globs;
}

TestLayout test_layout(const PytestConfig& pytest, const Rules& rules) {
  TestLayout layout;
  layout.diagnostics = pytest.diagnostics;
  const ProjectRules& project = rules.project;
  layout.discover.exclude = project.exclude;
  if (project.test_files) {
    layout.discover.test_files = *project.test_files;
  } else {
    layout.discover.test_files = pytest.python_files;
    layout.discover.testpaths = pytest.testpaths;
  }
  const std::string origin = pytest.origin.empty() ? rules.origin : pytest.origin;
  layout.names.classes = compile_names(project.test_classes.value_or(pytest.python_classes), origin, layout.diagnostics);
  layout.names.functions =
      compile_names(project.test_functions.value_or(pytest.python_functions), origin, layout.diagnostics);
  return layout;
}

/// Return the test files under `only` (files or directories, root-relative; "" is the root), or all.
std::vector<std::string> selected_tests(const Discovery& found, const std::vector<std::string>& only) {
  if (only.empty()) return found.test_files;
  std::vector<std::string> wanted;
  for (const std::string& path : only) {
    const std::string normal = std::filesystem::path(path).lexically_normal().generic_string();
    wanted.push_back(normal == "." ? std::string() : normal);
  }
  std::vector<std::string> tests;
  for (const std::string& path : found.test_files) {
    const bool selected = std::any_of(wanted.begin(), wanted.end(), [&](const std::string& entry) {
      return entry.empty() || path == entry || (path.starts_with(entry) && path[entry.size()] == '/');
    });
    if (selected) tests.push_back(path);
  }
  return tests;
}

std::vector<std::string> services_of(const std::vector<Reason>& reasons) {
  std::set<std::string> services;
  for (const Reason& reason : reasons) services.insert(reason.service);
  return {services.begin(), services.end()};
}

/// Everything one wave's analysis produces.
struct Analysis {
  std::vector<FileResult> files;
  std::vector<Diagnostic> diagnostics;
};

/// Return why `facts` holds nothing: the file could not be read, is binary, too large or took
/// too long to parse (TT903); nullptr when it was parsed.
const Diagnostic* not_parsed(const FileFacts& facts) {
  for (const Diagnostic& diagnostic : facts.diagnostics) {
    if (diagnostic.code == codes::unreadable) return &diagnostic;
  }
  return nullptr;
}

/// Return the result of a test file that was not parsed: whatever its tests are, they may need
/// anything, so the file goes to the tier that provides everything ("*", the safest) as one test
/// whose node id is the file (pytest runs all its tests), with the reason saying why.
FileResult unparsed_file(const FileFacts& facts, const Diagnostic& problem, const Rules& rules) {
  Reason reason;
  reason.service = "*";
  reason.signal = EvidenceKind::path;
  reason.evidence = problem.message.find("not parsed") != std::string::npos ? problem.message
                                                                            : "not parsed: " + problem.message;
  reason.path = facts.path;
  reason.line = problem.location.line;
  reason.column = problem.location.column;
  FileResult result;
  result.path = facts.path;
  result.reasons = {reason};
  result.services = {"*"};
  result.tier = classify_stage::choose_tier(result.services, rules);
  result.tests.push_back({facts.path, problem.location.line, result.services, result.tier, result.reasons});
  return result;
}

FileResult analyse_file(const FileFacts& facts, const classify_stage::TestNamePatterns& names, const Rules& rules,
                        EvidenceContext& context) {
  if (const Diagnostic* problem = not_parsed(facts)) return unparsed_file(facts, *problem, rules);
  FileResult result;
  result.path = facts.path;
  result.reasons = classify_stage::module_reasons(facts, context);
  for (const CollectedTest& test : classify_stage::collect_tests(facts, context.classes, names)) {
    TestResult entry;
    entry.id = test.id;
    entry.line = test.function->location.line;
    entry.reasons = classify_stage::test_reasons(facts, test, context);
    entry.services = services_of(entry.reasons);
    entry.tier = classify_stage::choose_tier(entry.services, rules);
    result.reasons.insert(result.reasons.end(), entry.reasons.begin(), entry.reasons.end());
    result.tests.push_back(std::move(entry));
  }
  classify_stage::normalize(result.reasons);
  result.services = services_of(result.reasons);
  result.tier = classify_stage::choose_tier(result.services, rules);
  result.suspicious = classify_stage::suspicious_imports(facts, result.reasons, rules, context.resolver);
  return result;
}

/// What both reach() and analyse() start from: the parsed test files, their classes and bases,
/// and the fixture scopes, over one resolver.
struct GraphStage {
  resolve::Resolver resolver;
  std::vector<const FileFacts*> test_facts;
  graph::ClassGraph classes;
  classify_stage::FixtureScopes scopes;

  GraphStage(const std::vector<std::string>& tests, const resolve::FactStore& store,
             const std::unordered_set<std::string>& python_files)
      : resolver(store), test_facts(parsed_tests(tests, store)), scopes(python_files, resolver, classes) {
    classes.build(test_facts, resolver);
  }
};

/// One analysis thread's own resolver, class graph and fixture scopes (all memoize as they are
/// asked, so threads do not share them) and the evidence context over them.
struct AnalysisWorker {
  GraphStage stage;
  std::vector<Diagnostic> diagnostics;
  EvidenceContext context;

  AnalysisWorker(const std::vector<std::string>& tests, const resolve::FactStore& store,
                 const std::unordered_set<std::string>& python_files, const classify_stage::SignalMatcher& matcher)
      : stage(tests, store, python_files),
        context{stage.resolver, stage.classes, stage.scopes, matcher, diagnostics} {}
};

/// Analyse every test file, on up to `threads` threads (0: one per core), each taking contiguous
/// runs of files with its own AnalysisWorker. The result does not depend on the thread count:
/// files keep their order, and the diagnostics are sorted and deduplicated later.
Analysis analyse(const std::vector<std::string>& tests, const resolve::FactStore& store,
                 const std::unordered_set<std::string>& python_files, const classify_stage::TestNamePatterns& names,
                 const Rules& rules, const classify_stage::SignalMatcher& matcher, unsigned threads,
                 ClassifyTimings& timings) {
  Stopwatch watch;
  const std::vector<const FileFacts*> test_facts = parsed_tests(tests, store);
  Analysis analysis;
  analysis.files.resize(test_facts.size());
  tbb::enumerable_thread_specific<std::unique_ptr<AnalysisWorker>> workers;
  tbb::task_arena arena(arena_concurrency(threads));
  arena.execute([&] {
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, test_facts.size(), 32), [&](const auto& range) {
      std::unique_ptr<AnalysisWorker>& worker = workers.local();
      if (!worker) worker = std::make_unique<AnalysisWorker>(tests, store, python_files, matcher);
      for (std::size_t i = range.begin(); i != range.end(); ++i) {
        analysis.files[i] = analyse_file(*test_facts[i], names, rules, worker->context);
      }
    });
  });
  for (const std::unique_ptr<AnalysisWorker>& worker : workers) {
    analysis.diagnostics.insert(analysis.diagnostics.end(), worker->diagnostics.begin(), worker->diagnostics.end());
  }
  if (!workers.empty()) {  // each worker's class graph holds the same unresolved bases: report them once
    const auto& unresolved = workers.begin()->get()->stage.classes.diagnostics();
    analysis.diagnostics.insert(analysis.diagnostics.end(), unresolved.begin(), unresolved.end());
  }
  timings.classify += watch.lap();
  return analysis;
}

/// Look up everything the analysis will look up (bases, mark aliases, fixture scopes), so that the
/// files it needs are requested from `store`, without gathering evidence: the cheap part of
/// analyse(), run after each parse wave until nothing new is requested.
void reach(const std::vector<std::string>& tests, const resolve::FactStore& store,
           const std::unordered_set<std::string>& python_files, ClassifyTimings& timings) {
  Stopwatch watch;
  GraphStage stage(tests, store, python_files);
  timings.graph += watch.lap();
  resolve::Resolver& resolver = stage.resolver;
  graph::ClassGraph& classes = stage.classes;
  classify_stage::FixtureScopes& scopes = stage.scopes;
  const std::vector<const FileFacts*>& test_facts = stage.test_facts;
  const auto resolve_marks = [&](const std::vector<MarkUse>& marks, const std::string& path) {
    for (const MarkUse& mark : marks) {
      if (!mark.alias.empty()) classify_stage::resolve_marks(mark, path, resolver);
    }
  };
  for (const FileFacts* facts : test_facts) {
    // A class adds its MRO's fixture methods to this scope, which request no file: the files a
    // class's tests need are the module scope's and the bases' (the class graph asked for those).
    scopes.scope(facts->path, std::nullopt);
    resolve_marks(facts->module_marks, facts->path);
    for (const FunctionFacts& function : facts->functions) resolve_marks(function.marks, facts->path);
  }
  for (const graph::ClassId id : classes.repository_classes()) {
    const graph::ClassNode& node = classes.node(id);
    resolve_marks(node.facts->marks, node.path);
    for (const FunctionFacts& method : node.facts->methods) resolve_marks(method.marks, node.path);
  }
  timings.resolve += watch.lap();
}

void sort_diagnostics(std::vector<Diagnostic>& diagnostics) {
  const auto key = [](const Diagnostic& d) { return std::tie(d.path, d.location, d.code, d.message); };
  std::sort(diagnostics.begin(), diagnostics.end(), [&](const auto& a, const auto& b) { return key(a) < key(b); });
  diagnostics.erase(std::unique(diagnostics.begin(), diagnostics.end()), diagnostics.end());
}

/// Return the cached classification when nothing it depends on changed, with this run's stats.
std::optional<Classification> reuse(const cache::ResultCache& results, const std::string& key,
                                    const std::filesystem::path& root, const ClassifyOptions& options,
                                    double discover_seconds) {
  Stopwatch watch;
  cache::ReuseCost cost;
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
void save(const cache::ResultCache& results, const std::string& key, classify_stage::PipelineRun& run) {
  if (run.facts_cache_unsaved) return;
  Classification& result = run.classification;
  std::vector<cache::FileState> files;
  files.reserve(run.store->parsed().size());
  for (const auto& [path, facts] : run.store->parsed()) files.push_back({path, facts->size, facts->content_hash});
  std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
  if (const std::string problem = results.save(key, files, result); !problem.empty()) {
    result.diagnostics.push_back({"", {}, Severity::note, std::string(codes::unusable_cache),
                                  std::string(kResultNotSaved) + problem});
    sort_diagnostics(result.diagnostics);
  }
}

}  // namespace

namespace classify_stage {

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
  const std::vector<std::string> tests = selected_tests(found, options.only_files);
  const std::unordered_set<std::string> python_files(found.python_files.begin(), found.python_files.end());

  PipelineRun run;
  run.modules = std::make_unique<resolve::ModuleIndex>(found.python_files, rules.project.import_roots);
  timings.discover += watch.lap();  // the module index is part of knowing what the repository holds
  const std::string cache_problem =
      options.use_cache ? cache::unusable_cache_directory(cache_directory(root, options)) : std::string();
  if (options.use_cache && cache_problem.empty()) {
    run.facts_cache = std::make_unique<cache::FactsCache>(cache_directory(root, options));
  }
  timings.cache = watch.lap();
  run.store = std::make_unique<resolve::FactStore>(root, *run.modules, options.parse, options.threads,
                                                   run.facts_cache.get());
  resolve::FactStore& store = *run.store;
  for (const std::string& path : tests) {
    store.request(path);
    for (const std::string& conftest : classify_stage::conftest_chain(path, python_files)) store.request(conftest);
  }
  const classify_stage::SignalMatcher matcher(rules);
  Analysis analysis;
  // Parse in waves until the cheap reach() asks for nothing more; then analyse, which may still
  // ask for more (then go round again). reach() parses the first files it meets on demand.
  for (;;) {
    store.parse_requested();
    timings.parse += watch.lap();
    ++timings.waves;
    {
      const resolve::FactStore::ParseOnDemand on_demand(store, kOnDemandBytes);
      reach(tests, store, python_files, timings);
    }
    if (store.has_requests()) {
      timings.analysis += watch.lap();
      continue;
    }
    analysis = analyse(tests, store, python_files, layout.names, rules, matcher, options.threads, timings);
    timings.analysis += watch.lap();
    if (!store.has_requests()) break;
  }

  Classification& result = run.classification;
  result.root = root.generic_string();
  result.rules_origin = rules.origin;
  for (const Tier& tier : rules.tiers) result.tier_order.push_back(tier.name);
  result.files = std::move(analysis.files);
  result.diagnostics = std::move(analysis.diagnostics);
  result.diagnostics.insert(result.diagnostics.end(), found.diagnostics.begin(), found.diagnostics.end());
  result.diagnostics.insert(result.diagnostics.end(), layout.diagnostics.begin(), layout.diagnostics.end());
  std::vector<const FileFacts*> parsed;
  for (const auto& [path, facts] : store.parsed()) {
    result.diagnostics.insert(result.diagnostics.end(), facts->diagnostics.begin(), facts->diagnostics.end());
    result.stats.parsed_bytes += facts->size;
    parsed.push_back(facts.get());
  }
  const bool whole_repository =
      std::any_of(options.only_files.begin(), options.only_files.end(),
                  [](const std::string& path) { return path.empty() || path == "."; }) ||
      options.only_files.empty();
  if (whole_repository) {  // a run over some files has not seen the names the others use
    const std::vector<Diagnostic> unmatched = classify_stage::unmatched_rules(root, rules, found, parsed, result.files);
    result.diagnostics.insert(result.diagnostics.end(), unmatched.begin(), unmatched.end());
  }
  watch.lap();
  if (!cache_problem.empty()) {
    result.diagnostics.push_back({"", {}, Severity::note, std::string(codes::unusable_cache), cache_problem});
  }
  if (run.facts_cache) {
    run.facts_cache->retain_only(found.python_files);
    if (const std::string problem = run.facts_cache->save(); !problem.empty()) {
      result.diagnostics.push_back({"", {}, Severity::note, std::string(codes::unusable_cache),
                                    "facts cache not saved (the next run parses again): " + problem});
      run.facts_cache_unsaved = true;
    }
  }
  timings.cache += watch.lap();
  sort_diagnostics(result.diagnostics);
  result.stats.python_files = found.python_files.size();
  result.stats.test_files = tests.size();
  result.stats.parsed_files = store.parsed().size();
  result.stats.cached_files = store.cached_files();
  timings.read_cpu = static_cast<double>(store.timings().read_ns.load()) / 1e9;
  timings.tree_sitter_cpu = static_cast<double>(store.timings().tree_sitter_ns.load()) / 1e9;
  timings.extract_cpu = static_cast<double>(store.timings().extract_ns.load()) / 1e9;
  timings.parsed_on_demand = store.parsed_on_demand();
  result.stats.timings = timings;
  result.stats.skipped_files = result.stats.python_files - std::min(result.stats.python_files, result.stats.parsed_files);
  return run;
}

}  // namespace classify_stage

Classification classify(const std::filesystem::path& root, const Rules& rules, const ClassifyOptions& options) {
  classify_stage::PipelineInputs inputs = classify_stage::read_inputs(root, rules);
  if (!options.use_cache || !cache::unusable_cache_directory(cache_directory(root, options)).empty()) {
    return std::move(classify_stage::run_pipeline(root, rules, options, std::move(inputs)).classification);
  }
  const cache::ResultCache results(cache_directory(root, options));
  const std::string key = cache::result_key(root, rules, options, inputs.pytest, inputs.found);
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
