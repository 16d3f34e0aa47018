#include "resolve/symbols.hpp"

#include <algorithm>
#include <array>
#include <optional>

namespace testtier::resolve {
namespace {

constexpr int kMaxDepth = 64;

// Python's builtin classes and exceptions (what `builtins` defines that a class can derive from),
// sorted for binary search. Anything else unbound is unresolved.
constexpr std::array<std::string_view, 95> kBuiltinClasses = {
    "ArithmeticError", "AssertionError", "AttributeError", "BaseException", "BaseExceptionGroup",
    "BlockingIOError", "BrokenPipeError", "BufferError", "BytesWarning", "ChildProcessError",
    "ConnectionAbortedError", "ConnectionError", "ConnectionRefusedError", "ConnectionResetError",
    "DeprecationWarning", "EOFError", "EncodingWarning", "EnvironmentError", "Exception",
    "ExceptionGroup", "FileExistsError", "FileNotFoundError", "FloatingPointError", "FutureWarning",
    "GeneratorExit", "IOError", "ImportError", "ImportWarning", "IndentationError", "IndexError",
    "InterruptedError", "IsADirectoryError", "KeyError", "KeyboardInterrupt", "LookupError",
    "MemoryError", "ModuleNotFoundError", "NameError", "NotADirectoryError", "NotImplementedError",
    "OSError", "OverflowError", "PendingDeprecationWarning", "PermissionError", "ProcessLookupError",
    "RecursionError", "ReferenceError", "ResourceWarning", "RuntimeError", "RuntimeWarning",
    "StopAsyncIteration", "StopIteration", "SyntaxError", "SyntaxWarning", "SystemError",
    "SystemExit", "TabError", "TimeoutError", "TypeError", "UnboundLocalError",
    "UnicodeDecodeError", "UnicodeEncodeError", "UnicodeError", "UnicodeTranslateError",
    "UnicodeWarning", "UserWarning", "ValueError", "Warning", "ZeroDivisionError", "bool",
    "bytearray", "bytes", "classmethod", "complex", "dict", "enumerate", "filter", "float",
    "frozenset", "int", "list", "map", "memoryview", "object", "property", "range", "reversed",
    "set", "slice", "staticmethod", "str", "super", "tuple", "type", "zip"};
static_assert(std::is_sorted(kBuiltinClasses.begin(), kBuiltinClasses.end()));

bool is_builtin_class(std::string_view name) {
  return std::binary_search(kBuiltinClasses.begin(), kBuiltinClasses.end(), name);
}

/// Return whether `a` is written before `b`.
bool before(const SourceLocation& a, const SourceLocation& b) {
  return a.line != b.line ? a.line < b.line : a.column < b.column;
}

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

std::string Resolver::qualify(const FileFacts& file, std::string_view dotted) const {
  const auto [head, rest] = split_head(dotted);
  const auto bound = std::find_if(file.imports.rbegin(), file.imports.rend(),
                                  [&](const Import& i) { return i.name != "*" && i.bound_as == head; });
  if (bound == file.imports.rend()) return std::string(dotted);
  const std::string module = import_module(file.path, *bound);
  if (module.empty()) return std::string(dotted);
  if (!bound->name.empty()) return join_dotted(join_dotted(module, bound->name), rest);
  const bool binds_top = module == bound->bound_as || module.starts_with(bound->bound_as + ".");
  return join_dotted(binds_top ? bound->bound_as : module, rest);
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
  if (const FileFacts* facts = store_.get(path); facts == nullptr) {
    result.kind = Symbol::Kind::pending;
  } else {
    result = last_binding(*facts, path, dotted, depth);
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

Symbol Resolver::last_binding(const FileFacts& facts, std::string_view path, std::string_view dotted, int depth) {
  const auto [head, rest] = split_head(dotted);
  // Every statement that may bind `head`, latest first: Python's answer is the last one that ran.
  // A local definition or an explicit import always binds; a star import binds only the names its
  // module defines, and one whose module lies outside the repository (or cannot be read) cannot
  // say, so it hides no name that another binding gives; it is the answer only when nothing else is.
  struct Binding {
    SourceLocation at;
    const Import* import = nullptr;  // null: the local definition
  };
  const FileNames& names = names_of(facts);
  std::vector<Binding> bindings;
  SourceLocation local_at;
  Symbol local = local_definition(facts, head, rest, local_at);
  if (local.kind != Symbol::Kind::unresolved) bindings.push_back({local_at, nullptr});
  if (const auto bound = names.imports.find(head); bound != names.imports.end()) {
    bindings.push_back({bound->second->location, bound->second});
  }
  for (const Import* star : names.stars) bindings.push_back({star->location, star});
  std::stable_sort(bindings.begin(), bindings.end(),
                   [](const Binding& a, const Binding& b) { return before(b.at, a.at); });
  std::optional<Symbol> outside;  // the latest star import from outside the repository
  for (const Binding& binding : bindings) {
    if (binding.import == nullptr) return local;
    if (binding.import->name != "*") return through_import(path, *binding.import, rest, depth);
    Symbol starred = in_module_guarded(import_module(path, *binding.import), dotted, depth + 1);
    if (starred.kind == Symbol::Kind::external) {
      if (!outside) outside = std::move(starred);
    } else if (starred.kind != Symbol::Kind::unresolved) {
      return starred;
    }
  }
  if (outside) return *outside;
  if (rest.empty() && is_builtin_class(head)) return make(Symbol::Kind::external, {}, {}, "builtins." + std::string(head));
  return make(Symbol::Kind::unresolved, {}, {}, std::string(dotted));
}

const Resolver::FileNames& Resolver::names_of(const FileFacts& facts) const {
  if (const auto found = names_.find(&facts); found != names_.end()) return found->second;
  FileNames names;
  for (const ClassFacts& cls : facts.classes) names.classes.emplace(cls.qualname, &cls);
  for (const FunctionFacts& function : facts.functions) names.functions.emplace(function.name, &function);
  for (const Alias& alias : facts.aliases) names.aliases.emplace(alias.name, &alias);
  for (const Import& import : facts.imports) {
    if (import.in_function) continue;
    if (import.name == "*") names.stars.push_back(&import);
    else names.imports[import.bound_as] = &import;
  }
  return names_.emplace(&facts, std::move(names)).first->second;
}

Symbol Resolver::local_definition(const FileFacts& facts, std::string_view head, std::string_view rest,
                                  SourceLocation& at) const {
  const std::string qualname = rest.empty() ? std::string(head) : std::string(head) + "." + std::string(rest);
  const FileNames& names = names_of(facts);
  if (const auto cls = names.classes.find(qualname); cls != names.classes.end()) {
    at = cls->second->location;
    return make(Symbol::Kind::class_, facts.path, cls->second->qualname,
                module_or_path(facts) + "." + cls->second->qualname);
  }
  if (!rest.empty()) return make(Symbol::Kind::unresolved, {}, {}, qualname);
  if (const auto function = names.functions.find(head); function != names.functions.end()) {
    at = function->second->location;
    return make(Symbol::Kind::function, facts.path, function->second->name,
                module_or_path(facts) + "." + function->second->name);
  }
  if (const auto alias = names.aliases.find(head); alias != names.aliases.end()) {
    at = alias->second->location;
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

template <typename Definition>
const Definition* Resolver::definition_of(
    const Symbol& symbol, Symbol::Kind kind,
    std::unordered_map<std::string_view, const Definition*> FileNames::*defined) const {
  if (symbol.kind != kind) return nullptr;
  const auto found = store_.parsed().find(symbol.path);
  if (found == store_.parsed().end()) return nullptr;
  const auto& named = names_of(*found->second).*defined;  // the first of each name, as a scan finds
  const auto definition = named.find(symbol.name);
  return definition == named.end() ? nullptr : definition->second;
}

const ClassFacts* Resolver::class_of(const Symbol& symbol) const {
  return definition_of(symbol, Symbol::Kind::class_, &FileNames::classes);
}

const FunctionFacts* Resolver::function_of(const Symbol& symbol) const {
  return definition_of(symbol, Symbol::Kind::function, &FileNames::functions);
}

const Alias* Resolver::alias_of(const Symbol& symbol) const {
  return definition_of(symbol, Symbol::Kind::alias, &FileNames::aliases);
}

std::vector<const Alias*> Resolver::aliases_of(const Symbol& symbol) const {
  std::vector<const Alias*> aliases;
  if (symbol.kind != Symbol::Kind::alias) return aliases;
  const auto found = store_.parsed().find(symbol.path);
  if (found == store_.parsed().end()) return aliases;
  for (const Alias& alias : found->second->aliases) {
    if (alias.name == symbol.name) aliases.push_back(&alias);
  }
  return aliases;
}

}  // namespace testtier::resolve
