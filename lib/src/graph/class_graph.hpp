// Class inheritance across files (subclass → base) as a Boost.Graph, with MROs and the chains
// that carry a base class's meaning down to a test class.
#pragma once

#include <boost/graph/adjacency_list.hpp>

#include <functional>
#include <iterator>
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

/// An MRO as stored: `head`, then (when `rest` is set) the MRO of `rest`. A single-inheritance
/// class is itself followed by its base's MRO, so a chain of n classes stores n entries, not n²/2.
struct MroSegment {
  std::vector<ClassId> head;
  std::optional<ClassId> rest;
};

using MroSegments = std::unordered_map<ClassId, MroSegment>;  ///< node-based: addresses stay valid

/// The classes of one MRO in order, `id` first: a forward range over its stored segments.
class MroView {
 public:
  class iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = ClassId;
    using difference_type = std::ptrdiff_t;
    using pointer = const ClassId*;
    using reference = const ClassId&;

    iterator() = default;
    iterator(const MroSegments* segments, const MroSegment* segment) : segments_(segments), segment_(segment) {}
    reference operator*() const { return segment_->head[index_]; }
    iterator& operator++();
    iterator operator++(int) {
      iterator before = *this;
      ++*this;
      return before;
    }
    bool operator==(const iterator& other) const { return segment_ == other.segment_ && index_ == other.index_; }

   private:
    const MroSegments* segments_ = nullptr;
    const MroSegment* segment_ = nullptr;  ///< nullptr at the end
    std::size_t index_ = 0;
  };

  MroView(const MroSegments& segments, const MroSegment& first) : segments_(&segments), first_(&first) {}
  iterator begin() const { return {segments_, first_}; }
  iterator end() const { return {}; }

 private:
  const MroSegments* segments_;
  const MroSegment* first_;
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
  /// inconsistent or cyclic hierarchy), `id` first. Worked out once per class; walking it costs
  /// its length.
  MroView mro(ClassId id);

  /// Return whether some class in `id`'s MRO satisfies `test`, a plain function of the node alone.
  /// Answers are memoized per (test, stored segment), so asking it of every class of a chain of n
  /// classes costs n calls of `test` in all, not n²/2.
  bool any_in_mro(ClassId id, bool (*test)(const ClassNode&));

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
  /// Work out and memoize the whole MRO of `id` by C3 (the bases' MROs first, through mro()).
  void c3_mro(ClassId id);

  ClassAdjacency graph_;
  std::unordered_map<std::string, ClassId> by_key_;
  MroSegments mro_segments_;
  /// any_in_mro()'s answers: per test asked, per segment (by its class).
  std::vector<std::pair<bool (*)(const ClassNode&), std::unordered_map<ClassId, bool>>> any_in_mro_memos_;
  bool has_cycles_ = false;  ///< whether report_cycles() found one: MROs are then copied, not shared
  std::vector<Diagnostic> diagnostics_;
};

/// Follow `symbol` through module-level aliases whose value is a plain name
/// (`Base = cases.SnubaTestCase`), collecting their spellings. Stops at a mark alias.
resolve::Symbol follow_name_aliases(resolve::Symbol symbol, resolve::Resolver& resolver);

}  // namespace testtier::graph
