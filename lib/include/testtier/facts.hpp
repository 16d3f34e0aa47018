// FileFacts: everything the parse stage learns about one Python file, as plain values.
// Later stages (resolve, graph, classify, lint) read only these; no syntax tree outlives its file.
//
// Public, though a classify() or lint() caller never needs it: the parse stage is an API of its
// own (DESIGN.md's pipeline). `testtier facts` and other tools (an editor plugin, a custom
// classifier) get a file's facts through extract_facts() (parse.hpp) and facts_to_json()
// (facts_json.hpp) without running the rest. These are plain values with no dependency beyond
// the standard library; their JSON form is versioned (`testtier-facts/vN`), the struct is not.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "testtier/diagnostic.hpp"

namespace testtier {

/// A literal-ish Python expression, kept as far as the parse stage can read it statically.
/// Anything else is `Kind::other` with its source text.
struct Value {
  /// What the expression is, as far as it can be read statically.
  enum class Kind : std::uint8_t { none, boolean, number, string, name, call, list, dict, other };

  Kind kind = Kind::other;
  /// string: the decoded literal; number/boolean/other: the source text; name: the dotted name
  /// (`pytest.mark.snuba`); call: the callee's dotted name (empty when not a dotted name).
  std::string text;
  /// list/tuple/set: the items; call: the positional arguments; dict: keys and values alternating.
  std::vector<Value> items;
  /// call: the keyword arguments in source order.
  std::vector<std::pair<std::string, Value>> keywords;
  SourceLocation location;

  friend bool operator==(const Value&, const Value&) = default;
};

/// One imported binding: `import a.b` binds `a` (module `a.b`), `from .x import Y as Z` binds `Z`.
struct Import {
  std::string module;     ///< dotted module as written, without leading dots ("" for `from . import x`)
  int level = 0;          ///< leading dots of a relative import (0 for absolute)
  std::string name;       ///< imported name for `from` imports ("*" for star imports), else ""
  std::string bound_as;   ///< local name this import binds ("" for star imports)
  bool type_only = false; ///< under `if TYPE_CHECKING:` (or `typing.TYPE_CHECKING`)
  bool in_function = false;  ///< inside a function body rather than at module or class level
  SourceLocation location;

  friend bool operator==(const Import&, const Import&) = default;
};

/// A pytest mark applied to a function or class, or a name that may be an alias of one.
struct MarkUse {
  /// Where the mark was written.
  enum class Origin : std::uint8_t { decorator, pytestmark, parametrize };

  /// Mark name when written as `pytest.mark.NAME` / `mark.NAME` (mark imported from pytest),
  /// e.g. "snuba", "django_db", "usefixtures"; empty when `alias` is set instead.
  std::string name;
  /// A dotted name that is not spelled as a mark (`requires_snuba`, `skips.requires_snuba`):
  /// a later stage resolves it through module-level aliases, maybe in another file.
  std::string alias;
  /// Literal string arguments: the fixture names of `usefixtures("a", "b")`.
  std::vector<std::string> args;
  /// The whole expression, for marks whose keyword arguments matter (`django_db(databases=...)`).
  Value expression;
  Origin origin = Origin::decorator;
  SourceLocation location;

  friend bool operator==(const MarkUse&, const MarkUse&) = default;
};

/// A decorator: its dotted name (the callee when it is a call) and its expression.
struct Decorator {
  std::string name;  ///< dotted name, e.g. "pytest.fixture", "override_settings", "" if not dotted
  Value expression;
  SourceLocation location;

  friend bool operator==(const Decorator&, const Decorator&) = default;
};

/// A settings override with a key and, where it is a string literal, its value.
struct SettingUse {
  /// The settings API used: `override_settings(K=...)` (decorator, context manager or call),
  /// `self.settings(K=...)`, `self.options({...})`, `override_options({...})`, or an assignment
  /// `settings.K = ...` / `settings["K"] = ...` (`settings` bare, as django.conf's or pytest-django's
  /// fixture, or `django.conf.settings` / `conf.settings`). New values go last: caches store the number.
  enum class Via : std::uint8_t { override_settings, settings, options, override_options, assignment };

  std::string key;
  std::string value;       ///< the literal string value ("" when not a string literal)
  bool literal = false;    ///< whether `value` is a literal string
  Via via = Via::override_settings;
  SourceLocation location;

  friend bool operator==(const SettingUse&, const SettingUse&) = default;
};

/// A call by name: the callee as a dotted name (`store_event`, `self.store_event`, `snuba.raw_query`).
struct CallUse {
  std::string name;
  SourceLocation location;

  friend bool operator==(const CallUse&, const CallUse&) = default;
};

/// A read or write of an environment variable by a literal name: `os.environ["X"]` (read, assigned
/// or deleted), `"X" in os.environ`, `os.environ.get("X")`, `.setdefault("X", ...)`, `.pop("X")`,
/// `os.getenv("X")`; also spelled `environ` and `getenv` bare (after `from os import ...`). The
/// names are recognised by spelling only: an unrelated `environ` or `getenv` counts too (a safe
/// over-approximation). A name that is not a plain string literal (an f-string with fields, a
/// variable) is not recorded.
struct EnvUse {
  std::string name;        ///< the variable's name, e.g. "REDIS_URL"
  SourceLocation location; ///< where the expression (subscript, call or `in` test) starts

