#include "affected/import_graph.hpp"

#include <deque>
#include <unordered_set>

#include "classify/fixture_scopes.hpp"

namespace testtier::affected_stage {

ImportGraph::ImportGraph(const resolve::FactStore& store) {
  const resolve::ModuleIndex& modules = store.modules();
  std::map<std::string, const FileFacts*> files;  // sorted: vertex numbers do not depend on hashing
  std::unordered_set<std::string> paths;
  for (const auto& [path, facts] : store.parsed()) {
    files.emplace(path, facts.get());
    paths.insert(path);
  }
  for (const auto& [path, facts] : files) vertex_for_file(path, facts->module);
  for (const auto& [path, facts] : files) {
    const ModuleId from = by_path_.at(path);
    for (const Import& import : facts->imports) {
      if (import.type_only) continue;
      const auto absolute = resolve::absolute_module(modules.module_of(path), resolve::ModuleIndex::is_package_init(path),
                                                     import.level, import.module);
      if (!absolute || absolute->empty()) continue;
      std::string target = *absolute;
      const std::string submodule = resolve::join_dotted(*absolute, import.name);
      if (!import.name.empty() && import.name != "*") {
        const std::string* package = modules.file_of(*absolute);
        if (modules.file_of(submodule) != nullptr) {
          target = submodule;
        } else if (package != nullptr && resolve::ModuleIndex::is_package_init(*package)) {
          // `from pkg import name`: a submodule that is gone (deleted, renamed) or a name in __init__.
          add_edge(from, vertex_for_module(submodule), "imports " + submodule);
        }
      }
      // Importing a.b.c runs a/__init__.py and a/b/__init__.py first.
      for (std::size_t dot = target.find('.'); dot != std::string::npos; dot = target.find('.', dot + 1)) {
        if (const std::string* package = modules.file_of(target.substr(0, dot))) add_edge(from, by_path_.at(*package), "imports " + target);
      }
      if (const std::string* file = modules.file_of(target)) {
        add_edge(from, by_path_.at(*file), "imports " + target);
      } else if (modules.is_package_prefix(target.substr(0, target.find('.'))) ||
                 modules.file_of(target.substr(0, target.find('.'))) != nullptr) {
        add_edge(from, vertex_for_module(target), "imports " + target);  // a module of ours with no file: deleted?
      }
    }
    for (const std::string& plugin : facts->pytest_plugins) {
      if (const std::string* file = modules.file_of(plugin)) add_edge(from, by_path_.at(*file), "pytest_plugins " + plugin);
    }
    for (const std::string& conftest : classify_stage::conftest_chain(path, paths)) {
      add_edge(from, by_path_.at(conftest), "conftest");
    }
  }
}

ModuleId ImportGraph::vertex_for_file(const std::string& path, const std::string& module) {
  if (const auto found = by_path_.find(path); found != by_path_.end()) return found->second;
  const ModuleId id = boost::add_vertex(ModuleNode{path, module}, graph_);
  by_path_.emplace(path, id);
  if (!module.empty()) by_module_.emplace(module, id);
  return id;
}

ModuleId ImportGraph::vertex_for_module(const std::string& module) {
  if (const auto found = by_module_.find(module); found != by_module_.end()) return found->second;
  const ModuleId id = boost::add_vertex(ModuleNode{"", module}, graph_);
  by_module_.emplace(module, id);
  return id;
}

void ImportGraph::add_edge(ModuleId from, ModuleId to, std::string how) {
  if (from == to || boost::edge(from, to, graph_).second) return;
  boost::add_edge(from, to, DependencyEdge{std::move(how)}, graph_);
}

std::optional<ModuleId> ImportGraph::find_path(const std::string& path) const {
  const auto found = by_path_.find(path);
  if (found == by_path_.end()) return std::nullopt;
  return found->second;
}

std::optional<ModuleId> ImportGraph::find_module(const std::string& module) const {
  const auto found = by_module_.find(module);
  if (found == by_module_.end()) return std::nullopt;
  return found->second;
}

std::map<ModuleId, std::vector<ModuleId>> ImportGraph::dependents(const std::vector<ModuleId>& changed) const {
  std::map<ModuleId, std::vector<ModuleId>> reached;
  std::deque<ModuleId> queue;
  for (const ModuleId id : changed) {
    if (reached.emplace(id, std::vector<ModuleId>{}).second) queue.push_back(id);
  }
  while (!queue.empty()) {
    const ModuleId at = queue.front();
    queue.pop_front();
    for (const auto edge : boost::make_iterator_range(boost::in_edges(at, graph_))) {
      const ModuleId importer = boost::source(edge, graph_);
      if (reached.contains(importer)) continue;
      std::vector<ModuleId> chain{at};
      const auto& rest = reached.at(at);
      chain.insert(chain.end(), rest.begin(), rest.end());
      reached.emplace(importer, std::move(chain));
      queue.push_back(importer);
    }
  }
  return reached;
}

}  // namespace testtier::affected_stage
