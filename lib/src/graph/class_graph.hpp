// Class inheritance across files (subclass → base) as a Boost.Graph, with MROs and the chains
// that carry a base class's meaning down to a test class.
#pragma once

#include <boost/graph/adjacency_list.hpp>

#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "resolve/symbols.hpp"
#include "testtier/diagnostic.hpp"

namespace testtier::graph {

/// A class: defined in the repository (with facts), outside it (qualified name only), or a name
/// that resolved nowhere (matched by its last segment only).
struct ClassNode {
  enum class Origin : std::uint8_t { repository, external, unresolved };
  Origin origin = Origin::repository;
  std::string path;                     ///< defining file (repository classes)
  std::string qualname;                 ///< "Outer.Inner" (repository), else the name as known
  std::string qualified;                ///< "sentry.testutils.cases.SnubaTestCase"
  std::vector<std::string> spellings;   ///< every qualified name it was reached through
  const ClassFacts* facts = nullptr;    ///< repository classes only
};

/// One `class Sub(Base)` link: where `Base` is written.
struct BaseLink {
  SourceLocation location;
  /// The qualified name the base was imported under when it is a re-export of the class defined
  /// elsewhere (`sentry.testutils.compat.SnubaTestCase` through a star import), else "".
  std::string reexported_as;
};

using ClassAdjacency = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, ClassNode, BaseLink>;
using ClassId = ClassAdjacency::vertex_descriptor;

/// Where a test is: its file and, for a method, its class (a key of per-place caches).
using TestPlace = std::pair<std::string, std::optional<ClassId>>;

struct TestPlaceHash {
  std::size_t operator()(const TestPlace& place) const noexcept {
    const std::size_t path = std::hash<std::string>{}(place.first);
    return place.second ? path ^ (std::hash<std::size_t>{}(*place.second + 1) * 0x9E3779B97F4A7C15ull) : path;
  }
};

/// One step of a chain from a class to one of its ancestors.
struct ClassHop {
  ClassId from;   ///< the subclass
  ClassId to;     ///< the base
  SourceLocation location;  ///< where `to` is written in `from`'s base list
  std::string reexported_as;  ///< BaseLink::reexported_as of the edge
};

class ClassGraph {
 public:
  /// Add the classes of every file in `roots` (their top-level and nested classes) and, through
  /// `resolver`, every base they reach. Unresolved bases give TT904 diagnostics unless some answer
  /// was pending (the next wave will know more).
  void build(const std::vector<const FileFacts*>& roots, resolve::Resolver& resolver);

  /// Return the vertex of the class `qualname` defined in `path`, if added.
  std::optional<ClassId> find(const std::string& path, const std::string& qualname) const;

  const ClassNode& node(ClassId id) const { return graph_[id]; }

  /// Return the classes defined in the repository (those with facts), in the order added.
  std::vector<ClassId> repository_classes() const;

  /// Return the MRO of `id` (C3 linearization; depth-first left-to-right when C3 fails, as with an
  /// inconsistent or cyclic hierarchy), `id` first.
  const std::vector<ClassId>& mro(ClassId id);

  /// Return the shortest chain of base links from `from` to `to` (empty when `from == to`).
  std::vector<ClassHop> chain(ClassId from, ClassId to) const;

  /// Return the diagnostics found while building (unresolved bases, inheritance cycles).
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

 private:
  ClassId add(const resolve::Symbol& symbol, const resolve::Resolver& resolver, bool& added);
  void add_bases(ClassId id, resolve::Resolver& resolver, std::vector<ClassId>& work);
  void report_cycles();
  /// Return the classes `id` names as bases, each once, in order.
  std::vector<ClassId> distinct_bases(ClassId id) const;
  /// Work out and memoize the MRO of `id` by C3 (the bases' MROs first, through mro()).
  const std::vector<ClassId>& c3_mro(ClassId id);

  ClassAdjacency graph_;
  std::unordered_map<std::string, ClassId> by_key_;
  std::unordered_map<ClassId, std::vector<ClassId>> mro_cache_;  ///< node-based: references stay valid
  std::vector<Diagnostic> diagnostics_;
};

/// Follow `symbol` through module-level aliases whose value is a plain name
/// (`Base = cases.SnubaTestCase`), collecting their spellings. Stops at a mark alias.
resolve::Symbol follow_name_aliases(resolve::Symbol symbol, resolve::Resolver& resolver);

}  // namespace testtier::graph