  friend bool operator==(const EnvUse&, const EnvUse&) = default;
};

/// What `@pytest.fixture(...)` says about a function.
struct FixtureInfo {
  std::string name;         ///< the fixture's name: `name=` when given, else the function's name
  bool autouse = false;
  std::string scope = "function";

  friend bool operator==(const FixtureInfo&, const FixtureInfo&) = default;
};

/// The evidence found in one body (module, class or function): calls, settings overrides, the
/// imports made inside a function body (also listed in `FileFacts::imports`, `in_function`), and
/// environment variables read or written.
struct BodyUses {
  std::vector<CallUse> calls;
  std::vector<SettingUse> settings;
  std::vector<Import> imports;
  std::vector<EnvUse> envs;

  friend bool operator==(const BodyUses&, const BodyUses&) = default;
};

/// A function or method.
struct FunctionFacts {
  std::string name;
  SourceLocation location;        ///< the `def` line (after decorators)
  std::uint32_t end_line = 0;
  bool is_async = false;
  std::vector<std::string> parameters;  ///< names in order, incl. `self`; no `*`/`**` markers
  std::vector<Decorator> decorators;
  std::vector<MarkUse> marks;
  bool is_fixture = false;
  FixtureInfo fixture;            ///< meaningful when `is_fixture`
  BodyUses uses;                  ///< calls, settings and env variables in the body and its decorators
  /// Marks the body applies to something (`return pytest.mark.django_db(...)(func)`): a function
  /// used as a decorator means them. Before pytest meaning is given: calls spelled like a mark.
  std::vector<MarkUse> applied_marks;

  friend bool operator==(const FunctionFacts&, const FunctionFacts&) = default;
};

/// A class, nested classes included (flattened, with `qualname` "Outer.Inner").
struct ClassFacts {
  std::string name;
  std::string qualname;
  SourceLocation location;        ///< the `class` line (after decorators)
  std::uint32_t end_line = 0;
  /// One positional base class as written.
  struct Base {
    std::string name;             ///< dotted as written, subscript stripped: `Base[T]` → "Base"
    SourceLocation location;
    friend bool operator==(const Base&, const Base&) = default;
  };
  std::vector<Base> bases;        ///< positional bases; keyword bases (`metaclass=`) are ignored
  std::vector<Decorator> decorators;
  std::vector<MarkUse> marks;     ///< from decorators and a class-level `pytestmark`
  std::vector<FunctionFacts> methods;
  BodyUses uses;                  ///< calls, settings and env variables in the class body outside methods

  friend bool operator==(const ClassFacts&, const ClassFacts&) = default;
};

/// A module-level `NAME = VALUE` whose value is a name, an attribute or a call of one
/// (`requires_snuba = pytest.mark.usefixtures("_requires_snuba")`), for cross-module resolution.
struct Alias {
  std::string name;
  Value value;
  /// The pytest mark the value spells, given how this file imports pytest ("usefixtures" for
  /// `pytest.mark.usefixtures("a")`, "django_db" for `mark.django_db(...)`); "" when none.
  std::string mark;
  std::vector<std::string> mark_args;  ///< the mark's literal string arguments
  SourceLocation location;

  friend bool operator==(const Alias&, const Alias&) = default;
};

/// A `# testtier: ignore` or `# testtier: ignore[TT001, TT002]` comment, or flake8's and ruff's
/// `# noqa` or `# noqa: TT001,E501`.
struct Suppression {
  SourceLocation location;            ///< where the comment starts
  std::vector<std::string> codes;     ///< empty: every code
  /// A `# noqa`: it silences its own line only (not a whole `def`), and its codes may be other
  /// tools' (`E501`), which silence no testtier finding.
  bool noqa = false;
  friend bool operator==(const Suppression&, const Suppression&) = default;
};

/// Everything learned from one file.
struct FileFacts {
  std::string path;                   ///< relative to the root, with '/'
  std::string module;                 ///< dotted module name ("" when outside every import root)
  std::uint64_t content_hash = 0;     ///< xxh64 of the file's bytes as read
  std::uint64_t size = 0;             ///< bytes as read
  std::vector<Import> imports;
  std::vector<ClassFacts> classes;    ///< in source order, nested classes after their parent
  std::vector<FunctionFacts> functions;  ///< module-level functions (fixtures included)
  std::vector<MarkUse> module_marks;  ///< module-level `pytestmark`
  std::vector<Alias> aliases;
  std::vector<std::string> pytest_plugins;  ///< module-level `pytest_plugins = [...]` string literals
  BodyUses module_uses;               ///< calls, settings and env variables at module level, outside any def/class
  std::vector<Suppression> suppressions;  ///< `# testtier: ignore[...]` and `# noqa` comments, in source order
  std::vector<Diagnostic> diagnostics;

  friend bool operator==(const FileFacts&, const FileFacts&) = default;
};

}  // namespace testtier
