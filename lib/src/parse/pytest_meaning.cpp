// Gives decorators and `pytestmark` values their pytest meaning, using how this file imports
// pytest (`import pytest as pt`, `from pytest import mark, fixture`).
#include <algorithm>
#include <array>
#include <set>
#include <type_traits>

#include "parse/collect.hpp"

namespace testtier::parse {
namespace {

/// The spellings under which this file reaches pytest's marks and fixture decorator.
struct PytestNames {
  std::set<std::string> mark_prefixes = {"pytest.mark."};       ///< `P.mark.` for `import pytest as P`
  std::set<std::string> fixture_names = {"pytest.fixture", "pytest.yield_fixture"};

  explicit PytestNames(const std::vector<Import>& imports) {
    for (const Import& import : imports) {
      if (import.level != 0) continue;
      if (import.name.empty() && import.module == "pytest" && !import.bound_as.empty()) {
        mark_prefixes.insert(import.bound_as + ".mark.");
        fixture_names.insert(import.bound_as + ".fixture");
      } else if (import.name.empty() && import.module == "pytest_asyncio") {
        fixture_names.insert(import.bound_as + ".fixture");
      } else if ((import.module == "pytest" || import.module == "pytest_asyncio") &&
                 import.name == "fixture") {
        fixture_names.insert(import.bound_as);
      } else if (import.module == "pytest" && import.name == "mark") {
        mark_prefixes.insert(import.bound_as + ".");
      }
    }
  }

