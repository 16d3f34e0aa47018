#include "classify/evidence.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <tuple>
#include <unordered_set>

#include <fmt/format.h>

#include "classify/marks.hpp"

namespace testtier::classify_stage {
namespace {

// Methods that run around every test of a unittest or pytest class.
constexpr std::array<std::string_view, 8> kSetUpMethods = {
    "setUp", "setUpClass", "setUpTestData", "asyncSetUp", "setup_method", "setup_class",
    "setup", "setUpTestCase"};

void add(const std::vector<SignalMatch>& matches, const Site& site, std::vector<Reason>& out) {
  add_matches(matches, site, out);
}

std::string describe_class(const graph::ClassNode& node) {
  if (node.facts == nullptr) return node.qualified;
  return fmt::format("{} ({}:{})", node.qualname, node.path, node.facts->location.line);
}

/// Return the hops from `from` to `to` as "Name (path:line)" strings, `to` included.
std::vector<std::string> class_via(graph::ClassGraph& classes, graph::ClassId from, graph::ClassId to) {
  std::vector<std::string> via;
  for (const graph::ClassHop& hop : classes.chain(from, to)) via.push_back(describe_class(classes.node(hop.to)));
  return via;
}

/// Add the reasons of the calls, settings, imports and environment variables in one body written in
/// the file `where.path` (every signal: a body the test runs itself).
void add_uses(const BodyUses& uses, const Site& where, EvidenceContext& context, std::vector<Reason>& out) {
  add_body(uses, where, context.resolver, context.matcher, BodyMatches::all, out);
}

/// Return `id` as the call walk knows classes (no facts: outside the repository).
ClassRef class_ref(graph::ClassGraph& classes, std::optional<graph::ClassId> id) {
  if (!id) return {};
  const graph::ClassNode& node = classes.node(*id);
  return node.facts == nullptr ? ClassRef{} : ClassRef{node.facts, node.path};
}

/// Add the inferred reasons of the repository functions that `root`'s body calls.
void add_walk(const WalkRoot& root, EvidenceContext& context, std::vector<Reason>& out,
              std::vector<std::string>* stops) {
  context.walker.walk(root, out, stops);
}

/// Add the reasons of `decorators` (written in the file `where.path`) that `decorator` signals name,
/// each known by the qualified names it resolves to.
void add_decorators(const std::vector<Decorator>& decorators, const Site& where, EvidenceContext& context,
                    std::vector<Reason>& out) {
  if (!context.matcher.has(EvidenceKind::decorator)) return;
  for (const Decorator& decorator : decorators) {
    if (decorator.name.empty()) continue;
    const resolve::Symbol symbol = context.resolver.resolve(where.path, decorator.name);
    std::vector<std::string> spellings = symbol.found() || symbol.kind == resolve::Symbol::Kind::external
                                             ? symbol.spellings
                                             : std::vector<std::string>{decorator.name};
    add(context.matcher.decorator(spellings), {where.path, decorator.location, where.via}, out);
  }
}

/// The parametrize argument names of `function`: not fixtures, though they are parameters.
std::set<std::string> parametrized_names(const FunctionFacts& function) {
  std::set<std::string> names;
  for (const MarkUse& mark : function.marks) {
    if (mark.name != "parametrize" || mark.args.empty()) continue;
    std::string_view list = mark.args.front();
    while (!list.empty()) {
      const std::size_t comma = list.find(',');
      std::string_view name = list.substr(0, comma);
      while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
      while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
      if (!name.empty()) names.emplace(name);
      list = comma == std::string_view::npos ? std::string_view{} : list.substr(comma + 1);
    }
  }
  return names;
}

/// A mark as written somewhere that applies to the test, with the chain that brought it.
struct MarkSite {
  const MarkUse* mark;
  std::string path;
  std::vector<std::string> via;
};

/// Return the marks written on the test function itself (a base's method: with the class chain).
std::vector<MarkSite> function_marks(const CollectedTest& test, graph::ClassGraph& classes) {
  std::vector<MarkSite> sites;
  std::vector<std::string> method_via;
  if (test.cls && test.owner && *test.cls != *test.owner) method_via = class_via(classes, *test.cls, *test.owner);
  for (const MarkUse& mark : test.function->marks) sites.push_back({&mark, test.function_path, method_via});
  return sites;
}

/// Return the marks every test of class `cls` (or module function, without one) in `file` gets:
/// those of the class and its bases, then the collecting module's `pytestmark`.
std::vector<MarkSite> shared_marks(const FileFacts& file, std::optional<graph::ClassId> cls,
                                   graph::ClassGraph& classes) {
  std::vector<MarkSite> sites;
  if (cls) {
    for (const graph::ClassId ancestor : classes.mro(*cls)) {
      const graph::ClassNode& node = classes.node(ancestor);
      // The chain to an ancestor is a search: only for those with marks (a deep hierarchy has many without).
      if (node.facts == nullptr || node.facts->marks.empty()) continue;
      const std::vector<std::string> via = class_via(classes, *cls, ancestor);
      for (const MarkUse& mark : node.facts->marks) sites.push_back({&mark, node.path, via});
    }
  }
  for (const MarkUse& mark : file.module_marks) sites.push_back({&mark, file.path, {}});
  return sites;
}

/// Add the reasons of marks, and return the fixtures they request (`usefixtures`).
std::vector<graph::FixtureRequest> apply_marks(const std::vector<MarkSite>& sites, EvidenceContext& context,
                                               std::vector<Reason>& out) {
  std::vector<graph::FixtureRequest> requests;
  for (const MarkSite& site : sites) {
    for (const ResolvedMark& mark : resolve_marks(*site.mark, site.path, context.resolver)) {
      std::vector<std::string> via = site.via;
      via.insert(via.end(), mark.via.begin(), mark.via.end());
      if (mark.name == "usefixtures") {
        for (const std::string& name : mark.args) requests.push_back({name, mark.path, mark.location, via});
        continue;
      }
      add(context.matcher.marker(mark.name, mark.by_last_name), {mark.path, mark.location, via, mark.by_last_name},
          out);
    }
  }
  return requests;
}

/// Return the class a fixture method `def` is defined in, as the call walk knows classes.
ClassRef fixture_owner(const graph::FixtureDef& def, EvidenceContext& context) {
  if (def.owner.empty()) return {};
  const FileFacts* file = context.resolver.store().get(def.path);
  if (file == nullptr) return {};
  for (const ClassFacts& cls : file->classes) {
    if (cls.qualname == def.owner) return {&cls, def.path};
  }
  return {};
}

/// Add the reasons of every fixture reached from `requests` in `scope`, of the calls and settings in
/// those fixtures' bodies, and of what those bodies call (a method fixture's `self` being `cls`).
void add_closure_reasons(const std::vector<graph::FixtureRequest>& requests, const graph::FixtureScope& scope,
                         std::optional<graph::ClassId> cls, EvidenceContext& context, std::vector<Reason>& out,
                         std::vector<std::string>* stops) {
  const std::vector<graph::FixtureReach> reached = graph::fixture_closure(requests, scope, context.diagnostics);
  const bool walking = context.walker.limits().call_depth > 0;
  for (std::size_t i = 0; i < reached.size(); ++i) {
    const graph::FixtureReach& reach = reached[i];
    const auto matches = context.matcher.fixture(reach.name);
    const BodyUses* uses = reach.def != nullptr ? &reach.def->function->uses : nullptr;
    const bool walks = walking && uses != nullptr && (!uses->calls.empty() || !reach.def->function->decorators.empty());
    if (matches.empty() && (uses == nullptr || holds_no_uses(*uses)) && !walks) continue;
    std::vector<std::string> via = graph::fixture_via(reached, i);  // only for what may become a reason
    add(matches, {reach.path, reach.location, via}, out);
    if (uses != nullptr) {
      via.push_back(reach.def->describe());
      add_uses(*uses, {reach.def->path, {}, via}, context, out);
      const ClassRef owner = fixture_owner(*reach.def, context);
      const WalkFrame frame{owner.facts != nullptr ? class_ref(context.classes, cls) : ClassRef{}, owner};
      if (walks) add_walk({uses, &reach.def->function->decorators, reach.def->path, frame, via, nullptr}, context, out, stops);
    }
  }
}

/// Return the fixtures the test function asks for by parameter.
std::vector<graph::FixtureRequest> parameter_requests(const CollectedTest& test) {
  std::vector<graph::FixtureRequest> requests;
  const std::set<std::string> parametrized = parametrized_names(*test.function);
  for (const std::string& parameter : test.function->parameters) {
    if (parameter == "self" || parameter == "cls" || parametrized.contains(parameter)) continue;
    requests.push_back({parameter, test.function_path, test.function->location, {}});
  }
  return requests;
}

std::vector<graph::FixtureRequest> autouse_requests(const graph::FixtureScope& scope) {
  std::vector<graph::FixtureRequest> requests;
  for (const graph::FixtureDef* def : scope.autouse()) {
    requests.push_back({def->name, def->path, def->function->location, {}});
  }
  return requests;
}

void add_base_class_reasons(const FileFacts& file, graph::ClassId cls, EvidenceContext& context,
                            std::vector<Reason>& out) {
  std::set<std::string> services_found;
  for (const graph::ClassId ancestor : context.classes.mro(cls)) {
    const graph::ClassNode& node = context.classes.node(ancestor);
    const bool by_last_name = node.origin == graph::ClassNode::Origin::unresolved;
    for (const SignalMatch& match : context.matcher.base_class(node.spellings, by_last_name)) {
      const auto hops = context.classes.chain(cls, ancestor);
      std::vector<std::string> via;
      for (std::size_t i = 0; i < hops.size(); ++i) {
        if (!hops[i].reexported_as.empty()) via.push_back(fmt::format("{} (alias or re-export)", hops[i].reexported_as));
        if (i + 1 < hops.size()) via.push_back(describe_class(context.classes.node(hops[i].to)));
      }
      via.push_back(match.pattern);
      const SourceLocation at = hops.empty() ? context.classes.node(cls).facts->location : hops.front().location;
      std::vector<Reason> found;
      add({match}, {file.path, at, via, by_last_name}, found);
      for (Reason& reason : found) {
        if (services_found.insert(reason.service).second) out.push_back(std::move(reason));
      }
    }
  }
}

void add_class_uses(graph::ClassId cls, EvidenceContext& context, std::vector<Reason>& out,
                    std::vector<std::string>* stops) {
  for (const graph::ClassId ancestor : context.classes.mro(cls)) {
    const graph::ClassNode& node = context.classes.node(ancestor);
    if (node.facts == nullptr) continue;
    const bool has_set_up = std::any_of(node.facts->methods.begin(), node.facts->methods.end(), [](const FunctionFacts& m) {
      return std::find(kSetUpMethods.begin(), kSetUpMethods.end(), m.name) != kSetUpMethods.end();
    });
    if (holds_no_uses(node.facts->uses) && node.facts->decorators.empty() && !has_set_up) {
      continue;  // nothing to find: spare the chain search
    }
    const std::vector<std::string> via = class_via(context.classes, cls, ancestor);
    add_uses(node.facts->uses, {node.path, {}, via}, context, out);
    add_decorators(node.facts->decorators, {node.path, {}, via}, context, out);
    add_walk({&node.facts->uses, &node.facts->decorators, node.path, {}, via, nullptr}, context, out, stops);
    const WalkFrame frame{class_ref(context.classes, cls), {node.facts, node.path}};
    for (const FunctionFacts& method : node.facts->methods) {
      if (std::find(kSetUpMethods.begin(), kSetUpMethods.end(), method.name) == kSetUpMethods.end()) continue;
      std::vector<std::string> method_via = via;
      method_via.push_back(fmt::format("{}.{} ({}:{})", node.qualname, method.name, node.path, method.location.line));
      add_uses(method.uses, {node.path, {}, method_via}, context, out);
      add_walk({&method.uses, &method.decorators, node.path, frame, method_via, nullptr}, context, out, stops);
    }
  }
}

/// Return the names the test's `mock.patch` decorators (on the function and its classes) patch.
std::unordered_set<std::string> test_patches(const CollectedTest& test, EvidenceContext& context) {
  std::unordered_set<std::string> patched = context.walker.patched_names(test.function->decorators, test.function_path);
  if (!test.cls) return patched;
  for (const graph::ClassId ancestor : context.classes.mro(*test.cls)) {
    const graph::ClassNode& node = context.classes.node(ancestor);
    if (node.facts == nullptr || node.facts->decorators.empty()) continue;
    patched.merge(context.walker.patched_names(node.facts->decorators, node.path));
  }
  return patched;
}

}  // namespace

void normalize(std::vector<Reason>& reasons) {
  const auto key = [](const Reason& r) {
    return std::tie(r.service, r.path, r.line, r.column, r.signal, r.evidence, r.via, r.declared, r.by_last_name);
  };
  std::sort(reasons.begin(), reasons.end(), [&](const Reason& a, const Reason& b) { return key(a) < key(b); });
  reasons.erase(std::unique(reasons.begin(), reasons.end()), reasons.end());
}

const SharedEvidence& EvidenceContext::shared(const FileFacts& file, std::optional<graph::ClassId> cls) {
  auto& slot = shared_[{file.path, cls}];
  if (slot) return *slot;
  slot = std::make_unique<SharedEvidence>();
  add(matcher.path(file.path), {file.path, {}, {}}, slot->reasons);
  const std::vector<Reason>& at_import = module_level(file);
  slot->reasons.insert(slot->reasons.end(), at_import.begin(), at_import.end());
  slot->mark_requests = apply_marks(shared_marks(file, cls, classes), *this, slot->reasons);
  slot->scope = &scopes.scope(file.path, cls);
  slot->autouse = autouse_requests(*slot->scope);
  if (cls) {
    add_base_class_reasons(file, *cls, *this, slot->reasons);
    add_class_uses(*cls, *this, slot->reasons, &slot->walk_stops);
  }
  std::vector<graph::FixtureRequest> requests = slot->mark_requests;
  requests.insert(requests.end(), slot->autouse.begin(), slot->autouse.end());
  add_closure_reasons(requests, *slot->scope, cls, *this, slot->closure_reasons, &slot->closure_walk_stops);
  return *slot;
}

std::vector<Reason> test_reasons(const FileFacts& file, const CollectedTest& test, EvidenceContext& context,
                                 std::vector<std::string>* stops) {
  const SharedEvidence& shared = context.shared(file, test.cls);
  std::vector<Reason> reasons = shared.reasons;
  if (stops != nullptr) stops->insert(stops->end(), shared.walk_stops.begin(), shared.walk_stops.end());
  // Requests in pytest's order: the function's marks, the class's and module's, parameters, autouse.
  std::vector<graph::FixtureRequest> requests = apply_marks(function_marks(test, context.classes), context, reasons);
  const std::vector<graph::FixtureRequest> parameters = parameter_requests(test);
  if (requests.empty() && parameters.empty()) {
    reasons.insert(reasons.end(), shared.closure_reasons.begin(), shared.closure_reasons.end());
    if (stops != nullptr) stops->insert(stops->end(), shared.closure_walk_stops.begin(), shared.closure_walk_stops.end());
  } else {
    requests.insert(requests.end(), shared.mark_requests.begin(), shared.mark_requests.end());
    requests.insert(requests.end(), parameters.begin(), parameters.end());
    requests.insert(requests.end(), shared.autouse.begin(), shared.autouse.end());
    add_closure_reasons(requests, *shared.scope, test.cls, context, reasons, stops);
  }
  std::vector<std::string> method_via;
  if (test.cls && test.owner && *test.owner != *test.cls) method_via = class_via(context.classes, *test.cls, *test.owner);
  add_uses(test.function->uses, {test.function_path, {}, method_via}, context, reasons);
  add_decorators(test.function->decorators, {test.function_path, {}, method_via}, context, reasons);
  if (context.walker.limits().call_depth > 0) {
    const std::unordered_set<std::string> patched = test_patches(test, context);
    const WalkFrame frame{class_ref(context.classes, test.cls), class_ref(context.classes, test.owner)};
    add_walk({&test.function->uses, &test.function->decorators, test.function_path, frame, method_via,
              patched.empty() ? nullptr : &patched},
             context, reasons, stops);
  }
  normalize(reasons);
  if (stops != nullptr) {
    std::sort(stops->begin(), stops->end());
    stops->erase(std::unique(stops->begin(), stops->end()), stops->end());
  }
  return reasons;
}

const std::vector<Reason>& EvidenceContext::module_level(const FileFacts& file) {
  auto [slot, added] = module_level_.try_emplace(file.path);
  if (!added) return slot->second;
  std::vector<Reason>& reasons = slot->second;
  add_uses(file.module_uses, {file.path, {}, {}}, *this, reasons);
  add_walk({&file.module_uses, nullptr, file.path, {}, {}, nullptr}, *this, reasons, nullptr);
  for (const Import& import : file.imports) {
    if (!import.in_function) add_import(import, {file.path, {}, {}}, resolver, matcher, BodyMatches::all, reasons);
  }
  normalize(reasons);
  return reasons;
}

std::vector<Reason> module_reasons(const FileFacts& file, EvidenceContext& context) {
  std::vector<Reason> reasons;
  add(context.matcher.path(file.path), {file.path, {}, {}}, reasons);
  std::vector<MarkSite> sites;
  for (const MarkUse& mark : file.module_marks) sites.push_back({&mark, file.path, {}});
  for (const graph::FixtureRequest& request : apply_marks(sites, context, reasons)) {
    add(context.matcher.fixture(request.name), {request.path, request.location, request.via}, reasons);
  }
  const std::vector<Reason>& at_import = context.module_level(file);
  reasons.insert(reasons.end(), at_import.begin(), at_import.end());
  normalize(reasons);
  return reasons;
}

}  // namespace testtier::classify_stage
