// Names as written in a file, resolved to what they denote across the repository: through
// `import`, `from ... import`, relative imports, `import *`, package re-exports and aliases.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "resolve/fact_store.hpp"
#include "testtier/facts.hpp"

namespace testtier::resolve {

/// What a name denotes.
struct Symbol {
  enum class Kind : std::uint8_t {
    class_,      ///< a class defined in the repository: `path`, `name` = its qualname
    function,    ///< a module-level function: `path`, `name`
    alias,       ///< a module-level alias (`NAME = value`): `path`, `name`
    module,      ///< a module of the repository: `path`
    external,    ///< outside the repository: `qualified` only (e.g. "django.test.TestCase")
    unresolved,  ///< bound nowhere, or not defined where it is imported from
    pending,     ///< lives in a file not parsed yet (now requested from the FactStore)
  };
  Kind kind = Kind::unresolved;
  std::string path;
  std::string name;
  /// The qualified name where it is defined ("sentry.testutils.cases.SnubaTestCase"); for an
  /// unresolved name the name as written.
  std::string qualified;
  /// Every qualified spelling it was reached through, re-exports first, `qualified` last
  /// ("sentry.testutils.SnubaTestCase", "sentry.testutils.cases.SnubaTestCase").
  std::vector<std::string> spellings;

  bool found() const { return kind != Kind::unresolved && kind != Kind::pending; }
};

/// Resolves names against the files of a FactStore, memoizing answers. One Resolver per wave:
/// answers that were pending are not cached, so they are asked again after the next wave.
/// An answer that a cycle (or the depth limit) cut short depends on where the lookup began, so it
/// is kept only until the query that asked ends; what a later query gets does not depend on it.
class Resolver {
 public:
  explicit Resolver(const FactStore& store) : store_(store) {}

  /// Resolve the dotted name `dotted` as written at module level in the file `path`.
  Symbol resolve(std::string_view path, std::string_view dotted);

  /// Resolve `dotted` (may be empty) as an attribute of module `module` (absolute).
  Symbol resolve_in_module(std::string_view module, std::string_view dotted);

  /// Return the absolute module that `import` (found in the file `path`) imports from.
  std::string import_module(std::string_view path, const Import& import) const;

  /// Return `dotted` as written in `file` with its first name replaced by what the file's imports
  /// bind it to (`ch.Client` → "clickhouse_driver.Client" after `import clickhouse_driver as ch`),
  /// or `dotted` itself when no import binds it. Reads `file`'s imports only, no other file.
  std::string qualify(const FileFacts& file, std::string_view dotted) const;

  /// Return the facts of a found class, function or alias symbol (nullptr otherwise).
  const ClassFacts* class_of(const Symbol& symbol) const;
  const FunctionFacts* function_of(const Symbol& symbol) const;
  const Alias* alias_of(const Symbol& symbol) const;
  /// Return every module-level alias of an alias symbol's name in its file, in source order: the
  /// branches of `try`/`except` and `if`/`else` that each bind it.
  std::vector<const Alias*> aliases_of(const Symbol& symbol) const;

  const FactStore& store() const { return store_; }

 private:
  Symbol resolve_guarded(std::string_view path, std::string_view dotted, int depth);
  Symbol in_module_guarded(std::string_view module, std::string_view dotted, int depth);
  Symbol last_binding(const FileFacts& facts, std::string_view path, std::string_view dotted, int depth);
  Symbol local_definition(const FileFacts& facts, std::string_view head, std::string_view rest,
                          SourceLocation& at) const;
  Symbol through_import(std::string_view path, const Import& import, std::string_view rest, int depth);

  /// The names one file binds at module level, by name: a file of n imports or classes costs n
  /// lookups, not n scans of n (views into the store's facts, which never move).
  struct FileNames {
    std::unordered_map<std::string_view, const ClassFacts*> classes;       ///< the first of each qualname
    std::unordered_map<std::string_view, const FunctionFacts*> functions;  ///< the first of each name
    std::unordered_map<std::string_view, const Alias*> aliases;            ///< the first of each name
    std::unordered_map<std::string_view, const Import*> imports;  ///< the last module-level import binding it
    std::vector<const Import*> stars;  ///< module-level star imports, in source order
  };
  const FileNames& names_of(const FileFacts& facts) const;
  /// Return the definition `symbol` names when it is of `kind`, from the index `defined`.
  template <typename Definition>
  const Definition* definition_of(const Symbol& symbol, Symbol::Kind kind,
                                  std::unordered_map<std::string_view, const Definition*> FileNames::*defined) const;

  const FactStore& store_;
  mutable std::unordered_map<const FileFacts*, FileNames> names_;
  std::unordered_map<std::string, Symbol> cache_;  ///< answers the same from any query
  /// The current query's other lookups: cycle guards of those being answered, and answers a cycle
  /// cut short.
  std::unordered_map<std::string, Symbol> query_cache_;
  std::size_t cut_short_ = 0;  ///< lookups answered by a cycle guard or the depth limit, so far
};

}  // namespace testtier::resolve
