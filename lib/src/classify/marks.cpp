#include "classify/marks.hpp"

#include <fmt/format.h>

#include "classify/signal_matcher.hpp"

namespace testtier::classify_stage {

std::optional<ResolvedMark> resolve_mark(const MarkUse& mark, const std::string& path,
                                         resolve::Resolver& resolver) {
  ResolvedMark resolved;
  resolved.path = path;
  resolved.location = mark.location;
  if (!mark.name.empty()) {
    resolved.name = mark.name;
    resolved.args = mark.args;
    return resolved;
  }
  resolve::Symbol symbol = resolver.resolve(path, mark.alias);
  for (int hops = 0; hops < 16 && symbol.kind == resolve::Symbol::Kind::alias; ++hops) {
    const Alias* alias = resolver.alias_of(symbol);
    if (alias == nullptr) break;
    resolved.via.push_back(fmt::format("{} ({}:{})", alias->name, symbol.path, alias->location.line));
    if (!alias->mark.empty()) {
      resolved.name = alias->mark;
      resolved.args = alias->mark_args;
      return resolved;
    }
    if (alias->value.text.empty()) break;
    symbol = resolver.resolve(symbol.path, alias->value.text);
  }
  if (symbol.kind != resolve::Symbol::Kind::unresolved) return std::nullopt;
  resolved.name = std::string(last_segment(mark.alias));
  resolved.by_last_name = true;
  return resolved;
}

}  // namespace testtier::classify_stage
