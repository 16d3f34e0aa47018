#include "resolve/symbols.hpp"

#include <array>
#include <algorithm>

namespace testtier::resolve {
namespace {

constexpr int kMaxDepth = 64;

// Builtins that appear as bases; anything else unbound is unresolved.
constexpr std::array<std::string_view, 10> kBuiltinBases = {
    "object", "Exception", "BaseException", "ValueError", "RuntimeError", "TypeError",
    "dict", "list", "str", "int"};

std::pair<std::string_view, std::string_view> split_head(std::string_view dotted) {
  const std::size_t dot = dotted.find('.');
  if (dot == std::string_view::npos) return {dotted, {}};
  return {dotted.substr(0, dot), dotted.substr(dot + 1)};
}

Symbol make(Symbol::Kind kind, std::string path, std::string name, std::string qualified) {
  Symbol symbol;
  symbol.kind = kind;
  symbol.path = std::move(path);
  symbol.name = std::move(name);
  symbol.qualified = qualified;
  symbol.spellings.push_back(std::move(qualified));
  return symbol;
}

std::string module_or_path(const FileFacts& facts) {
  return facts.module.empty() ? facts.path : facts.module;
}

/// Put `spelling` before the symbol's own spellings unless it is there already.
void add_spelling(Symbol& symbol, std::string spelling) {
  if (std::find(symbol.spellings.begin(), symbol.spellings.end(), spelling) == symbol.spellings.end()) {
    symbol.spellings.insert(symbol.spellings.begin(), std::move(spelling));
  }
}

}  // namespace

Symbol Resolver::resolve(std::string_view path, std::string_view dotted) {
  Symbol result = resolve_guarded(path, dotted, 0);
  query_cache_.clear();
  return result;
}

Symbol Resolver::resolve_in_module(std::string_view module, std::string_view dotted) {
  Symbol result = in_module_guarded(module, dotted, 0);
  query_cache_.clear();
  return result;
}

std::string Resolver::import_module(std::string_view path, const Import& import) const {
  const ModuleIndex& modules = store_.modules();
  const auto absolute = absolute_module(modules.module_of(path), ModuleIndex::is_package_init(path),
                                        import.level, import.module);
  return absolute.value_or(std::string());
}

Symbol Resolver::resolve_guarded(std::string_view path, std::string_view dotted, int depth) {
  std::string key = std::string(path) + '\0' + std::string(dotted);
  if (const auto cached = cache_.find(key); cached != cache_.end()) return cached->second;
  if (const auto cached = query_cache_.find(key); cached != query_cache_.end()) {
    ++cut_short_;  // a cycle cut here, or an answer a cycle cut short: it depends on where the query began
    return cached->second;
  }
  if (depth > kMaxDepth) {
    ++cut_short_;
    return make(Symbol::Kind::unresolved, {}, {}, std::string(dotted));
  }
  query_cache_.emplace(key, make(Symbol::Kind::unresolved, {}, {}, std::string(dotted)));  // cycle guard
  const std::size_t cut_short_before = cut_short_;

  Symbol result = make(Symbol::Kind::unresolved, {}, {}, std::string(dotted));
  const FileFacts* facts = store_.get(path);
  const auto [head, rest] = split_head(dotted);
  if (facts == nullptr) {
    result.kind = Symbol::Kind::pending;
  } else if (Symbol local = local_definition(*facts, head, rest); local.kind != Symbol::Kind::unresolved) {
    result = std::move(local);
  } else {
    const auto& imports = names_of(*facts).imports;
    if (const auto bound = imports.find(head); bound != imports.end()) {
      result = through_import(path, *bound->second, rest, depth);
    } else {
      for (const Import& import : facts->imports) {
        if (import.name != "*" || import.in_function) continue;
        Symbol starred = in_module_guarded(import_module(path, import), dotted, depth + 1);
        if (starred.kind == Symbol::Kind::unresolved) continue;
        result = std::move(starred);
        break;
      }
      if (result.kind == Symbol::Kind::unresolved && rest.empty() &&
          std::find(kBuiltinBases.begin(), kBuiltinBases.end(), head) != kBuiltinBases.end()) {
        result = make(Symbol::Kind::external, {}, {}, "builtins." + std::string(head));
      }
    }
  }
  if (result.kind == Symbol::Kind::pending) {  // asked again after the next wave
    query_cache_.erase(key);
  } else if (cut_short_ == cut_short_before) {  // the same from any starting point: keep it
    query_cache_.erase(key);
    cache_.emplace(std::move(key), result);
  } else {  // keep it for this query only
    query_cache_[key] = result;
  }
  return result;
}

const Resolver::FileNames& Resolver::names_of(const FileFacts& facts) const {
  if (const auto found = names_.find(&facts); found != names_.end()) return found->second;
  FileNames names;
  for (const ClassFacts& cls : facts.classes) names.classes.emplace(cls.qualname, &cls);
  for (const FunctionFacts& function : facts.functions) names.functions.emplace(function.name, &function);
  for (const Alias& alias : facts.aliases) names.aliases.emplace(alias.name, &alias);
  for (const Import& import : facts.imports) {
    if (!import.in_function && import.name != "*") names.imports[import.bound_as] = &import;
  }
  return names_.emplace(&facts, std::move(names)).first->second;
}

Symbol Resolver::local_definition(const FileFacts& facts, std::string_view head,
                                  std::string_view rest) const {
  const std::string qualname = rest.empty() ? std::string(head) : std::string(head) + "." + std::string(rest);
  const FileNames& names = names_of(facts);
  if (const auto cls = names.classes.find(qualname); cls != names.classes.end()) {
    return make(Symbol::Kind::class_, facts.path, cls->second->qualname,
                module_or_path(facts) + "." + cls->second->qualname);
  }
  if (!rest.empty()) return make(Symbol::Kind::unresolved, {}, {}, qualname);
  if (const auto function = names.functions.find(head); function != names.functions.end()) {
    return make(Symbol::Kind::function, facts.path, function->second->name,
                module_or_path(facts) + "." + function->second->name);
  }
  if (const auto alias = names.aliases.find(head); alias != names.aliases.end()) {
    return make(Symbol::Kind::alias, facts.path, alias->second->name, module_or_path(facts) + "." + alias->second->name);
  }
  return make(Symbol::Kind::unresolved, {}, {}, qualname);
}

Symbol Resolver::through_import(std::string_view path, const Import& import, std::string_view rest,
                                int depth) {
  const std::string module = import_module(path, import);
  if (module.empty()) return make(Symbol::Kind::unresolved, {}, {}, std::string(rest));
  if (!import.name.empty()) return in_module_guarded(module, join_dotted(import.name, rest), depth + 1);
  // `import a.b` binds `a`; `import a.b as c` binds `c` to `a.b`.
  const bool binds_top = module == import.bound_as || module.starts_with(import.bound_as + ".");
  return in_module_guarded(binds_top ? import.bound_as : module, rest, depth + 1);
}

Symbol Resolver::in_module_guarded(std::string_view module, std::string_view dotted, int depth) {
  const ModuleIndex& modules = store_.modules();
  const std::string spelled = join_dotted(module, dotted);
  const std::string* file = modules.file_of(module);
  if (dotted.empty()) {
    if (file != nullptr) return make(Symbol::Kind::module, *file, {}, spelled);
    return make(modules.is_package_prefix(module) ? Symbol::Kind::module : Symbol::Kind::external, {}, {},
                spelled);
  }
  if (file != nullptr) {
    Symbol inside = resolve_guarded(*file, dotted, depth + 1);
    if (inside.kind != Symbol::Kind::unresolved) {
      if (inside.found()) add_spelling(inside, spelled);
      return inside;
    }
  }
  const auto [head, rest] = split_head(dotted);
  const std::string submodule = join_dotted(module, head);
  if (modules.file_of(submodule) != nullptr || modules.is_package_prefix(submodule)) {
    return in_module_guarded(submodule, rest, depth + 1);
  }
  if (file != nullptr || modules.is_package_prefix(module)) {
    return make(Symbol::Kind::unresolved, {}, {}, spelled);
  }
  return make(Symbol::Kind::external, {}, {}, spelled);
}

const ClassFacts* Resolver::class_of(const Symbol& symbol) const {
  if (symbol.kind != Symbol::Kind::class_) return nullptr;
  const auto found = store_.parsed().find(symbol.path);
  if (found == store_.parsed().end()) return nullptr;
  for (const ClassFacts& cls : found->second->classes) {
    if (cls.qualname == symbol.name) return &cls;
  }
  return nullptr;
}

const FunctionFacts* Resolver::function_of(const Symbol& symbol) const {
  if (symbol.kind != Symbol::Kind::function) return nullptr;
  const auto found = store_.parsed().find(symbol.path);
  if (found == store_.parsed().end()) return nullptr;
  for (const FunctionFacts& function : found->second->functions) {
    if (function.name == symbol.name) return &function;
  }
  return nullptr;
}

const Alias* Resolver::alias_of(const Symbol& symbol) const {
  if (symbol.kind != Symbol::Kind::alias) return nullptr;
  const auto found = store_.parsed().find(symbol.path);
  if (found == store_.parsed().end()) return nullptr;
  for (const Alias& alias : found->second->aliases) {
    if (alias.name == symbol.name) return &alias;
  }
  return nullptr;
}

}  // namespace testtier::resolve
