// Which file imports which, for the whole repository, as a Boost.Graph (importer → imported).
#pragma once

#include <boost/graph/adjacency_list.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "resolve/fact_store.hpp"

namespace testtier::affected_stage {

/// A vertex: a file of the repository, or a module imported from it that has no file (deleted,
/// or outside the repository): then `path` is empty and `module` names it.
struct ModuleNode {
  std::string path;
  std::string module;
};

/// Why one file depends on another.
struct DependencyEdge {
  std::string how;   ///< "imports a.b", "conftest", "pytest_plugins a.b"
};

using ImportAdjacency =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, ModuleNode, DependencyEdge>;
using ModuleId = ImportAdjacency::vertex_descriptor;

class ImportGraph {
 public:
  /// Build the graph of every parsed file in `store`: imports (with the packages they pass
  /// through), `pytest_plugins`, and each file's conftest.py chain.
  explicit ImportGraph(const resolve::FactStore& store);

  /// Return the vertex of the file `path`, or of the module `module` when no file has it.
  std::optional<ModuleId> find_path(const std::string& path) const;
  std::optional<ModuleId> find_module(const std::string& module) const;

  /// Return, for every vertex that depends on one of `changed` (directly or not), the edge path
  /// back to it: an empty vector for the changed vertices themselves. Cycles are fine.
  std::map<ModuleId, std::vector<ModuleId>> dependents(const std::vector<ModuleId>& changed) const;

  const ModuleNode& node(ModuleId id) const { return graph_[id]; }
  const ImportAdjacency& graph() const { return graph_; }

 private:
  ModuleId vertex_for_file(const std::string& path, const std::string& module);
  ModuleId vertex_for_module(const std::string& module);
  void add_edge(ModuleId from, ModuleId to, std::string how);

  ImportAdjacency graph_;
  std::map<std::string, ModuleId> by_path_;
  std::map<std::string, ModuleId> by_module_;
};

}  // namespace testtier::affected_stage
