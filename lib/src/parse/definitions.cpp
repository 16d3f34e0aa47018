// Walks statements: module and class bodies down to their definitions, imports and pytestmarks.
// Function bodies are not walked statement by statement: collect_uses() reads them whole.
#include "parse/collect.hpp"
#include "parse/values.hpp"

namespace testtier::parse {
namespace {

// CPython refuses more than 100 nested blocks; deeper statement nesting is not walked for
// definitions (its calls are still collected).
constexpr int kMaxBlockDepth = 100;

/// The decorators of a definition: their facts, and their expressions to read for calls.
struct Decorated {
  std::vector<Decorator> decorators;
  std::vector<TSNode> nodes;
};

/// Where statements are being read: the module or a class body.
struct Scope {
  BodyUses* uses;                         ///< where loose calls and settings go
  std::vector<FunctionFacts>* functions;  ///< where defs go
  std::vector<ClassFacts>* classes;       ///< where class definitions go (flattened)
  std::vector<Value>* pytestmark;         ///< where `pytestmark = ...` values go
  std::vector<std::vector<Value>>* class_pytestmarks;  ///< parallel to `classes`
  std::vector<Alias>* aliases;            ///< module level only; null in a class
  std::string qualname_prefix;            ///< "Outer." inside class Outer
  bool type_only = false;                 ///< under `if TYPE_CHECKING:`
};

class DefinitionCollector {
 public:
  DefinitionCollector(const Source& source, FileFacts& facts) : source_(source), facts_(facts) {}

  RawMarks collect(TSNode module) {
    RawMarks raw;
    std::vector<ClassFacts> classes;
    Scope scope{&facts_.module_uses, &facts_.functions, &classes, &raw.module,
                &raw.classes, &facts_.aliases, "", false};
    statements(module, scope, 0);
    facts_.classes = std::move(classes);
    return raw;
  }

 private:
  void statements(TSNode block, const Scope& scope, int depth) {
    for_each_named_child(block, [&](TSNode statement) { this->statement(statement, scope, depth); });
  }

  void statement(TSNode node, const Scope& scope, int depth);
  void compound(TSNode node, const Scope& scope, int depth);
  void if_statement(TSNode node, const Scope& scope, int depth);
  void definition(TSNode node, Decorated decorators, const Scope& scope, int depth);
  void function(TSNode node, Decorated decorators, const Scope& scope);
  void class_definition(TSNode node, Decorated decorators, const Scope& scope, int depth);
  void assignment(TSNode node, const Scope& scope);
  std::vector<std::string> parameters(TSNode node) const;

  void uses(TSNode node, BodyUses& into, bool type_only) {
    collect_uses(node, source_, into, facts_.imports, type_only);
  }

