#include "classify/marks.hpp"

#include <fmt/format.h>

#include "classify/signal_matcher.hpp"

namespace testtier::classify_stage {
namespace {

// Hops through aliases and decorator functions before giving up (a chain this long is a cycle).
constexpr int kMaxHops = 16;

/// Follows a name to the marks it stands for, collecting them with their hops.
class MarkFollower {
 public:
  MarkFollower(const MarkUse& mark, const std::string& path, resolve::Resolver& resolver)
      : mark_(mark), path_(path), resolver_(resolver) {}

  std::vector<ResolvedMark> follow() {
    symbol(resolver_.resolve(path_, mark_.alias), {}, 0);
    if (found_.empty() && ended_unresolved_) {
      ResolvedMark resolved = written();
      resolved.name = std::string(last_segment(mark_.alias));
      resolved.by_last_name = true;
      found_.push_back(std::move(resolved));
    }
    return std::move(found_);
  }

 private:
  ResolvedMark written() const {
    ResolvedMark resolved;
    resolved.path = path_;
    resolved.location = mark_.location;
    return resolved;
  }

  void add(const std::string& name, const std::vector<std::string>& args, const std::vector<std::string>& via) {
    ResolvedMark resolved = written();
    resolved.name = name;
    resolved.args = args;
    resolved.via = via;
    found_.push_back(std::move(resolved));
  }

  void symbol(const resolve::Symbol& symbol, const std::vector<std::string>& via, int hops) {
    if (hops > kMaxHops) return;
    if (symbol.kind == resolve::Symbol::Kind::alias) return alias(symbol, via, hops);
    if (symbol.kind == resolve::Symbol::Kind::function) return function(symbol, via, hops);
    if (symbol.kind == resolve::Symbol::Kind::unresolved) ended_unresolved_ = true;
  }

  void alias(const resolve::Symbol& symbol, const std::vector<std::string>& via, int hops) {
    for (const Alias* alias : resolver_.aliases_of(symbol)) {
      std::vector<std::string> next = via;
      next.push_back(fmt::format("{} ({}:{})", alias->name, symbol.path, alias->location.line));
      if (!alias->mark.empty()) {
        add(alias->mark, alias->mark_args, next);
      } else if (!alias->value.text.empty()) {
        this->symbol(resolver_.resolve(symbol.path, alias->value.text), next, hops + 1);
      }
    }
  }

  /// A decorator function: the marks its body applies, and those of the aliases and functions
  /// of the repository it calls (`requires_snuba(func)` in a local wrapper).
  void function(const resolve::Symbol& symbol, const std::vector<std::string>& via, int hops) {
    const FunctionFacts* function = resolver_.function_of(symbol);
    if (function == nullptr) return;
    std::vector<std::string> next = via;
    next.push_back(fmt::format("{} ({}:{})", function->name, symbol.path, function->location.line));
    for (const MarkUse& applied : function->applied_marks) add(applied.name, applied.args, next);
    for (const CallUse& call : function->uses.calls) {
      if (call.name.starts_with("self.") || call.name.starts_with("cls.") || call.name == function->name) continue;
      const resolve::Symbol callee = resolver_.resolve(symbol.path, call.name);
      if (callee.kind == resolve::Symbol::Kind::alias || callee.kind == resolve::Symbol::Kind::function) {
        this->symbol(callee, next, hops + 1);
      }
    }
  }

  const MarkUse& mark_;
  const std::string& path_;
  resolve::Resolver& resolver_;
  std::vector<ResolvedMark> found_;
  bool ended_unresolved_ = false;
};

}  // namespace

std::vector<ResolvedMark> resolve_marks(const MarkUse& mark, const std::string& path, resolve::Resolver& resolver) {
  if (mark.name.empty()) return MarkFollower(mark, path, resolver).follow();
  ResolvedMark resolved;
  resolved.name = mark.name;
  resolved.args = mark.args;
  resolved.path = path;
  resolved.location = mark.location;
  return {std::move(resolved)};
}

}  // namespace testtier::classify_stage
