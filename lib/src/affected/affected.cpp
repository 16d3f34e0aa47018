// affected_tests(): `[select] run_all`, then the reverse import graph from the changed files.
#include "testtier/affected.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "affected/import_graph.hpp"
#include "classify/analysis.hpp"
#include "classify/pipeline.hpp"
#include "testtier/discover.hpp"
#include "testtier/glob.hpp"

namespace testtier {
namespace {

using affected_stage::ImportGraph;
using affected_stage::ModuleId;

/// Return why `change` selects every test ("" when it does not).
std::string run_all_reason(const ChangedPath& change, const std::vector<Glob>& run_all) {
  for (const std::string* path : {&change.path, &change.old_path}) {
    if (path->empty()) continue;
    for (const Glob& glob : run_all) {
      if (glob.matches(*path)) return fmt::format("{} matches select.run_all `{}`", *path, glob.pattern());
    }
  }
  return {};
}

/// Return the vertices `changes` touch: files still there, and modules whose file went away.
std::vector<ModuleId> changed_vertices(const std::vector<ChangedPath>& changes, const ImportGraph& graph,
                                       const std::vector<std::string>& import_roots) {
  std::vector<ModuleId> changed;
  for (const ChangedPath& change : changes) {
    for (const std::string* path : {&change.path, &change.old_path}) {
      if (path->empty()) continue;
      if (const auto id = graph.find_path(*path)) {
        changed.push_back(*id);
      } else if (const auto module = graph.find_module(module_name_for(*path, import_roots))) {
        changed.push_back(*module);
      }
    }
  }
  return changed;
}

/// Describe the chain from a test file to the changed file it depends on.
std::string describe_chain(ModuleId from, const std::vector<ModuleId>& chain, const ImportGraph& graph) {
  if (chain.empty()) return "changed";
  std::string text;
  ModuleId at = from;
  for (const ModuleId next : chain) {
    const auto edge = boost::edge(at, next, graph.graph());
    const auto& node = graph.node(next);
    text += fmt::format("{}{} ({})", text.empty() ? "" : " -> ", edge.second ? graph.graph()[edge.first].how : "depends on",
                        node.path.empty() ? "no such file: deleted?" : node.path);
    at = next;
  }
  return text;
}

/// Return why the test file `path` was not parsed (TT903: unreadable, binary, too large), or "":
/// its imports are unknown, so a change to any module may reach it.
std::string unknown_imports(const std::string& path, const resolve::FactStore& store) {
  const FileFacts* facts = store.get(path);
  const Diagnostic* problem = facts != nullptr ? classify_stage::not_parsed(*facts) : nullptr;
  if (problem == nullptr) return {};
  return fmt::format("its imports are unknown ({}), so the change may reach it", problem->message);
}

void list_tests(const Classification& classification, const std::set<std::string>& selected, Affected& out) {
  for (const FileResult& file : classification.files) {
    auto& into = selected.contains(file.path) ? out.tests_to_run : out.tests_to_skip;
    for (const TestResult& test : file.tests) into.push_back(test.id);
  }
}

}  // namespace

Affected affected_tests(const std::filesystem::path& root, const Rules& rules, const std::vector<ChangedPath>& changes,
                        const ClassifyOptions& options) {
  Affected result;
  std::vector<Glob> run_all;
  for (const std::string& pattern : rules.select.run_all) run_all.emplace_back(pattern);
  for (const ChangedPath& change : changes) {
    if (std::string reason = run_all_reason(change, run_all); !reason.empty()) result.run_all_reasons.push_back(reason);
  }
  result.run_all = !result.run_all_reasons.empty();

  classify_stage::PipelineRun run = classify_stage::run_pipeline(root, rules, options);
  result.diagnostics = run.classification.diagnostics;
  std::set<std::string> selected;
  if (result.run_all) {
    for (const FileResult& file : run.classification.files) {
      selected.insert(file.path);
      result.test_files.emplace_back(file.path, "run_all");
    }
  } else {
    // The import graph needs every file, reached by a test or not.
    for (const std::string& path : discover(root, DiscoverOptions{{}, rules.project.exclude, {}}).python_files) {
      run.store->request(path);
    }
    run.store->parse_requested();
    // Keep the facts of the files parsed for the graph too, so that the next run parses none of them.
    if (run.facts_cache) (void)run.facts_cache->save();
    const ImportGraph graph(*run.store);
    const std::vector<ModuleId> changed = changed_vertices(changes, graph, rules.project.import_roots);
    const auto reached = graph.dependents(changed);
    for (const FileResult& file : run.classification.files) {
      const auto id = graph.find_path(file.path);
      const auto found = id ? reached.find(*id) : reached.end();
      std::string why = found != reached.end() ? describe_chain(*id, found->second, graph)
                                                : changed.empty() ? std::string() : unknown_imports(file.path, *run.store);
      if (why.empty()) continue;
      selected.insert(file.path);
      result.test_files.emplace_back(file.path, std::move(why));
    }
  }
  list_tests(run.classification, selected, result);
  return result;
}

}  // namespace testtier
