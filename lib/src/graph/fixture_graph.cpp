#include "graph/fixture_graph.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/depth_first_search.hpp>

#include <algorithm>
#include <deque>
#include <set>
#include <unordered_set>

#include <fmt/format.h>

namespace testtier::graph {
namespace {

using RequestGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, const FixtureDef*>;

struct BackEdges : boost::default_dfs_visitor {
  std::vector<std::pair<std::size_t, std::size_t>>* found;
  template <typename Edge, typename Graph>
  void back_edge(Edge edge, const Graph& graph) const {
    found->emplace_back(boost::source(edge, graph), boost::target(edge, graph));
  }
};

bool is_requestable(std::string_view parameter) { return parameter != "self" && parameter != "cls"; }

/// Report each cycle among the definitions `reached` request, as TT905 at the requesting fixture.
void report_cycles(const std::vector<const FixtureDef*>& reached, const FixtureScope& scope,
                   std::vector<Diagnostic>& diagnostics) {
  RequestGraph graph;
  std::map<const FixtureDef*, std::size_t> vertex;
  for (const FixtureDef* def : reached) vertex[def] = boost::add_vertex(def, graph);
  for (const FixtureDef* def : reached) {
    for (const std::string& parameter : def->function->parameters) {
      const FixtureDef* target = is_requestable(parameter) ? scope.lookup(parameter, def) : nullptr;
      if (target != nullptr && vertex.contains(target)) boost::add_edge(vertex[def], vertex[target], graph);
    }
  }
  std::vector<std::pair<std::size_t, std::size_t>> back_edges;
  boost::depth_first_search(graph, boost::visitor(BackEdges{{}, &back_edges}));
  for (const auto& [from, to] : back_edges) {
    const FixtureDef* requester = graph[from];
    diagnostics.push_back({requester->path, requester->function->location, Severity::warning,
                           std::string(codes::fixture_cycle),
                           fmt::format("fixture `{}` requests `{}`, which leads back to it (a cycle "
                                       "pytest refuses)", requester->name, graph[to]->name)});
  }
}

}  // namespace

std::string FixtureDef::describe() const {
  const std::string shown = owner.empty() ? name : owner + "." + name;
  return fmt::format("{} ({}:{})", shown, path, function->location.line);
}

void FixtureScope::add_layer(std::vector<FixtureDef> layer) {
  layers_.push_back(&owned_.emplace_back(std::move(layer)));
  index(*layers_.back());
}

void FixtureScope::add_shared_layer(const std::vector<FixtureDef>& layer) {
  layers_.push_back(&layer);
  index(layer);
}

void FixtureScope::index(const std::vector<FixtureDef>& layer) {
  for (const FixtureDef& def : layer) by_name_[def.name].push_back(&def);
}

const FixtureDef* FixtureScope::lookup(std::string_view name, const FixtureDef* requester) const {
  const auto found = by_name_.find(name);
  if (found == by_name_.end()) return nullptr;
  const std::vector<const FixtureDef*>& defs = found->second;
  if (requester == nullptr || requester->name != name) return defs.front();
  // A fixture requesting its own name means the next definition after itself in lookup order.
  const auto self = std::find(defs.begin(), defs.end(), requester);
  return self == defs.end() || self + 1 == defs.end() ? nullptr : *(self + 1);
}

std::vector<const FixtureDef*> FixtureScope::autouse() const {
  std::vector<const FixtureDef*> in_effect;
  std::set<std::string> names;
  for (const auto* layer : layers_) {
    for (const FixtureDef& def : *layer) {
      if (!def.function->fixture.autouse || !names.insert(def.name).second) continue;
      if (const FixtureDef* effective = lookup(def.name)) in_effect.push_back(effective);
    }
  }
  return in_effect;
}

std::vector<FixtureReach> fixture_closure(const std::vector<FixtureRequest>& requests,
                                          const FixtureScope& scope, std::vector<Diagnostic>& diagnostics) {
  std::vector<FixtureReach> reached;
  std::deque<FixtureReach> queue;
  // Each definition once, and each name no definition in the repository answers once. A fixture
  // that requests its own name (`def conn(conn)`) reaches the definition it overrides, which has
  // the same name: definitions, not names, are what is visited.
  std::set<const FixtureDef*> seen_defs;
  std::set<std::string> seen_undefined;
  const auto seen = [&](const FixtureReach& reach) {
    return reach.def != nullptr ? !seen_defs.insert(reach.def).second : !seen_undefined.insert(reach.name).second;
  };
  for (const FixtureRequest& request : requests) {
    queue.push_back({request.name, scope.lookup(request.name), request.path, request.location, request.via});
  }
  std::vector<const FixtureDef*> defs;
  while (!queue.empty()) {
    FixtureReach reach = std::move(queue.front());
    queue.pop_front();
    if (seen(reach)) continue;
    if (const FixtureDef* def = reach.def) {
      defs.push_back(def);
      const std::size_t index = reached.size();  // where `reach` goes below
      for (const std::string& parameter : def->function->parameters) {
        if (!is_requestable(parameter)) continue;
        const FixtureDef* target = scope.lookup(parameter, def);
        if (target != nullptr ? seen_defs.contains(target) : seen_undefined.contains(parameter)) continue;
        queue.push_back({parameter, target, def->path, def->function->location, {}, index});
      }
    }
    reached.push_back(std::move(reach));
  }
  report_cycles(defs, scope, diagnostics);
  return reached;
}

std::vector<std::string> fixture_via(const std::vector<FixtureReach>& reached, std::size_t i) {
  std::vector<std::string> hops;
  for (std::size_t at = reached[i].requester; at < reached.size(); at = reached[at].requester) {
    const FixtureDef* def = reached[at].def;
    hops.push_back((def->function->fixture.autouse ? "autouse " : "") + def->describe());
    i = at;
  }
  std::vector<std::string> via = reached[i].request_via;
  via.insert(via.end(), hops.rbegin(), hops.rend());
  return via;
}

}  // namespace testtier::graph
