// How to declare a service the way the rules accept, for TT001 and TT002 messages.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "lint/checks.hpp"

namespace testtier::lint_stage {
namespace {

const Signal* first_declaring(const Rules& rules, const std::string& service, EvidenceKind kind) {
  for (const Signal& signal : rules.signals) {
    if (signal.kind == kind && signal.declared &&
        std::find(signal.needs.begin(), signal.needs.end(), service) != signal.needs.end()) {
      return &signal;
    }
  }
  return nullptr;
}

/// Return a module-level alias of `usefixtures(F)` for a fixture F of `fixture_signal`, with its module.
std::optional<std::pair<std::string, std::string>> usefixtures_alias(const Signal& fixture_signal,
                                                                      const resolve::FactStore& store) {
  std::map<std::string, const FileFacts*> sorted;
  for (const auto& [path, facts] : store.parsed()) sorted.emplace(path, facts.get());
  for (const auto& [path, facts] : sorted) {
    for (const Alias& alias : facts->aliases) {
      if (alias.mark != "usefixtures") continue;
      for (const std::string& fixture : alias.mark_args) {
        const auto& wanted = fixture_signal.patterns;
        if (std::find(wanted.begin(), wanted.end(), fixture) != wanted.end()) {
          return std::make_pair(alias.name, facts->module.empty() ? path : facts->module);
        }
      }
    }
  }
  return std::nullopt;
}

}  // namespace

std::string declaration_advice(const std::string& service, const Rules& rules, const resolve::FactStore& store) {
  const Signal* fixture = first_declaring(rules, service, EvidenceKind::fixture);
  if (fixture != nullptr) {
    if (const auto alias = usefixtures_alias(*fixture, store)) {
      return fmt::format("declare it: add `pytestmark = [{}]` (`from {} import {}`)", alias->first, alias->second,
                         alias->first);
    }
  }
  if (const Signal* marker = first_declaring(rules, service, EvidenceKind::marker)) {
    return fmt::format("declare it: add `@pytest.mark.{}` (or `pytestmark = [pytest.mark.{}]`)",
                       marker->patterns.front(), marker->patterns.front());
  }
  if (fixture != nullptr) {
    return fmt::format("declare it: add `@pytest.mark.usefixtures(\"{}\")`", fixture->patterns.front());
  }
  if (const Signal* base = first_declaring(rules, service, EvidenceKind::base_class)) {
    return fmt::format("declare it: inherit from `{}`", base->patterns.front());
  }
  if (const Signal* path = first_declaring(rules, service, EvidenceKind::path)) {
    return fmt::format("declare it: move the test under `{}`", path->patterns.front());
  }
  return fmt::format("no signal of the rules declares `{}`: add one, or mark the inferring signal `declared = true`",
                     service);
}

}  // namespace testtier::lint_stage
