#include "classify/call_walk.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include <fmt/format.h>

namespace testtier::classify_stage {
namespace {

// Classes an MRO read without the class graph may hold (a hierarchy deeper than this is cut).
constexpr std::size_t kMaxMroClasses = 64;
// Stops one test lists at most (explain): the rest are counted.
constexpr std::size_t kMaxStops = 200;

std::pair<std::string_view, std::string_view> split_last(std::string_view dotted) {
  const std::size_t dot = dotted.rfind('.');
  if (dot == std::string_view::npos) return {{}, dotted};
  return {dotted.substr(0, dot), dotted.substr(dot + 1)};
}

std::string_view head_of(std::string_view dotted) { return dotted.substr(0, dotted.find('.')); }

std::uint32_t saturating_add(std::uint32_t a, std::uint32_t b) {
  const std::uint64_t sum = std::uint64_t{a} + b;
  return sum > 0xFFFFFFFFu ? 0xFFFFFFFFu : static_cast<std::uint32_t>(sum);
}

/// Return the last method named `name` of `cls` (a later `def` replaces an earlier one).
const FunctionFacts* find_method(const ClassFacts& cls, std::string_view name) {
  const FunctionFacts* found = nullptr;
  for (const FunctionFacts& method : cls.methods) {
    if (method.name == name) found = &method;
  }
  return found;
}

}  // namespace

std::string CallWalker::describe(const Target& target) {
  const FunctionFacts& function = *target.function;
  if (target.frame.owner.facts == nullptr) return fmt::format("{} ({}:{})", function.name, target.path, function.location.line);
  return fmt::format("{}.{} ({}:{})", target.frame.owner.facts->qualname, function.name, target.path, function.location.line);
}

namespace {

}  // namespace

std::size_t CallWalker::KeyHash::operator()(const Key& k) const noexcept {
  std::size_t h = std::hash<const void*>{}(k.function);
  h = h * 0x9E3779B97F4A7C15ull ^ std::hash<const void*>{}(k.self);
  h = h * 0x9E3779B97F4A7C15ull ^ std::hash<const void*>{}(k.owner);
  return h * 0x9E3779B97F4A7C15ull ^ static_cast<std::size_t>(k.depth);
}

CallWalker::CallWalker(resolve::Resolver& resolver, graph::ClassGraph& classes, const SignalMatcher& matcher,
                       WalkLimits limits)
    : resolver_(resolver), classes_(classes), matcher_(matcher), limits_(limits) {}

bool CallWalker::may_be_bound(const std::string& path, std::string_view head) {
  const FileFacts* file = resolver_.store().get(path);
  if (file == nullptr) return true;  // let the resolver ask for it
  auto [slot, added] = bound_names_.try_emplace(file);
  ModuleNames& names = slot->second;
  if (added) {
    for (const FunctionFacts& function : file->functions) names.names.insert(function.name);
    for (const ClassFacts& cls : file->classes) names.names.insert(head_of(cls.qualname));
    for (const Alias& alias : file->aliases) names.names.insert(alias.name);
    for (const Import& import : file->imports) {
      if (import.in_function) continue;
      if (import.name == "*") names.star = true;
      else names.names.insert(import.bound_as);
    }
  }
  return names.star || names.names.contains(head);
}

std::string CallWalker::module_of(const std::string& path) const {
  const FileFacts* file = resolver_.store().get(path);
  return file == nullptr || file->module.empty() ? path : file->module;
}

const std::vector<CallWalker::MroEntry>& CallWalker::mro_of(const ClassRef& cls) {
  if (const auto known = mros_.find(cls.facts); known != mros_.end()) return known->second;
  std::vector<MroEntry> entries;
  if (const auto id = classes_.find(cls.path, cls.facts->qualname)) {  // a test class or a base of one: C3
    for (const graph::ClassId ancestor : classes_.mro(*id)) {
      const graph::ClassNode& node = classes_.node(ancestor);
      if (node.facts != nullptr) entries.push_back({{node.facts, node.path}, false});
      else entries.push_back({{}, true});
    }
  } else {  // a helper class no test derives from: depth first, left to right
    std::vector<ClassRef> stack{cls};
    std::unordered_set<const ClassFacts*> seen;
    while (!stack.empty() && entries.size() < kMaxMroClasses) {
      const ClassRef current = stack.back();
      stack.pop_back();
      if (!seen.insert(current.facts).second) continue;
      entries.push_back({current, false});
      for (auto base = current.facts->bases.rbegin(); base != current.facts->bases.rend(); ++base) {
        const resolve::Symbol symbol = graph::follow_name_aliases(resolver_.resolve(current.path, base->name), resolver_);
        if (const auto ref = class_ref(symbol)) stack.push_back(*ref);
        else entries.push_back({{}, true});
      }
    }
  }
  return mros_.emplace(cls.facts, std::move(entries)).first->second;
}

std::optional<ClassRef> CallWalker::class_ref(const resolve::Symbol& symbol) {
  const ClassFacts* facts = resolver_.class_of(symbol);
  if (facts == nullptr) return std::nullopt;
  return ClassRef{facts, symbol.path};
}

std::optional<CallWalker::Target> CallWalker::method_of(const ClassRef& self, const std::string& name,
                                                        const ClassRef* after, bool& outside) {
  bool searching = after == nullptr;
  for (const MroEntry& entry : mro_of(self)) {
    if (!searching) {
      searching = !entry.outside && entry.cls == *after;
      continue;
    }
    if (entry.outside) {  // may define it; the repository's classes after it are still searched
      outside = true;
      continue;
    }
    if (const FunctionFacts* method = find_method(*entry.cls.facts, name)) {
      return Target{method, entry.cls.path, {self, entry.cls}};
    }
  }
  return std::nullopt;
}

CallWalker::Resolved CallWalker::resolve_call(const std::string& callee, const std::string& path,
                                              const WalkFrame& frame) {
  Resolved resolved;
  const std::string_view head = head_of(callee);
  if (head == "super()" || head == "self" || head == "cls") {
    resolved.through_self = true;
    if (callee.size() == head.size()) {
      resolved.miss = Miss::outside;
      return resolved;
    }
    const std::string name(callee.substr(head.size() + 1));
    if (frame.self.facts == nullptr) {
      resolved.miss = head == "super()" ? Miss::outside : Miss::unknown_object;
      return resolved;
    }
    if (name.find('.') != std::string::npos) {  // self.client.get(...): an attribute's type is unknown
      resolved.miss = Miss::unknown_object;
      return resolved;
    }
    bool outside = false;
    resolved.target = method_of(frame.self, name, head == "super()" ? &frame.owner : nullptr, outside);
    if (!resolved.target) resolved.miss = outside ? Miss::outside : Miss::not_a_method;
    return resolved;
  }
  if (callee == "getattr" || callee == "operator.methodcaller" || callee == "methodcaller") {
    resolved.miss = Miss::dynamic;
    return resolved;
  }
  if (!may_be_bound(path, head)) {  // a local, a parameter or a builtin: nothing to resolve
    resolved.miss = callee.size() == head.size() ? Miss::outside : Miss::unknown_object;
    return resolved;
  }
  resolve::Symbol symbol = graph::follow_name_aliases(resolver_.resolve(path, callee), resolver_);
  std::string method;
  if (symbol.kind == resolve::Symbol::Kind::unresolved && callee.find('.') != std::string::npos) {
    const auto [owner, last] = split_last(callee);  // Factories.store_event(...): a method of a class
    const resolve::Symbol of = graph::follow_name_aliases(resolver_.resolve(path, owner), resolver_);
    if (of.kind == resolve::Symbol::Kind::class_ || of.kind == resolve::Symbol::Kind::pending) {
      symbol = of;
      method = last;
    } else if (of.kind == resolve::Symbol::Kind::unresolved || of.kind == resolve::Symbol::Kind::alias) {
      resolved.miss = Miss::unknown_object;  // client.query(...): a local, a parameter or a module-level object
      return resolved;
    }
  }
  if (symbol.kind == resolve::Symbol::Kind::pending) {
    resolved.miss = Miss::pending;  // its file is parsed in the next wave, and the test analysed again
    return resolved;
  }
  if (symbol.kind == resolve::Symbol::Kind::function) {
    if (const FunctionFacts* function = resolver_.function_of(symbol)) {
      resolved.target = Target{function, symbol.path, {}};
    }
  } else if (symbol.kind == resolve::Symbol::Kind::class_) {
    if (const auto cls = class_ref(symbol)) {  // a constructor runs __init__; Cls.m(...) a class or static method
      bool outside = false;
      resolved.target = method_of(*cls, method.empty() ? "__init__" : method, nullptr, outside);
    }
  }
  if (!resolved.target) resolved.miss = Miss::outside;
  return resolved;
}

std::vector<std::string> CallWalker::lookups_of(const Resolved& resolved, const std::string& callee,
                                                const std::string& path, const WalkFrame& frame) const {
  if (!resolved.through_self) return lookups_of(callee, path);
  // `self.m()`: patch.object on the class that defines m, or on the test's class, replaces it.
  const std::string name = callee.substr(callee.find('.') + 1);
  const ClassRef& owner = resolved.target->frame.owner;
  return {module_of(owner.path) + "." + owner.facts->qualname + "." + name,
          module_of(frame.self.path) + "." + frame.self.facts->qualname + "." + name};
}

std::vector<std::string> CallWalker::lookups_of(const std::string& callee, const std::string& path) const {
  // What `mock.patch` would have to name to replace this call: the name in the calling module, and
  // the attribute path through what its first name is bound to (`snuba.raw_query` after `from
  // sentry.utils import snuba` → sentry.utils.snuba.raw_query).
  const std::string_view head = head_of(callee);
  std::vector<std::string> lookups{module_of(path) + "." + std::string(head)};
  if (const FileFacts* file = resolver_.store().get(path); file != nullptr && head.size() != callee.size()) {
    lookups.push_back(resolver_.qualify(*file, callee));
  }
  return lookups;
}

CallWalker::Resolved CallWalker::resolve_decorator(const Decorator& decorator, const std::string& path) {
  Resolved resolved;
  if (decorator.expression.kind != Value::Kind::name) return resolved;  // a call: among the body's calls
  return resolved_in_module(decorator.name, path);
}

const CallWalker::Resolved& CallWalker::resolved_in_module(const std::string& callee, const std::string& path) {
  // Keyed by views into the store's facts, which never move: many tests of a file call the same helpers.
  auto& in_file = module_calls_[path];
  if (const auto known = in_file.find(callee); known != in_file.end()) return known->second;
  Resolved resolved = resolve_call(callee, path, {});
  if (resolved.miss == Miss::pending) {  // asked again after the next wave: not kept
    pending_ = std::move(resolved);
    return pending_;
  }
  return in_file.emplace(callee, std::move(resolved)).first->second;
}

void CallWalker::note_stop(Summary& into, const std::string& where, const std::string& callee, Miss miss) const {
  if (!limits_.record_stops || into.stops.size() >= kMaxStops) return;
  std::string why;
  switch (miss) {
    case Miss::unknown_object: why = "a call on an object whose type is not known statically"; break;
    case Miss::not_a_method: why = "no class in `self`'s MRO defines it as a method (an attribute or property?)"; break;
    case Miss::dynamic: why = "dynamic dispatch"; break;
    default: return;  // outside the repository, or in a file the next wave parses
  }
  into.stops.push_back(fmt::format("{}: `{}` not followed: {}", where, callee, why));
}

void CallWalker::follow_body(const BodyUses& uses, const std::vector<Decorator>* decorators, const std::string& path,
                             const WalkFrame& frame, int depth_left, const std::string& where, Summary& into) {
  std::vector<const FunctionFacts*> entered;  // few per body: a scan beats a hash set
  bool budget_noted = false;
  const auto follow = [&](const Resolved& resolved, const std::string& callee, SourceLocation at) {
    into.uses_self = into.uses_self || resolved.through_self;
    const auto site = [&] { return fmt::format("{}:{}", path, at.line); };
    if (!resolved.target) {
      if (limits_.record_stops) note_stop(into, site() + where, callee, resolved.miss);
      return;
    }
    if (std::find(entered.begin(), entered.end(), resolved.target->function) != entered.end()) return;
    entered.push_back(resolved.target->function);
    if (depth_left <= 0) {
      if (limits_.record_stops && into.stops.size() < kMaxStops) {
        into.stops.push_back(fmt::format("{}{}: `{}` not followed: the call depth limit ({}) is reached before {}", site(),
                                         where, callee, limits_.call_depth, describe(*resolved.target)));
      }
      return;
    }
    if (into.work >= static_cast<std::uint32_t>(limits_.call_budget)) {
      if (!budget_noted && limits_.record_stops && into.stops.size() < kMaxStops) {
        into.stops.push_back(fmt::format("{}{}: `{}` and later calls not followed: the work bound ({} functions) is reached",
                                         site(), where, callee, limits_.call_budget));
      }
      budget_noted = true;
      return;
    }
    const Summary& below = summary(*resolved.target, depth_left);
    into.work = saturating_add(into.work, below.work);
    if (resolved.target->frame.self == frame.self && frame.self.facts != nullptr) {
      into.uses_self = into.uses_self || below.uses_self;
    }
    if (!below.found.empty()) {  // names and patch targets only for what was found
      const std::string hop_name = describe(*resolved.target);
      const std::vector<std::string> lookups = lookups_of(resolved, callee, path, frame);
      for (const Found& found : below.found) {
        Found hop = found;
        hop.reason.via.insert(hop.reason.via.begin(), hop_name);
        hop.lookups.insert(hop.lookups.end(), lookups.begin(), lookups.end());
        into.found.push_back(std::move(hop));
      }
    }
    for (const std::string& stop : below.stops) {
      if (into.stops.size() < kMaxStops) into.stops.push_back(stop);
    }
  };
  for (const CallUse& call : uses.calls) {
    const std::string_view head = head_of(call.name);
    if (head == "self" || head == "cls" || head == "super()") {
      follow(resolve_call(call.name, path, frame), call.name, call.location);
    } else {
      follow(resolved_in_module(call.name, path), call.name, call.location);
    }
  }
  if (decorators == nullptr) return;
  for (const Decorator& decorator : *decorators) {
    if (decorator.expression.kind == Value::Kind::name) follow(resolve_decorator(decorator, path), decorator.name, decorator.location);
  }
}

namespace {

/// Keep one of the findings of the same evidence: the shortest chain, cut by a patch only when
/// every chain to it is (the names common to all of them).
template <typename FoundT>
void compact(std::vector<FoundT>& found) {
  const auto key = [](const FoundT& f) {
    const Reason& r = f.reason;
    return std::tie(r.service, r.signal, r.evidence, r.path, r.line, r.column);
  };
  std::stable_sort(found.begin(), found.end(), [&](const FoundT& a, const FoundT& b) {
    if (key(a) != key(b)) return key(a) < key(b);
    return a.reason.via.size() < b.reason.via.size();
  });
  std::vector<FoundT> kept;
  for (FoundT& f : found) {
    if (!kept.empty() && key(kept.back()) == key(f)) {
      std::vector<std::string>& common = kept.back().lookups;
      std::erase_if(common, [&](const std::string& name) {
        return std::find(f.lookups.begin(), f.lookups.end(), name) == f.lookups.end();
      });
      continue;
    }
    kept.push_back(std::move(f));
  }
  found = std::move(kept);
}

}  // namespace

const CallWalker::Summary& CallWalker::summary(const Target& target, int depth_left) {
  const Key unbound{target.function, nullptr, nullptr, depth_left};
  if (const auto known = summaries_.find(unbound); known != summaries_.end()) return known->second;
  const Key bound{target.function, target.frame.self.facts, target.frame.owner.facts, depth_left};
  if (const auto known = summaries_.find(bound); known != summaries_.end()) return known->second;

  Summary result;
  result.work = 1;
  std::vector<Reason> own;
  add_body(target.function->uses, {target.path, {}, {}}, resolver_, matcher_, BodyMatches::inferred, own);
  for (Reason& reason : own) {
    std::vector<std::string> lookups;  // a matched call can itself be what a test patches
    if (reason.signal == EvidenceKind::call && !reason.via.empty()) lookups = lookups_of(reason.via.back(), target.path);
    result.found.push_back({std::move(reason), std::move(lookups)});
  }
  follow_body(target.function->uses, &target.function->decorators, target.path, target.frame, depth_left - 1,
              limits_.record_stops ? " in " + describe(target) : std::string(), result);
  compact(result.found);
  // A summary that never looked at `self` is the same for every class: kept once for all.
  return summaries_.emplace(result.uses_self ? bound : unbound, std::move(result)).first->second;
}

void CallWalker::walk(const WalkRoot& root, std::vector<Reason>& out, std::vector<std::string>* stops) {
  if (limits_.call_depth <= 0 || root.uses == nullptr) return;
  Summary below;
  follow_body(*root.uses, root.decorators, root.path, root.frame, limits_.call_depth, "", below);
  compact(below.found);
  for (Found& found : below.found) {
    if (root.patched != nullptr && std::any_of(found.lookups.begin(), found.lookups.end(),
                                               [&](const std::string& name) { return root.patched->contains(name); })) {
      continue;
    }
    std::vector<std::string> via = root.via;
    via.insert(via.end(), found.reason.via.begin(), found.reason.via.end());
    found.reason.via = std::move(via);
    out.push_back(std::move(found.reason));
  }
  if (stops != nullptr) stops->insert(stops->end(), below.stops.begin(), below.stops.end());
}

std::unordered_set<std::string> CallWalker::patched_names(const std::vector<Decorator>& decorators,
                                                          const std::string& path) {
  std::unordered_set<std::string> names;
  const FileFacts* file = resolver_.store().get(path);
  for (const Decorator& decorator : decorators) {
    const Value& call = decorator.expression;
    if (call.kind != Value::Kind::call || call.items.empty()) continue;
    const std::string_view name = call.text;
    const bool patch = name == "patch" || name.ends_with(".patch");
    const bool patch_object = name == "patch.object" || name.ends_with(".patch.object");
    if (patch && call.items[0].kind == Value::Kind::string) {
      names.insert(call.items[0].text);
    } else if (patch_object && call.items.size() >= 2 && call.items[0].kind == Value::Kind::name &&
               call.items[1].kind == Value::Kind::string) {
      const resolve::Symbol target = resolver_.resolve(path, call.items[0].text);
      const std::string owner = target.found() ? target.qualified
                                : file != nullptr ? resolver_.qualify(*file, call.items[0].text)
                                                  : call.items[0].text;
      names.insert(owner + "." + call.items[1].text);
    }
  }
  return names;
}

}  // namespace testtier::classify_stage
