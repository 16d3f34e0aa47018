#include "parse/values.hpp"

#include <vector>

namespace testtier::parse {
namespace {

// Literal arguments worth reading are shallow; deeper structure is kept as text.
constexpr int kMaxValueDepth = 24;

/// Decode the common backslash escapes of a non-raw string body.
std::string unescape(std::string_view body) {
  std::string out;
  out.reserve(body.size());
  for (std::size_t i = 0; i < body.size(); ++i) {
    if (body[i] != '\\' || i + 1 == body.size()) {
      out += body[i];
      continue;
    }
    const char next = body[++i];
    switch (next) {
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case 'r': out += '\r'; break;
      case '\\': out += '\\'; break;
      case '\'': out += '\''; break;
      case '"': out += '"'; break;
      case '\n': break;  // line continuation inside the literal
      default: out += '\\'; out += next; break;
    }
  }
  return out;
}

/// Return the value of one `string` node, or nullopt for an f-string with fields.
std::optional<std::string> single_string(TSNode node, const Source& source) {
  TSNode start{}, end{};
  bool has_start = false;
  bool interpolates = false;
  for_each_named_child(node, [&](TSNode child) {
    if (is(child, "string_start")) {
      start = child;
      has_start = true;
    } else if (is(child, "string_end")) {
      end = child;
    } else if (is(child, "interpolation")) {
      interpolates = true;
    }
  });
  if (!has_start || interpolates || ts_node_is_null(end)) return std::nullopt;
  const std::uint32_t body_start = ts_node_end_byte(start);
  const std::uint32_t body_end = ts_node_start_byte(end);
  if (body_end < body_start || body_end > source.size()) return std::nullopt;
  const std::string_view body = source.text().substr(body_start, body_end - body_start);
  const std::string_view prefix = text_of(start, source);
  const bool raw = prefix.find_first_of("rR") != std::string_view::npos;
  return raw ? std::string(body) : unescape(body);
}

Value value_at_depth(TSNode node, const Source& source, int depth);

Value call_value(TSNode node, const Source& source, int depth) {
  const Fields& f = Fields::get();
  Value value;
  value.kind = Value::Kind::call;
  value.text = dotted_name(field(node, f.function), source).value_or("");
  const TSNode arguments = field(node, f.arguments);
  if (!is(arguments, "argument_list")) return value;
  for_each_named_child(arguments, [&](TSNode argument) {
    if (is(argument, "keyword_argument")) {
      value.keywords.emplace_back(std::string(text_of(field(argument, f.name), source)),
                                  value_at_depth(field(argument, f.value), source, depth + 1));
    } else if (!is(argument, "comment")) {
      value.items.push_back(value_at_depth(argument, source, depth + 1));
    }
  });
  return value;
}

Value collection_value(TSNode node, const Source& source, int depth, Value::Kind kind) {
  const Fields& f = Fields::get();
  Value value;
  value.kind = kind;
  for_each_named_child(node, [&](TSNode item) {
    if (is(item, "comment")) return;
    if (is(item, "pair")) {
      value.items.push_back(value_at_depth(field(item, f.key), source, depth + 1));
      value.items.push_back(value_at_depth(field(item, f.value), source, depth + 1));
    } else {
      value.items.push_back(value_at_depth(item, source, depth + 1));
    }
  });
  return value;
}

Value value_at_depth(TSNode node, const Source& source, int depth) {
  Value result;
  if (ts_node_is_null(node)) return result;
  result.location = location_of(node, source);
  const std::string_view type = ts_node_type(node);
  if (depth > kMaxValueDepth) {
    result.text = std::string(text_of(node, source));
    return result;
  }
  if (type == "parenthesized_expression") {
    TSNode inner{};
    bool found = false;
    for_each_named_child(node, [&](TSNode child) {
      if (!found && !is(child, "comment")) { inner = child; found = true; }
    });
    if (found) return value_at_depth(inner, source, depth + 1);
    result.kind = Value::Kind::other;
  } else if (type == "call") {
    result = call_value(node, source, depth);
    result.location = location_of(node, source);
  } else if (type == "list" || type == "tuple" || type == "set" || type == "expression_list") {
    result = collection_value(node, source, depth, Value::Kind::list);
    result.location = location_of(node, source);
  } else if (type == "dictionary") {
    result = collection_value(node, source, depth, Value::Kind::dict);
    result.location = location_of(node, source);
  } else if (type == "string" || type == "concatenated_string") {
    if (auto text = string_literal(node, source)) {
      result.kind = Value::Kind::string;
      result.text = std::move(*text);
    } else {
      result.text = std::string(text_of(node, source));
    }
  } else if (type == "integer" || type == "float") {
    result.kind = Value::Kind::number;
    result.text = std::string(text_of(node, source));
  } else if (type == "true" || type == "false") {
    result.kind = Value::Kind::boolean;
    result.text = std::string(text_of(node, source));
  } else if (type == "none") {
    result.kind = Value::Kind::none;
    result.text = "None";
  } else if (auto name = dotted_name(node, source)) {
    result.kind = Value::Kind::name;
    result.text = std::move(*name);
  } else {
    result.text = std::string(text_of(node, source));
  }
  return result;
}

}  // namespace

std::optional<std::string> dotted_name(TSNode node, const Source& source) {
  const Fields& f = Fields::get();
  // Walk down the `object` chain iteratively: a.b.c is attribute(attribute(a, b), c).
  std::vector<std::string_view> parts;
  while (is(node, "attribute")) {
    const TSNode attribute = field(node, f.attribute);
    if (!is(attribute, "identifier")) return std::nullopt;
    parts.push_back(text_of(attribute, source));
    node = field(node, f.object);
  }
  if (!is(node, "identifier")) return std::nullopt;
  std::string name(text_of(node, source));
  for (auto part = parts.rbegin(); part != parts.rend(); ++part) {
    name += '.';
    name += *part;
  }
  return name;
}

std::optional<std::string> string_literal(TSNode node, const Source& source) {
  if (is(node, "string")) return single_string(node, source);
  if (!is(node, "concatenated_string")) return std::nullopt;
  std::string joined;
  bool ok = true;
  for_each_named_child(node, [&](TSNode part) {
    if (!ok || is(part, "comment")) return;
    if (auto text = single_string(part, source)) {
      joined += *text;
    } else {
      ok = false;
    }
  });
  if (!ok) return std::nullopt;
  return joined;
}

Value value_of(TSNode node, const Source& source) { return value_at_depth(node, source, 0); }

}  // namespace testtier::parse
