#include "classify/body_matches.hpp"

#include <algorithm>

namespace testtier::classify_stage {
namespace {

/// Drop the declaring signals of `matches` when only inferred ones count.
std::vector<SignalMatch> counted(std::vector<SignalMatch> matches, BodyMatches which) {
  if (which == BodyMatches::inferred) {
    std::erase_if(matches, [](const SignalMatch& match) { return match.signal->declared; });
  }
  return matches;
}

}  // namespace

void add_matches(const std::vector<SignalMatch>& matches, const Site& site, std::vector<Reason>& out) {
  for (const SignalMatch& match : matches) {
    for (const std::string& service : match.signal->needs) {
      Reason reason;
      reason.service = service;
      reason.signal = match.signal->kind;
      reason.evidence = match.pattern;
      reason.path = site.path;
      reason.line = site.at.line;
      reason.column = site.at.column;
      reason.via = site.via;
      reason.declared = match.signal->declared;
      reason.by_last_name = site.by_last_name;
      out.push_back(std::move(reason));
    }
  }
}

void add_import(const Import& import, const Site& where, resolve::Resolver& resolver, const SignalMatcher& matcher,
                BodyMatches which, std::vector<Reason>& out) {
  if (import.type_only) return;
  const std::string module = resolver.import_module(where.path, import);
  std::vector<SignalMatch> matches = matcher.import(module);
  if (matches.empty() && !import.name.empty() && import.name != "*") matches = matcher.import(module + "." + import.name);
  add_matches(counted(std::move(matches), which), {where.path, import.location, where.via}, out);
}

bool holds_no_uses(const BodyUses& uses) {
  return uses.settings.empty() && uses.calls.empty() && uses.imports.empty() && uses.envs.empty();
}

void add_body(const BodyUses& uses, const Site& where, resolve::Resolver& resolver, const SignalMatcher& matcher,
              BodyMatches which, std::vector<Reason>& out) {
  for (const SettingUse& setting : uses.settings) {
    add_matches(counted(matcher.setting(setting), which), {where.path, setting.location, where.via}, out);
  }
  const FileFacts* file = nullptr;
  for (const CallUse& call : uses.calls) {
    std::string qualified;
    if (matcher.call_wants_qualified(call.name)) {
      if (file == nullptr) file = resolver.store().get(where.path);
      if (file != nullptr) qualified = resolver.qualify(*file, call.name);
    }
    std::vector<SignalMatch> matches =
        counted(matcher.call(call.name, qualified.empty() ? std::string_view(call.name) : qualified), which);
    if (matches.empty()) continue;
    Site site{where.path, call.location, where.via};
    if (which == BodyMatches::inferred) site.via.push_back(call.name);
    add_matches(matches, site, out);
  }
  for (const Import& import : uses.imports) add_import(import, where, resolver, matcher, which, out);
  for (const EnvUse& env : uses.envs) {
    add_matches(counted(matcher.env(env.name), which), {where.path, env.location, where.via}, out);
  }
}

}  // namespace testtier::classify_stage
