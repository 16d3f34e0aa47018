#include "parse/collect.hpp"
#include "parse/values.hpp"

namespace testtier::parse {
namespace {

std::string_view last_segment(std::string_view dotted) {
  const std::size_t dot = dotted.rfind('.');
  return dot == std::string_view::npos ? dotted : dotted.substr(dot + 1);
}

/// Return which settings API `callee` names, if any.
std::optional<SettingUse::Via> settings_api(std::string_view callee) {
  if (callee == "self.settings" || callee == "cls.settings") return SettingUse::Via::settings;
  if (callee == "self.options" || callee == "cls.options") return SettingUse::Via::options;
  const std::string_view last = last_segment(callee);
  if (last == "override_settings") return SettingUse::Via::override_settings;
  if (last == "override_options") return SettingUse::Via::override_options;
  return std::nullopt;
}

SettingUse setting(std::string key, const Value& value, SettingUse::Via via,
                   SourceLocation location) {
  SettingUse use;
  use.key = std::move(key);
  use.literal = value.kind == Value::Kind::string;
  if (use.literal) use.value = value.text;
  use.via = via;
  use.location = location;
  return use;
}

// How deep keys inside dict values are recorded (`A={"b": {"c": ...}}` gives A, A.b, A.b.c).
constexpr int kMaxSettingKeyDepth = 4;

/// Append `key` = `value`, and for a dict value each of its string keys as `key.k` (recursively),
/// so that rules can match a key inside a dict-valued setting (`SENTRY_PROCESSING_SERVICES.redis`).
void add_setting(const std::string& key, const Value& value, SettingUse::Via via, SourceLocation location,
                 std::vector<SettingUse>& out, int depth) {
  out.push_back(setting(key, value, via, location));
  if (value.kind != Value::Kind::dict || depth >= kMaxSettingKeyDepth) return;
  for (std::size_t i = 0; i + 1 < value.items.size(); i += 2) {
    const Value& inner = value.items[i];
    if (inner.kind == Value::Kind::string) {
      add_setting(key + "." + inner.text, value.items[i + 1], via, inner.location, out, depth + 1);
    }
  }
}

/// Append the overrides of one call to a settings API: keyword arguments
/// (`override_settings(K="v")`) or a literal dict (`self.options({"k": "v"})`).
void collect_settings(const Value& call, SettingUse::Via via, std::vector<SettingUse>& out) {
  for (const auto& [key, value] : call.keywords) add_setting(key, value, via, value.location, out, 0);
  for (const Value& argument : call.items) {
    if (argument.kind != Value::Kind::dict) continue;
    for (std::size_t i = 0; i + 1 < argument.items.size(); i += 2) {
      const Value& key = argument.items[i];
      if (key.kind == Value::Kind::string) add_setting(key.text, argument.items[i + 1], via, key.location, out, 0);
    }
  }
}

/// Return whether `callee` may be a pytest mark (`pytest.mark.X`, `mark.X`, `pt.mark.X`); which
/// ones are is decided with the file's imports, after extraction.
bool is_spelled_like_mark(std::string_view callee) {
  const std::size_t at = callee.find("mark.");
  return at != std::string_view::npos && (at == 0 || callee[at - 1] == '.');
}

/// Return whether `name` spells `os.environ` (or `environ`, after `from os import environ`).
bool is_environ(std::string_view name) { return name == "os.environ" || name == "environ"; }

/// Return whether `callee` reads or writes one environment variable named by its first argument:
/// `os.environ.get`, `.setdefault`, `.pop` (also on a bare `environ`), `os.getenv`, `getenv`.
bool is_env_call(std::string_view callee) {
  if (callee == "os.getenv" || callee == "getenv") return true;
  const std::size_t dot = callee.rfind('.');
  if (dot == std::string_view::npos || !is_environ(callee.substr(0, dot))) return false;
  const std::string_view method = callee.substr(dot + 1);
  return method == "get" || method == "setdefault" || method == "pop";
}

/// Return the first positional argument of `call` (a null node when none).
TSNode first_positional_argument(TSNode call) {
  TSNode first{};
  bool found = false;
  for_each_named_child(field(call, Fields::get().arguments), [&](TSNode argument) {
    if (found || is(argument, "comment")) return;
    found = true;
    if (!is(argument, "keyword_argument") && !is(argument, "list_splat") && !is(argument, "dictionary_splat")) {
      first = argument;
    }
  });
  return first;
}

/// Append `os.environ["X"]` (`environ["X"]`) when `subscript` is one with a literal name.
void collect_env_subscript(TSNode subscript, const Source& source, std::vector<EnvUse>& envs) {
  const Fields& f = Fields::get();
  const TSNode value = field(subscript, f.value);
  if (!text_of(value, source).ends_with("environ")) return;  // the common case, without allocating
  const auto object = dotted_name(value, source);
  if (!object || !is_environ(*object)) return;
  if (auto name = string_literal(field(subscript, f.subscript), source)) {
    envs.push_back({std::move(*name), location_of(subscript, source)});
  }
}

/// Append `"X" in os.environ` (and `not in`, also in a chain) with a literal name.
void collect_env_membership(TSNode comparison, const Source& source, std::vector<EnvUse>& envs) {
  if (text_of(comparison, source).find("environ") == std::string_view::npos) return;
  // Children alternate operand, operator ("in", "not in", "<", ...), operand.
  TSNode previous{};
  bool after_in = false;
  const std::uint32_t count = ts_node_child_count(comparison);
  for (std::uint32_t i = 0; i < count; ++i) {
    const TSNode child = ts_node_child(comparison, i);
    if (!ts_node_is_named(child)) {
      const std::string_view op = ts_node_type(child);
      after_in = op == "in" || op == "not in";
      continue;
    }
    if (after_in && !ts_node_is_null(previous)) {
      const auto object = dotted_name(child, source);
      if (object && is_environ(*object)) {
        if (auto name = string_literal(previous, source)) envs.push_back({std::move(*name), location_of(previous, source)});
      }
    }
    after_in = false;
    previous = child;
  }
}

/// Return whether `object` spells the Django settings object: `settings` (django.conf's, or
/// pytest-django's fixture parameter), `django.conf.settings` or `conf.settings`.
bool is_settings_object(std::string_view object) {
  return object == "settings" || object == "django.conf.settings" || object == "conf.settings";
}

/// Append the settings an assignment `settings.X = value` or `settings["X"] = value` sets.
void collect_settings_assignment(TSNode assignment, const Source& source, std::vector<SettingUse>& out) {
  const Fields& f = Fields::get();
  const TSNode left = field(assignment, f.left);
  const TSNode right = field(assignment, f.right);
  if (ts_node_is_null(right)) return;  // an annotation without a value
  if (!text_of(left, source).starts_with("settings") && !text_of(left, source).starts_with("django.conf.settings") &&
      !text_of(left, source).starts_with("conf.settings")) {
    return;  // the common case, without allocating
  }
  std::optional<std::string> key;
  if (is(left, "attribute")) {
    const auto object = dotted_name(field(left, f.object), source);
    if (object && is_settings_object(*object)) key = std::string(text_of(field(left, f.attribute), source));
  } else if (is(left, "subscript")) {
    const auto object = dotted_name(field(left, f.value), source);
    if (object && is_settings_object(*object)) key = string_literal(field(left, f.subscript), source);
  }
  if (!key || key->empty()) return;
  add_setting(*key, value_of(right, source), SettingUse::Via::assignment, location_of(left, source), out, 0);
}

/// Return whether the string literal `node` is an f-string (prefix f, rf, fr, in any case).
bool is_f_string(TSNode node, const Source& source) {
  for (const char c : text_of(node, source)) {
    if (c == 'f' || c == 'F') return true;
    if (c == '"' || c == '\'') return false;
  }
  return false;
}

/// Return "super().NAME" when `function` (a call's callee) is `super().NAME` or
/// `super(Cls, self).NAME`: the call walk follows it through the MRO.
std::optional<std::string> super_method(TSNode function, const Source& source) {
  const Fields& f = Fields::get();
  if (!is(function, "attribute")) return std::nullopt;
  const TSNode object = field(function, f.object);
  const TSNode attribute = field(function, f.attribute);
  if (!is(object, "call") || !is(attribute, "identifier")) return std::nullopt;
  const auto inner = dotted_name(field(object, f.function), source);
  if (!inner || *inner != "super") return std::nullopt;
  return "super()." + std::string(text_of(attribute, source));
}

}  // namespace

void collect_uses(TSNode node, const Source& source, BodyUses& uses,
                  std::vector<Import>& imports, bool type_only, std::vector<MarkUse>* mark_calls) {
  const Fields& f = Fields::get();
  const Symbols& symbols = Symbols::get();
  walk_preorder(node, [&](TSNode current) {
    const TSSymbol symbol = ts_node_symbol(current);
    if (symbol == symbols.string) return is_f_string(current, source);  // only f-strings hold calls
    if (symbol == symbols.import_statement || symbol == symbols.import_from_statement) {
      const std::size_t first = imports.size();
      collect_import(current, source, {type_only, true}, imports);
      uses.imports.insert(uses.imports.end(), imports.begin() + static_cast<std::ptrdiff_t>(first), imports.end());
      return false;
    }
    // Descend only where a call, an import, an environment variable or a settings assignment
    // may be (the evidence kinds this and the string prune above serve: kBodyWalkServes,
    // rules/evidence_kind.hpp).
    if (symbol != symbols.call) {
      if (ts_node_child_count(current) == 0 ||
          !source.may_hold_body_evidence(ts_node_start_byte(current), ts_node_end_byte(current))) {
        return false;
      }
      if (symbol == symbols.subscript) {
        collect_env_subscript(current, source, uses.envs);
      } else if (symbol == symbols.comparison_operator) {
        collect_env_membership(current, source, uses.envs);
      } else if (symbol == symbols.assignment) {
        collect_settings_assignment(current, source, uses.settings);
      }
      return true;
    }
    auto callee = dotted_name(field(current, f.function), source);
    if (!callee) callee = super_method(field(current, f.function), source);
    if (!callee) return true;
    uses.calls.push_back({*callee, location_of(current, source)});
    if (is_env_call(*callee)) {
      if (auto name = string_literal(first_positional_argument(current), source)) {
        uses.envs.push_back({std::move(*name), location_of(current, source)});
      }
    }
    if (mark_calls != nullptr && is_spelled_like_mark(*callee)) {
      MarkUse mark;
      mark.alias = *callee;
      mark.expression = value_of(current, source);
      mark.location = location_of(current, source);
      mark_calls->push_back(std::move(mark));
    }
    if (const auto via = settings_api(*callee)) {
      collect_settings(value_of(current, source), *via, uses.settings);
    }
    return true;
  });
}

}  // namespace testtier::parse