  const Source& source_;
  FileFacts& facts_;
};

bool is_type_checking_test(TSNode condition, const Source& source) {
  const auto name = dotted_name(condition, source);
  return name && (*name == "TYPE_CHECKING" || *name == "typing.TYPE_CHECKING" ||
                  *name == "t.TYPE_CHECKING");
}

void DefinitionCollector::statement(TSNode node, const Scope& scope, int depth) {
  const std::string_view type = ts_node_type(node);
  if (type == "import_statement" || type == "import_from_statement") {
    collect_import(node, source_, {scope.type_only, false}, facts_.imports);
  } else if (type == "function_definition" || type == "class_definition") {
    definition(node, {}, scope, depth);
  } else if (type == "decorated_definition") {
    Decorated decorated;
    for_each_named_child(node, [&](TSNode child) {
      if (!is(child, "decorator")) return;
      TSNode expression{};
      bool found = false;
      for_each_named_child(child, [&](TSNode inner) {
        if (!found && !is(inner, "comment")) { expression = inner; found = true; }
      });
      if (!found) return;
      Value value = value_of(expression, source_);
      std::string name = value.kind == Value::Kind::name || value.kind == Value::Kind::call
                             ? value.text : std::string();
      decorated.decorators.push_back({std::move(name), std::move(value), location_of(child, source_)});
      decorated.nodes.push_back(expression);
    });
    definition(field(node, Fields::get().definition), std::move(decorated), scope, depth);
  } else if (type == "expression_statement") {
    assignment(node, scope);
  } else if (type == "if_statement") {
    if_statement(node, scope, depth);
  } else if (type == "comment" || type == "future_import_statement") {
    // nothing to learn
  } else if (depth < kMaxBlockDepth && (type == "try_statement" || type == "with_statement" ||
                                        type == "for_statement" || type == "while_statement" ||
                                        type == "match_statement")) {
    compound(node, scope, depth + 1);
  } else {
    uses(node, *scope.uses, scope.type_only);
  }
}

/// Read the blocks of a compound statement as statements of the same scope, and the rest
/// (conditions, context managers) for calls and settings.
void DefinitionCollector::compound(TSNode node, const Scope& scope, int depth) {
  for_each_named_child(node, [&](TSNode child) {
    const std::string_view type = ts_node_type(child);
    if (type == "block") {
      statements(child, scope, depth);
    } else if (type.ends_with("_clause") && type != "with_clause") {  // else/except/finally
      compound(child, scope, depth);
    } else if (type != "comment") {
      uses(child, *scope.uses, scope.type_only);
    }
  });
}

void DefinitionCollector::if_statement(TSNode node, const Scope& scope, int depth) {
  if (depth >= kMaxBlockDepth) {
    uses(node, *scope.uses, scope.type_only);
    return;
  }
  const Fields& f = Fields::get();
  const TSNode condition = field(node, f.condition);
  if (is_type_checking_test(condition, source_)) {
    Scope typed = scope;
    typed.type_only = true;
    statements(field(node, f.consequence), typed, depth + 1);
    // elif/else branches run when not type checking: ordinary imports
    for_each_named_child(node, [&](TSNode child) {
      if (is(child, "elif_clause") || is(child, "else_clause")) compound(child, scope, depth + 1);
    });
    return;
  }
  compound(node, scope, depth + 1);
}

void DefinitionCollector::definition(TSNode node, Decorated decorators,
                                     const Scope& scope, int depth) {
  if (is(node, "function_definition")) {
    function(node, std::move(decorators), scope);
  } else if (is(node, "class_definition") && depth < kMaxBlockDepth) {
    class_definition(node, std::move(decorators), scope, depth + 1);
  } else {
    uses(node, *scope.uses, scope.type_only);
  }
}

void DefinitionCollector::function(TSNode node, Decorated decorators,
                                   const Scope& scope) {
  const Fields& f = Fields::get();
  FunctionFacts function;
  function.name = std::string(text_of(field(node, f.name), source_));
  function.location = location_of(node, source_);
  function.end_line = ts_node_end_point(node).row + 1;
  function.is_async = text_of(node, source_).starts_with("async");
  function.parameters = parameters(field(node, f.parameters));
  function.decorators = std::move(decorators.decorators);
  for (const TSNode expression : decorators.nodes) uses(expression, function.uses, scope.type_only);
  uses(field(node, f.parameters), function.uses, scope.type_only);  // defaults may call
  collect_uses(field(node, f.body), source_, function.uses, facts_.imports, scope.type_only,
               &function.applied_marks);
  scope.functions->push_back(std::move(function));
}

std::vector<std::string> DefinitionCollector::parameters(TSNode node) const {
  const Fields& f = Fields::get();
  std::vector<std::string> names;
  for_each_named_child(node, [&](TSNode parameter) {
    if (is(parameter, "identifier")) {
      names.emplace_back(text_of(parameter, source_));
    } else if (is(parameter, "default_parameter") || is(parameter, "typed_default_parameter")) {
      const TSNode name = field(parameter, f.name);
      if (is(name, "identifier")) names.emplace_back(text_of(name, source_));
    } else if (is(parameter, "typed_parameter")) {
      for_each_named_child(parameter, [&](TSNode child) {
        if (is(child, "identifier")) names.emplace_back(text_of(child, source_));
      });
    }
    // *args, **kwargs and the bare `*` / `/` separators are not fixture requests
  });
  return names;
}

void DefinitionCollector::class_definition(TSNode node, Decorated decorators,
                                           const Scope& scope, int depth) {
  const Fields& f = Fields::get();
  ClassFacts cls;
  cls.name = std::string(text_of(field(node, f.name), source_));
  cls.qualname = scope.qualname_prefix + cls.name;
  cls.location = location_of(node, source_);
  cls.end_line = ts_node_end_point(node).row + 1;
  cls.decorators = std::move(decorators.decorators);
  for (const TSNode expression : decorators.nodes) uses(expression, cls.uses, scope.type_only);
  for_each_named_child(field(node, f.superclasses), [&](TSNode base) {
    // keyword bases (metaclass=...), *bases and calls are not classes we can follow
    TSNode named = is(base, "subscript") ? field(base, f.value) : base;  // Base[T] -> Base
    if (auto name = dotted_name(named, source_)) {
      cls.bases.push_back({std::move(*name), location_of(base, source_)});
    } else if (!is(base, "comment")) {
      uses(base, cls.uses, scope.type_only);
    }
  });

  std::vector<ClassFacts> nested;
  std::vector<std::vector<Value>> nested_pytestmarks;
  std::vector<Value> pytestmark;
  const Scope body{&cls.uses, &cls.methods, &nested, &pytestmark, &nested_pytestmarks,
                   nullptr, cls.qualname + ".", scope.type_only};
  statements(field(node, f.body), body, depth);

  scope.classes->push_back(std::move(cls));
  scope.class_pytestmarks->push_back(std::move(pytestmark));
  for (auto& inner : nested) scope.classes->push_back(std::move(inner));
  for (auto& marks : nested_pytestmarks) scope.class_pytestmarks->push_back(std::move(marks));
}

/// Return whether `value` may name a mark, a class or anything else worth resolving later.
bool is_alias_value(const Value& value) {
  return value.kind == Value::Kind::name ||
         (value.kind == Value::Kind::call && !value.text.empty());
}

void append_pytestmark(const Value& value, std::vector<Value>& into) {
  if (value.kind == Value::Kind::list) {
    into.insert(into.end(), value.items.begin(), value.items.end());
  } else {
    into.push_back(value);
  }
}

/// Append the module names of a `pytest_plugins = "a"` / `["a", "b"]` value to `into`.
void append_plugins(const Value& value, std::vector<std::string>& into) {
  if (value.kind == Value::Kind::string) into.push_back(value.text);
  if (value.kind != Value::Kind::list) return;
  for (const Value& item : value.items) {
    if (item.kind == Value::Kind::string) into.push_back(item.text);
  }
}

void DefinitionCollector::assignment(TSNode node, const Scope& scope) {
  const Fields& f = Fields::get();
  TSNode inner{};
  bool found = false;
  for_each_named_child(node, [&](TSNode child) {
    if (!found) { inner = child; found = true; }
  });
  const bool plain = found && is(inner, "assignment");
  const bool augmented = found && is(inner, "augmented_assignment");
  if (!plain && !augmented) {
    uses(node, *scope.uses, scope.type_only);
    return;
  }
  const TSNode left = field(inner, f.left);
  const TSNode right = field(inner, f.right);
  uses(inner, *scope.uses, scope.type_only);
  if (!is(left, "identifier") || ts_node_is_null(right)) return;
  const std::string_view name = text_of(left, source_);
  if (name == "pytestmark") {
    append_pytestmark(value_of(right, source_), *scope.pytestmark);
  } else if (name == "pytest_plugins" && scope.aliases != nullptr) {
    append_plugins(value_of(right, source_), facts_.pytest_plugins);
  } else if (plain && scope.aliases != nullptr) {
    Value value = value_of(right, source_);
    if (is_alias_value(value)) {
      Alias alias;
      alias.name = std::string(name);
      alias.value = std::move(value);
      alias.location = location_of(left, source_);
      scope.aliases->push_back(std::move(alias));
    }
  }
}

}  // namespace

RawMarks collect_definitions(TSNode module, const Source& source, FileFacts& facts) {
  return DefinitionCollector(source, facts).collect(module);
}

}  // namespace testtier::parse
