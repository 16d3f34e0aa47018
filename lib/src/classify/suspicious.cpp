#include "classify/suspicious.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "classify/signal_matcher.hpp"

namespace testtier::classify_stage {
namespace {

std::vector<std::string> all_calls(const FileFacts& file) {
  std::vector<std::string> calls;
  const auto take = [&](const BodyUses& uses) {
    for (const CallUse& call : uses.calls) calls.push_back(call.name);
  };
  take(file.module_uses);
  for (const FunctionFacts& function : file.functions) take(function.uses);
  for (const ClassFacts& cls : file.classes) {
    take(cls.uses);
    for (const FunctionFacts& method : cls.methods) take(method.uses);
  }
  return calls;
}

bool declares(const std::vector<Reason>& reasons, const std::string& service) {
  return std::any_of(reasons.begin(), reasons.end(),
                     [&](const Reason& r) { return r.service == service && r.declared; });
}

bool matches_rule(const SuspiciousRule& rule, const std::string& module, const Import& import) {
  return std::any_of(rule.imports.begin(), rule.imports.end(), [&](const std::string& prefix) {
    if (is_module_or_under(module, prefix)) return true;
    return !import.name.empty() && import.name != "*" && is_module_or_under(module + "." + import.name, prefix);
  });
}

/// Return whether the binding of `import` is called: `name(...)` or `name.attr(...)`.
bool is_called(const Import& import, const std::string& module, const std::vector<std::string>& calls) {
  const std::string bound = import.name.empty() && import.bound_as == module.substr(0, import.bound_as.size())
                                ? module
                                : import.bound_as;
  if (bound.empty()) return false;
  return std::any_of(calls.begin(), calls.end(), [&](const std::string& call) {
    return call == bound || call.starts_with(bound + ".");
  });
}

}  // namespace

std::vector<SuspiciousImport> suspicious_imports(const FileFacts& file, const std::vector<Reason>& reasons,
                                                 const Rules& rules, const resolve::Resolver& resolver) {
  std::map<std::tuple<std::uint32_t, std::string, std::string>, SuspiciousImport> found;
  std::vector<std::string> calls;
  for (const SuspiciousRule& rule : rules.suspicious) {
    if (declares(reasons, rule.service)) continue;
    for (const Import& import : file.imports) {
      const std::string module = resolver.import_module(file.path, import);
      if (module.empty() || !matches_rule(rule, module, import)) continue;
      if (calls.empty()) calls = all_calls(file);
      SuspiciousImport& entry = found[{import.location.line, module, rule.service}];
      entry.module = module;
      entry.line = import.location.line;
      entry.service = rule.service;
      if (!import.name.empty()) entry.names.push_back(import.name);
      entry.called = entry.called || is_called(import, module, calls);
    }
  }
  std::vector<SuspiciousImport> result;
  for (auto& [key, entry] : found) result.push_back(std::move(entry));
  return result;
}

}  // namespace testtier::classify_stage
