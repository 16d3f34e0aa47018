#include "rules/toml_reader.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

#include <fmt/format.h>

namespace testtier::rules {
namespace {

/// Return "a string", "an integer", ... for the type of `node`.
std::string_view type_name(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::string: return "a string";
    case toml::node_type::integer: return "an integer";
    case toml::node_type::floating_point: return "a float";
    case toml::node_type::boolean: return "a boolean";
    case toml::node_type::date: return "a date";
    case toml::node_type::time: return "a time";
    case toml::node_type::date_time: return "a date-time";
    case toml::node_type::array: return "an array";
    case toml::node_type::table: return "a table";
    case toml::node_type::none: break;
  }
  return "nothing";
}

/// Return the list "a, b, c" of `names`.
std::string listed(std::span<const std::string_view> names) {
  return fmt::format("{}", fmt::join(names, ", "));
}

/// Return `key.name` as a dotted key; `key` empty is the top level.
std::string child_key(std::string_view key, std::string_view name) {
  return key.empty() ? std::string(name) : fmt::format("{}.{}", key, name);
}

}  // namespace

SourceLocation location_of(const toml::node& node) {
  const auto& begin = node.source().begin;
  return {begin.line, begin.column};
}

SourceLocation location_of(const toml::key& key, const toml::node& value) {
  if (key.source().begin.line != 0) return {key.source().begin.line, key.source().begin.column};
  return location_of(value);
}

std::vector<std::string> texts(const std::vector<Item>& items) {
  std::vector<std::string> out;
  out.reserve(items.size());
  for (const Item& item : items) out.push_back(item.text);
  return out;
}

TomlReader::TomlReader(std::string origin, std::string prefix)
    : origin_(std::move(origin)), prefix_(std::move(prefix)) {}

std::string TomlReader::dotted(std::string_view key) const {
  if (key.empty() && !prefix_.empty()) return prefix_.substr(0, prefix_.size() - 1);
  return prefix_ + std::string(key);
}

std::string TomlReader::section(std::string_view key) const {
  if (key.empty() && prefix_.empty()) return "the top level";
  std::string name = dotted(key);
  // "signal[2]" is an element of an array of tables: [[signal]].
  if (const auto bracket = name.find('['); bracket != std::string::npos) {
    return fmt::format("[[{}]]", name.substr(0, bracket));
  }
  return fmt::format("[{}]", name);
}

void TomlReader::fail(SourceLocation location, std::string_view key,
                      const std::string& message) const {
  throw RulesError(origin_, location, dotted(key), message);
}

void TomlReader::report(SourceLocation location, std::string_view key, const std::string& message) const {
  problems_.push_back({location, dotted(key), message});
}

void TomlReader::throw_problems() const {
  if (problems_.empty()) return;
  std::vector<RulesProblem> sorted = problems_;
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const RulesProblem& a, const RulesProblem& b) { return a.location < b.location; });
  sorted.erase(std::unique(sorted.begin(), sorted.end(),
                           [](const RulesProblem& a, const RulesProblem& b) {
                             return a.location == b.location && a.message == b.message;
                           }),
               sorted.end());
  throw RulesError(origin_, std::move(sorted));
}

void TomlReader::check_keys(const toml::table& table, std::string_view key,
                            std::span<const std::string_view> allowed) const {
  std::vector<RulesProblem> unknown;
  for (auto&& [name, value] : table) {
    bool known = false;
    for (std::string_view a : allowed) known = known || a == name.str();
    if (known) continue;
    unknown.push_back({location_of(name, value), dotted(child_key(key, name.str())),
                       fmt::format("unknown key `{}` in {}; expected one of: {}", name.str(), section(key),
                                   listed(allowed))});
  }
  // Every unknown key of the table at once; reading the table stops there, as what follows
  // (a required key missing) is most likely the same typo again.
  if (!unknown.empty()) throw RulesError(origin_, std::move(unknown));
}

const toml::table* TomlReader::table(const toml::table& parent, std::string_view name,
                                     std::string_view key) const {
  const toml::node* node = parent.get(name);
  if (node == nullptr) return nullptr;
  if (const toml::table* t = node->as_table()) return t;
  fail(location_of(*node), key,
       fmt::format("`{}` must be a table, not {}", name, type_name(*node)));
}