  /// Return the mark name `dotted` spells (`pytest.mark.snuba` → "snuba"), or "".
  [[nodiscard]] std::string mark_name(std::string_view dotted) const {
    for (const std::string& prefix : mark_prefixes) {
      if (dotted.size() > prefix.size() && dotted.starts_with(prefix)) {
        return std::string(dotted.substr(prefix.size()));
      }
    }
    return {};
  }
};

/// Return the spellings under which this file reaches `functools.partial`.
std::set<std::string> partial_names(const std::vector<Import>& imports) {
  std::set<std::string> names = {"functools.partial"};
  for (const Import& import : imports) {
    if (import.level != 0 || import.module != "functools" || import.in_function) continue;
    if (import.name == "partial") names.insert(import.bound_as);
    if (import.name.empty() && !import.bound_as.empty()) names.insert(import.bound_as + ".partial");
  }
  return names;
}

/// `partial(F, ...)` means F for what it marks or names: `db = partial(pytest.mark.django_db,
/// databases="__all__")` is the mark, `db = partial(django_db_all, transaction=True)` the function.
void see_through_partial(Alias& alias, const std::set<std::string>& partials) {
  const Value& value = alias.value;
  if (value.kind != Value::Kind::call || value.items.empty() || !partials.contains(value.text)) return;
  const Value& wrapped = value.items.front();
  if (wrapped.kind != Value::Kind::name && wrapped.kind != Value::Kind::call) return;
  Value inner = wrapped;
  alias.value = std::move(inner);
}

// Decorators that are never marks nor aliases of marks: not worth resolving.
constexpr std::array<std::string_view, 12> kPlainDecorators = {
    "staticmethod", "classmethod", "property", "abstractmethod", "abc.abstractmethod",
    "functools.wraps", "functools.cache", "functools.cached_property", "cached_property",
    "functools.lru_cache", "typing.override", "override"};

/// Return whether decorator `name` is known not to be a mark: a builtin one, or a settings
/// override (whose settings collect_uses() already records).
bool is_plain_decorator(std::string_view name) {
  if (name.ends_with("override_settings") || name.ends_with("override_options")) return true;
  return std::find(kPlainDecorators.begin(), kPlainDecorators.end(), name) != kPlainDecorators.end();
}

void collect_parametrize_marks(const Value& value, const PytestNames& names,
                               std::vector<MarkUse>& out);

/// Return the mark `value` denotes, or nullopt when it is not a dotted name or call of one.
std::optional<MarkUse> mark_of(const Value& value, const PytestNames& names, MarkUse::Origin origin) {
  if ((value.kind != Value::Kind::name && value.kind != Value::Kind::call) || value.text.empty()) {
    return std::nullopt;
  }
  MarkUse mark;
  mark.origin = origin;
  mark.location = value.location;
  mark.expression = value;
  mark.name = names.mark_name(value.text);
  if (mark.name.empty()) mark.alias = value.text;
  if (value.kind == Value::Kind::call) {
    for (const Value& argument : value.items) {
      if (argument.kind == Value::Kind::string) mark.args.push_back(argument.text);
    }
  }
  return mark;
}

/// Append the marks in a `marks=` value: one mark or a list of them.
void append_marks_value(const Value& value, const PytestNames& names, std::vector<MarkUse>& out) {
  if (value.kind == Value::Kind::list) {
    for (const Value& item : value.items) append_marks_value(item, names, out);
  } else if (auto mark = mark_of(value, names, MarkUse::Origin::parametrize)) {
    out.push_back(std::move(*mark));
  }
}

/// Append the marks of `pytest.param(..., marks=...)` anywhere inside a parametrize call.
void collect_parametrize_marks(const Value& value, const PytestNames& names,
                               std::vector<MarkUse>& out) {
  for (const auto& [key, argument] : value.keywords) {
    if (key == "marks") append_marks_value(argument, names, out);
    else collect_parametrize_marks(argument, names, out);
  }
  for (const Value& item : value.items) collect_parametrize_marks(item, names, out);
}

FixtureInfo fixture_info(const FunctionFacts& function, const Decorator& decorator) {
  FixtureInfo info;
  info.name = function.name;
  for (const auto& [key, value] : decorator.expression.keywords) {
    if (key == "autouse") info.autouse = value.kind == Value::Kind::boolean && value.text == "True";
    if (key == "scope" && value.kind == Value::Kind::string) info.scope = value.text;
    if (key == "name" && value.kind == Value::Kind::string) info.name = value.text;
  }
  return info;
}

/// Fill marks from decorators, and fixture info when a decorator is pytest's fixture.
template <typename Definition>
void apply_decorators(Definition& definition, const PytestNames& names) {
  for (const Decorator& decorator : definition.decorators) {
    if (names.fixture_names.contains(decorator.name)) {
      if constexpr (std::is_same_v<Definition, FunctionFacts>) {
        definition.is_fixture = true;
        definition.fixture = fixture_info(definition, decorator);
      }
      continue;
    }
    if (is_plain_decorator(decorator.name)) continue;
    auto mark = mark_of(decorator.expression, names, MarkUse::Origin::decorator);
    if (!mark) continue;
    const bool parametrize = mark->name == "parametrize";
    definition.marks.push_back(std::move(*mark));
    if (parametrize) collect_parametrize_marks(decorator.expression, names, definition.marks);
  }
}

/// Keep, of the calls spelled like marks in a function's body, those that are marks here.
void apply_body_marks(FunctionFacts& function, const PytestNames& names) {
  std::vector<MarkUse> marks;
  for (const MarkUse& call : function.applied_marks) {
    auto mark = mark_of(call.expression, names, MarkUse::Origin::decorator);
    if (mark && !mark->name.empty()) marks.push_back(std::move(*mark));
  }
  function.applied_marks = std::move(marks);
}

void apply_pytestmark(const std::vector<Value>& values, const PytestNames& names,
                      std::vector<MarkUse>& into) {
  for (const Value& value : values) {
    if (auto mark = mark_of(value, names, MarkUse::Origin::pytestmark)) into.push_back(std::move(*mark));
  }
}

}  // namespace

void apply_pytest_meaning(FileFacts& facts, const RawMarks& pytestmarks) {
  const PytestNames names(facts.imports);
  for (FunctionFacts& function : facts.functions) {
    apply_decorators(function, names);
    apply_body_marks(function, names);
  }
  for (std::size_t i = 0; i < facts.classes.size(); ++i) {
    ClassFacts& cls = facts.classes[i];
    apply_decorators(cls, names);
    if (i < pytestmarks.classes.size()) apply_pytestmark(pytestmarks.classes[i], names, cls.marks);
    for (FunctionFacts& method : cls.methods) {
      apply_decorators(method, names);
      apply_body_marks(method, names);
    }
  }
  apply_pytestmark(pytestmarks.module, names, facts.module_marks);
  const std::set<std::string> partials = partial_names(facts.imports);
  for (Alias& alias : facts.aliases) {
    see_through_partial(alias, partials);
    auto mark = mark_of(alias.value, names, MarkUse::Origin::pytestmark);
    if (!mark || mark->name.empty()) continue;
    alias.mark = std::move(mark->name);
    alias.mark_args = std::move(mark->args);
  }
}

}  // namespace testtier::parse
