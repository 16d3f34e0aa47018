#include "classify/analysis.hpp"

#include <memory>
#include <optional>
#include <set>

#include <tbb/blocked_range.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include "classify/evidence.hpp"
#include "classify/marks.hpp"
#include "classify/suspicious.hpp"
#include "classify/tiers.hpp"
#include "util/stopwatch.hpp"
#include "util/threads.hpp"

namespace testtier::classify_stage {
namespace {

/// Return the facts of the test files in `tests` parsed so far, in order (the others are requested).
std::vector<const FileFacts*> parsed_tests(const std::vector<std::string>& tests, const resolve::FactStore& store) {
  std::vector<const FileFacts*> facts;
  for (const std::string& path : tests) {
    if (const FileFacts* found = store.get(path)) facts.push_back(found);
  }
  return facts;
}

std::vector<std::string> services_of(const std::vector<Reason>& reasons) {
  std::set<std::string> services;
  for (const Reason& reason : reasons) services.insert(reason.service);
  return {services.begin(), services.end()};
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
  result.tier = choose_tier(result.services, rules);
  result.tests.push_back({facts.path, problem.location.line, result.services, result.tier, result.reasons});
  return result;
}

FileResult analyse_file(const FileFacts& facts, const TestNamePatterns& names, const Rules& rules,
                        EvidenceContext& context) {
  if (const Diagnostic* problem = not_parsed(facts)) return unparsed_file(facts, *problem, rules);
  FileResult result;
  result.path = facts.path;
  result.reasons = module_reasons(facts, context);
  for (const CollectedTest& test : collect_tests(facts, context.classes, names)) {
    TestResult entry;
    entry.id = test.id;
    entry.line = test.function->location.line;
    entry.reasons = test_reasons(facts, test, context, context.walker.limits().record_stops ? &entry.walk_stops : nullptr);
    entry.services = services_of(entry.reasons);
    entry.tier = choose_tier(entry.services, rules);
    result.reasons.insert(result.reasons.end(), entry.reasons.begin(), entry.reasons.end());
    result.tests.push_back(std::move(entry));
  }
  normalize(result.reasons);
  result.services = services_of(result.reasons);
  result.tier = choose_tier(result.services, rules);
  result.suspicious = suspicious_imports(facts, result.reasons, rules, context.resolver);
  return result;
}

/// One thread's resolver, class graph (of the parsed test files' classes and their bases) and
/// fixture scopes. All memoize as they are asked, so threads do not share them.
struct ThreadGraphs {
  resolve::Resolver resolver;
  std::vector<const FileFacts*> test_facts;
  graph::ClassGraph classes;
  FixtureScopes scopes;

  ThreadGraphs(const std::vector<std::string>& tests, const resolve::FactStore& store,
               const std::unordered_set<std::string>& python_files)
      : resolver(store), test_facts(parsed_tests(tests, store)), scopes(python_files, resolver, classes) {
    classes.build(test_facts, resolver);
  }
};

/// One analysis thread's graphs, call walker and the evidence context over them.
struct AnalysisWorker {
  ThreadGraphs graphs;
  std::vector<Diagnostic> diagnostics;
  CallWalker walker;
  EvidenceContext context;

  AnalysisWorker(const std::vector<std::string>& tests, const resolve::FactStore& store,
                 const std::unordered_set<std::string>& python_files, const SignalMatcher& matcher,
                 const WalkLimits& limits)
      : graphs(tests, store, python_files),
        walker(graphs.resolver, graphs.classes, matcher, limits),
        context{graphs.resolver, graphs.classes, graphs.scopes, matcher, walker, diagnostics} {}
};

/// Resolve the aliased marks in `marks`, written in `path`.
void resolve_aliased_marks(const std::vector<MarkUse>& marks, const std::string& path, resolve::Resolver& resolver) {
  for (const MarkUse& mark : marks) {
    if (!mark.alias.empty()) resolve_marks(mark, path, resolver);
  }
}

}  // namespace

const Diagnostic* not_parsed(const FileFacts& facts) {
  for (const Diagnostic& diagnostic : facts.diagnostics) {
    if (diagnostic.code == codes::unreadable) return &diagnostic;
  }
  return nullptr;
}

void request_needed_files(const std::vector<std::string>& tests, const resolve::FactStore& store,
                          const std::unordered_set<std::string>& python_files, ClassifyTimings& timings) {
  Stopwatch watch;
  ThreadGraphs graphs(tests, store, python_files);
  timings.graph += watch.lap();
  resolve::Resolver& resolver = graphs.resolver;
  for (const FileFacts* facts : graphs.test_facts) {
    // A class adds its MRO's fixture methods to this scope, which request no file: the files a
    // class's tests need are the module scope's and the bases' (the class graph asked for those).
    graphs.scopes.scope(facts->path, std::nullopt);
    resolve_aliased_marks(facts->module_marks, facts->path, resolver);
    for (const FunctionFacts& function : facts->functions) resolve_aliased_marks(function.marks, facts->path, resolver);
  }
  for (const graph::ClassId id : graphs.classes.repository_classes()) {
    const graph::ClassNode& node = graphs.classes.node(id);
    resolve_aliased_marks(node.facts->marks, node.path, resolver);
    for (const FunctionFacts& method : node.facts->methods) resolve_aliased_marks(method.marks, node.path, resolver);
  }
  timings.resolve += watch.lap();
}

Analysis analyse(const std::vector<std::string>& tests, const resolve::FactStore& store,
                 const std::unordered_set<std::string>& python_files, const TestNamePatterns& names,
                 const Rules& rules, const SignalMatcher& matcher, unsigned threads, bool record_walk_stops,
                 ClassifyTimings& timings) {
  Stopwatch watch;
  const WalkLimits limits{rules.analysis.call_depth, rules.analysis.call_budget, record_walk_stops};
  const std::vector<const FileFacts*> test_facts = parsed_tests(tests, store);
  Analysis analysis;
  analysis.files.resize(test_facts.size());
  tbb::enumerable_thread_specific<std::unique_ptr<AnalysisWorker>> workers;
  tbb::task_arena arena(arena_concurrency(threads));
  arena.execute([&] {  // each thread takes contiguous runs of files, with its own worker
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, test_facts.size(), 32), [&](const auto& range) {
      std::unique_ptr<AnalysisWorker>& worker = workers.local();
      if (!worker) worker = std::make_unique<AnalysisWorker>(tests, store, python_files, matcher, limits);
      for (std::size_t i = range.begin(); i != range.end(); ++i) {
        analysis.files[i] = analyse_file(*test_facts[i], names, rules, worker->context);
      }
    });
  });
  for (const std::unique_ptr<AnalysisWorker>& worker : workers) {
    analysis.diagnostics.insert(analysis.diagnostics.end(), worker->diagnostics.begin(), worker->diagnostics.end());
  }
  if (!workers.empty()) {  // each worker's class graph holds the same unresolved bases: report them once
    const auto& unresolved = workers.begin()->get()->graphs.classes.diagnostics();
    analysis.diagnostics.insert(analysis.diagnostics.end(), unresolved.begin(), unresolved.end());
  }
  timings.classify += watch.lap();
  return analysis;
}

}  // namespace testtier::classify_stage