const toml::array* TomlReader::tables(const toml::table& parent, std::string_view name,
                                      std::string_view key) const {
  const toml::node* node = parent.get(name);
  if (node == nullptr) return nullptr;
  if (const toml::array* a = node->as_array(); a != nullptr && a->is_array_of_tables()) return a;
  if (const toml::array* a = node->as_array(); a != nullptr && a->empty()) return a;
  fail(location_of(*node), key,
       fmt::format("`{}` must be an array of tables, written [[{}]], not {}", name,
                   dotted(key), type_name(*node)));
}

std::optional<std::vector<Item>> TomlReader::strings(const toml::table& parent,
                                                     std::string_view name,
                                                     std::string_view key) const {
  const toml::node* node = parent.get(name);
  if (node == nullptr) return std::nullopt;
  const toml::array* array = node->as_array();
  if (array == nullptr) {
    fail(location_of(*node), key,
         fmt::format("`{}` must be an array of strings, not {}", name, type_name(*node)));
  }
  std::vector<Item> items;
  for (std::size_t i = 0; i < array->size(); ++i) {
    const toml::node& element = *array->get(i);
    const auto* text = element.as_string();
    if (text == nullptr) {
      fail(location_of(element), key,
           fmt::format("`{}` must be an array of strings; item {} is {}", name, i + 1,
                       type_name(element)));
    }
    if (text->get().empty()) {
      fail(location_of(element), key,
           fmt::format("`{}` must not contain an empty string (item {})", name, i + 1));
    }
    items.push_back({text->get(), location_of(element)});
  }
  return items;
}

std::optional<Item> TomlReader::string(const toml::table& parent, std::string_view name,
                                       std::string_view key) const {
  const toml::node* node = parent.get(name);
  if (node == nullptr) return std::nullopt;
  const auto* text = node->as_string();
  if (text == nullptr) {
    fail(location_of(*node), key,
         fmt::format("`{}` must be a string, not {}", name, type_name(*node)));
  }
  if (text->get().empty()) fail(location_of(*node), key, fmt::format("`{}` is empty", name));
  return Item{text->get(), location_of(*node)};
}

std::optional<bool> TomlReader::boolean(const toml::table& parent, std::string_view name,
                                        std::string_view key) const {
  const toml::node* node = parent.get(name);
  if (node == nullptr) return std::nullopt;
  if (const auto* value = node->as_boolean()) return value->get();
  fail(location_of(*node), key,
       fmt::format("`{}` must be true or false, not {}", name, type_name(*node)));
}

std::optional<std::vector<std::int64_t>> TomlReader::integers(const toml::table& parent,
                                                              std::string_view name,
                                                              std::string_view key) const {
  const toml::node* node = parent.get(name);
  if (node == nullptr) return std::nullopt;
  const toml::array* array = node->as_array();
  if (array == nullptr) {
    fail(location_of(*node), key,
         fmt::format("`{}` must be an array of integers, not {}", name, type_name(*node)));
  }
  std::vector<std::int64_t> values;
  for (std::size_t i = 0; i < array->size(); ++i) {
    const toml::node& element = *array->get(i);
    const auto* value = element.as_integer();
    if (value == nullptr) {
      fail(location_of(element), key,
           fmt::format("`{}` must be an array of integers; item {} is {}", name, i + 1,
                       type_name(element)));
    }
    values.push_back(value->get());
  }
  return values;
}

std::optional<double> TomlReader::number(const toml::table& parent, std::string_view name,
                                         std::string_view key) const {
  const toml::node* node = parent.get(name);
  if (node == nullptr) return std::nullopt;
  if (const auto* value = node->as_integer()) return static_cast<double>(value->get());
  if (const auto* value = node->as_floating_point()) {
    if (std::isfinite(value->get())) return value->get();
    fail(location_of(*node), key, fmt::format("`{}` must be a finite number", name));
  }
  fail(location_of(*node), key,
       fmt::format("`{}` must be a number, not {}", name, type_name(*node)));
}

}  // namespace testtier::rules
