#include "graph/class_graph.hpp"

#include <boost/graph/depth_first_search.hpp>

#include <algorithm>
#include <deque>
#include <set>
#include <unordered_set>

#include <fmt/format.h>

namespace testtier::graph {
namespace {

std::string key_of(const ClassNode& node) {
  switch (node.origin) {
    case ClassNode::Origin::repository: return "R:" + node.path + ":" + node.qualname;
    case ClassNode::Origin::external: return "E:" + node.qualified;
    case ClassNode::Origin::unresolved: return "U:" + node.qualname;
  }
  return {};
}

/// Records the back edges of a depth-first search: each closes an inheritance cycle.
struct CycleRecorder : boost::default_dfs_visitor {
  std::vector<std::pair<ClassId, ClassId>>* back_edges;
  template <typename Edge, typename Graph>
  void back_edge(Edge edge, const Graph& graph) const {
    back_edges->emplace_back(boost::source(edge, graph), boost::target(edge, graph));
  }
};

/// Merge step of the C3 linearization; nullopt when no consistent order exists.
std::optional<std::vector<ClassId>> c3_merge(std::vector<std::deque<ClassId>> sequences) {
  std::vector<ClassId> merged;
  for (;;) {
    std::erase_if(sequences, [](const auto& sequence) { return sequence.empty(); });
    if (sequences.empty()) return merged;
    std::optional<ClassId> head;
    for (const auto& candidate : sequences) {
      const ClassId c = candidate.front();
      const bool in_a_tail = std::any_of(sequences.begin(), sequences.end(), [c](const auto& s) {
        return std::find(s.begin() + 1, s.end(), c) != s.end();
      });
      if (!in_a_tail) { head = c; break; }
    }
    if (!head) return std::nullopt;
    merged.push_back(*head);
    for (auto& sequence : sequences) {
      if (sequence.front() == *head) sequence.pop_front();
    }
  }
}

}  // namespace

resolve::Symbol follow_name_aliases(resolve::Symbol symbol, resolve::Resolver& resolver) {
  for (int hops = 0; hops < 16 && symbol.kind == resolve::Symbol::Kind::alias; ++hops) {
    const Alias* alias = resolver.alias_of(symbol);
    if (alias == nullptr || !alias->mark.empty() || alias->value.kind != Value::Kind::name) break;
    std::vector<std::string> spellings = symbol.spellings;
    symbol = resolver.resolve(symbol.path, alias->value.text);
    spellings.insert(spellings.end(), symbol.spellings.begin(), symbol.spellings.end());
    symbol.spellings = std::move(spellings);
  }
  return symbol;
}

void ClassGraph::build(const std::vector<const FileFacts*>& roots, resolve::Resolver& resolver) {
  std::vector<ClassId> work;
  for (const FileFacts* file : roots) {
    for (const ClassFacts& cls : file->classes) {
      resolve::Symbol symbol;
      symbol.kind = resolve::Symbol::Kind::class_;
      symbol.path = file->path;
      symbol.name = cls.qualname;
      symbol.qualified = (file->module.empty() ? file->path : file->module) + "." + cls.qualname;
      symbol.spellings = {symbol.qualified};
      bool added = false;
      const ClassId id = add(symbol, resolver, added);
      if (added) work.push_back(id);
    }
  }
  while (!work.empty()) {
    const ClassId id = work.back();
    work.pop_back();
    add_bases(id, resolver, work);
  }
  report_cycles();
}

ClassId ClassGraph::add(const resolve::Symbol& symbol, const resolve::Resolver& resolver, bool& added) {
  ClassNode node;
  node.qualified = symbol.qualified;
  node.spellings = symbol.spellings;
  if (symbol.kind == resolve::Symbol::Kind::class_) {
    node.path = symbol.path;
    node.qualname = symbol.name;
    node.facts = resolver.class_of(symbol);
  } else if (symbol.kind == resolve::Symbol::Kind::external) {
    node.origin = ClassNode::Origin::external;
    node.qualname = symbol.qualified;
  } else {
    node.origin = ClassNode::Origin::unresolved;
    node.qualname = symbol.qualified;
  }
  const std::string key = key_of(node);
  if (const auto found = by_key_.find(key); found != by_key_.end()) {
    added = false;
    return found->second;
  }
  added = true;
  const ClassId id = boost::add_vertex(std::move(node), graph_);
  by_key_.emplace(key, id);
  return id;
}

void ClassGraph::add_bases(ClassId id, resolve::Resolver& resolver, std::vector<ClassId>& work) {
  const ClassFacts* facts = graph_[id].facts;
  if (facts == nullptr) return;
  const std::string path = graph_[id].path;
  for (const ClassFacts::Base& base : facts->bases) {
    resolve::Symbol symbol = follow_name_aliases(resolver.resolve(path, base.name), resolver);
    if (symbol.kind == resolve::Symbol::Kind::pending) continue;
    if (!symbol.found() || (symbol.kind != resolve::Symbol::Kind::class_ &&
                            symbol.kind != resolve::Symbol::Kind::external)) {
      diagnostics_.push_back({path, base.location, Severity::warning, std::string(codes::unresolved),
                              fmt::format("base class `{}` of `{}` does not resolve to a class; rules "
                                          "match it by its last name only, so its tests' services may be "
                                          "incomplete",
                                          base.name, facts->qualname)});
      symbol.kind = resolve::Symbol::Kind::unresolved;
      symbol.qualified = base.name;
      symbol.spellings = {base.name};
    }
    bool added = false;
    const ClassId target = add(symbol, resolver, added);
    if (added && symbol.kind == resolve::Symbol::Kind::class_) work.push_back(target);
    std::string reexported_as;
    if (symbol.spellings.size() > 1 && symbol.spellings.front() != symbol.qualified) reexported_as = symbol.spellings.front();
    boost::add_edge(id, target, BaseLink{base.location, std::move(reexported_as)}, graph_);
  }
}

void ClassGraph::report_cycles() {
  std::vector<std::pair<ClassId, ClassId>> back_edges;
  boost::depth_first_search(graph_, boost::visitor(CycleRecorder{{}, &back_edges}));
  has_cycles_ = has_cycles_ || !back_edges.empty();
  for (const auto& [from, to] : back_edges) {
    diagnostics_.push_back({graph_[from].path, graph_[from].facts ? graph_[from].facts->location : SourceLocation{},
                            Severity::warning, std::string(codes::unresolved),
                            fmt::format("inheritance cycle: `{}` reaches itself through `{}`",
                                        graph_[to].qualified, graph_[from].qualified)});
  }
}

std::vector<ClassId> ClassGraph::repository_classes() const {
  std::vector<ClassId> found;
  for (const ClassId id : boost::make_iterator_range(boost::vertices(graph_))) {
    if (graph_[id].facts != nullptr) found.push_back(id);
  }
  return found;
}

std::optional<ClassId> ClassGraph::find(const std::string& path, const std::string& qualname) const {
  const auto found = by_key_.find("R:" + path + ":" + qualname);
  if (found == by_key_.end()) return std::nullopt;
  return found->second;
}

std::vector<ClassId> ClassGraph::distinct_bases(ClassId id) const {
  // Python refuses a repeated base; read as written once, `class T(A, A, ...)` costs its length.
  std::vector<ClassId> bases;
  std::unordered_set<ClassId> seen;
  for (const auto edge : boost::make_iterator_range(boost::out_edges(id, graph_))) {
    const ClassId base = boost::target(edge, graph_);
    if (seen.insert(base).second) bases.push_back(base);
  }
  return bases;
}

MroView::iterator& MroView::iterator::operator++() {
  ++index_;
  while (segment_ != nullptr && index_ >= segment_->head.size()) {
    segment_ = segment_->rest ? &segments_->at(*segment_->rest) : nullptr;
    index_ = 0;
  }
  return *this;
}

MroView ClassGraph::mro(ClassId id) {
  if (const auto cached = mro_segments_.find(id); cached != mro_segments_.end()) return {mro_segments_, cached->second};
  // Walk up the single-inheritance chain above `id` to a class already known, with other than
  // one base, or met twice; work that one out by C3, then each class below it as itself followed
  // by its base's MRO (what C3 gives for one base). No recursion as deep as the chain, no merge,
  // and (without cycles) no copy per class.
  std::vector<ClassId> chain{id};
  std::unordered_set<ClassId> on_chain{id};
  for (;;) {
    const std::vector<ClassId> bases = distinct_bases(chain.back());
    if (bases.size() != 1 || !on_chain.insert(bases[0]).second) break;
    chain.push_back(bases[0]);
    if (mro_segments_.contains(bases[0])) break;
  }
  if (!mro_segments_.contains(chain.back())) c3_mro(chain.back());
  for (std::size_t i = chain.size() - 1; i-- > 0;) {
    const ClassId cls = chain[i];
    if (!has_cycles_) {
      mro_segments_[cls] = MroSegment{{cls}, chain[i + 1]};
      continue;
    }
    // With a cycle somewhere, a segment above may still be worked out (and change): copy it.
    const MroView above = mro(chain[i + 1]);
    if (std::find(above.begin(), above.end(), cls) != above.end()) {
      c3_mro(cls);  // a cycle through `cls`: the general way says what then
      continue;
    }
    MroSegment copied{{cls}, std::nullopt};
    copied.head.insert(copied.head.end(), above.begin(), above.end());
    mro_segments_[cls] = std::move(copied);
  }
  return {mro_segments_, mro_segments_.at(id)};
}

void ClassGraph::c3_mro(ClassId id) {
  mro_segments_[id] = MroSegment{{id}, std::nullopt};  // a cycle back to `id` sees just `id` and makes C3 fail below
  std::vector<std::deque<ClassId>> sequences;
  const std::vector<ClassId> distinct = distinct_bases(id);
  const std::deque<ClassId> bases(distinct.begin(), distinct.end());
  for (const ClassId base : bases) {
    const MroView base_mro = mro(base);
    sequences.emplace_back(base_mro.begin(), base_mro.end());
  }
  sequences.push_back(bases);
  std::vector<ClassId> result{id};
  if (auto merged = c3_merge(sequences); merged && std::find(merged->begin(), merged->end(), id) == merged->end()) {
    result.insert(result.end(), merged->begin(), merged->end());
  } else {
    std::unordered_set<ClassId> seen{id};
    std::vector<ClassId> stack(bases.rbegin(), bases.rend());
    while (!stack.empty()) {
      const ClassId next = stack.back();
      stack.pop_back();
      if (!seen.insert(next).second) continue;
      result.push_back(next);
      const std::vector<ClassId> next_bases = distinct_bases(next);
      stack.insert(stack.end(), next_bases.rbegin(), next_bases.rend());
    }
  }
  mro_segments_[id] = MroSegment{std::move(result), std::nullopt};
}

bool ClassGraph::any_in_mro(ClassId id, bool (*test)(const ClassNode&)) {
  mro(id);
  auto memo = std::find_if(any_in_mro_memos_.begin(), any_in_mro_memos_.end(), [&](const auto& m) { return m.first == test; });
  if (memo == any_in_mro_memos_.end()) memo = any_in_mro_memos_.insert(memo, {test, {}});
  std::unordered_map<ClassId, bool>& answers = memo->second;
  // Walk the segments to one already answered (or the end), then answer each walked one: a
  // segment's answer is its head's, or else its rest's.
  std::vector<ClassId> owners;
  bool answer = false;
  for (std::optional<ClassId> at = id; at;) {
    if (const auto known = answers.find(*at); known != answers.end()) {
      answer = known->second;
      break;
    }
    owners.push_back(*at);
    const MroSegment& segment = mro_segments_.at(*at);
    if (std::any_of(segment.head.begin(), segment.head.end(), [&](ClassId c) { return test(graph_[c]); })) {
      answer = true;
      break;
    }
    at = segment.rest;
  }
  // Every walked segment before a `true` has a false head, so it shares the answer found.
  for (const ClassId owner : owners) answers[owner] = answer;
  return answer;
}

std::vector<ClassHop> ClassGraph::chain(ClassId from, ClassId to) const {
  std::map<ClassId, ClassHop> reached_by;
  std::deque<ClassId> queue{from};
  std::set<ClassId> seen{from};
  while (!queue.empty() && !seen.contains(to)) {
    const ClassId at = queue.front();
    queue.pop_front();
    for (const auto edge : boost::make_iterator_range(boost::out_edges(at, graph_))) {
      const ClassId next = boost::target(edge, graph_);
      if (!seen.insert(next).second) continue;
      reached_by[next] = ClassHop{at, next, graph_[edge].location, graph_[edge].reexported_as};
      queue.push_back(next);
    }
  }
  std::vector<ClassHop> hops;
  for (ClassId at = to; at != from && reached_by.contains(at); at = reached_by[at].from) {
    hops.push_back(reached_by[at]);
  }
  std::reverse(hops.begin(), hops.end());
  return hops;
}

}  // namespace testtier::graph
