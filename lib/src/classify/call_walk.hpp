// The call walk: from the bodies a test runs (its own, its set-up methods', its fixtures'), calls
// into the repository's own functions and methods are followed, and the inferred evidence of the
// bodies reached counts for the test with the chain of calls in `via`. Bounded by depth and work;
// calls on objects of unknown type, dynamic dispatch and code outside the repository are not
// followed, and where the walk stopped can be listed (for `explain`).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "classify/body_matches.hpp"
#include "graph/class_graph.hpp"
#include "testtier/rules.hpp"

namespace testtier::classify_stage {

/// How far the walk goes, and whether it notes where it stopped.
struct WalkLimits {
  int call_depth = 0;
  int call_budget = 0;
  bool record_stops = false;
};

/// A repository class as the walk meets it: `self`'s class, or the class a method is defined in.
struct ClassRef {
  const ClassFacts* facts = nullptr;
  std::string path;
  friend bool operator==(const ClassRef& a, const ClassRef& b) { return a.facts == b.facts; }
};

/// What a body runs with: the class of `self`/`cls` (the test's class, not the one the method is
/// written in) and the class whose method the body is (where `super()` starts looking).
struct WalkFrame {
  ClassRef self;
  ClassRef owner;
};

/// Where one walk begins: a body, where it is written, how it runs, and the chain to it.
struct WalkRoot {
  const BodyUses* uses = nullptr;
  const std::vector<Decorator>* decorators = nullptr;  ///< decorators that may be repository functions
  std::string path;
  WalkFrame frame;
  std::vector<std::string> via;
  /// Names whose patching (`mock.patch("...")` on the test) makes a call reach nothing: a chain
  /// through one of them is dropped.
  const std::unordered_set<std::string>* patched = nullptr;
};

class CallWalker {
 public:
  CallWalker(resolve::Resolver& resolver, graph::ClassGraph& classes, const SignalMatcher& matcher, WalkLimits limits);

  /// Add to `out` the inferred reasons reached through the calls of `root`, each with `root.via`
  /// and then the chain of calls; and to `stops` (when recording) where the walk stopped and why.
  void walk(const WalkRoot& root, std::vector<Reason>& out, std::vector<std::string>* stops);

  /// Return the names `mock.patch` decorators in `decorators` (written in `path`) patch.
  std::unordered_set<std::string> patched_names(const std::vector<Decorator>& decorators, const std::string& path);

  const WalkLimits& limits() const { return limits_; }

 private:
  /// A reason found below a function, with the names whose patching would cut its chain.
  struct Found {
    Reason reason;
    std::vector<std::string> lookups;
  };
  /// Everything found below one function at one remaining depth.
  struct Summary {
    std::vector<Found> found;
    std::vector<std::string> stops;
    std::uint32_t work = 0;   ///< functions entered, the function itself included
    bool uses_self = false;   ///< some call below went through `self`, `cls` or `super()`
  };
  /// A function a call reaches.
  struct Target {
    const FunctionFacts* function = nullptr;
    std::string path;
    WalkFrame frame;        ///< `owner` is the class defining it (none for a module function)
  };
  /// Why a call was not followed.
  enum class Miss : std::uint8_t { none, outside, unknown_object, not_a_method, dynamic, pending };
  struct Resolved {
    std::optional<Target> target;
    Miss miss = Miss::none;
    bool through_self = false;
  };
  struct Key {
    const FunctionFacts* function;
    const ClassFacts* self;
    const ClassFacts* owner;
    int depth;
    friend bool operator==(const Key&, const Key&) = default;
  };
  struct KeyHash {
    std::size_t operator()(const Key& k) const noexcept;
  };
  /// One class of an MRO, with where it is defined (no facts: outside the repository).
  struct MroEntry {
    ClassRef cls;
    bool outside = false;
  };

  /// Follow the calls (and decorators) of one body; `found`/`stops`/`work` collect what is below.
  void follow_body(const BodyUses& uses, const std::vector<Decorator>* decorators, const std::string& path,
                   const WalkFrame& frame, int depth_left, const std::string& where, Summary& into);
  const Summary& summary(const Target& target, int depth_left);
  Resolved resolve_call(const std::string& callee, const std::string& path, const WalkFrame& frame);
  Resolved resolve_decorator(const Decorator& decorator, const std::string& path);
  /// resolve_call() of a call not through `self`, `cls` or `super()`, memoized per file and callee.
  const Resolved& resolved_in_module(const std::string& callee, const std::string& path);
  std::optional<Target> method_of(const ClassRef& self, const std::string& name, const ClassRef* after, bool& outside);
  const std::vector<MroEntry>& mro_of(const ClassRef& cls);
  std::optional<ClassRef> class_ref(const resolve::Symbol& symbol);
  std::string module_of(const std::string& path) const;
  /// Return the names a `mock.patch` of which replaces the call `callee` written in `path`.
  std::vector<std::string> lookups_of(const std::string& callee, const std::string& path) const;
  std::vector<std::string> lookups_of(const Resolved& resolved, const std::string& callee, const std::string& path,
                                      const WalkFrame& frame) const;
  /// Return "Qualname.name (path:line)" of `target`.
  static std::string describe(const Target& target);
  /// Return whether `head` may be bound at module level in `path` (else it is a local or a builtin).
  bool may_be_bound(const std::string& path, std::string_view head);
  struct ModuleNames {
    std::unordered_set<std::string_view> names;
    bool star = false;
  };
  std::unordered_map<const FileFacts*, ModuleNames> bound_names_;
  std::unordered_map<std::string, std::unordered_map<std::string, Resolved>> module_calls_;  ///< by path, callee
  Resolved pending_;
  void note_stop(Summary& into, const std::string& where, const std::string& callee, Miss miss) const;

  resolve::Resolver& resolver_;
  graph::ClassGraph& classes_;
  const SignalMatcher& matcher_;
  WalkLimits limits_;
  std::unordered_map<Key, Summary, KeyHash> summaries_;
  std::unordered_map<const ClassFacts*, std::vector<MroEntry>> mros_;
};

}  // namespace testtier::classify_stage
