#include "util/ini.hpp"

#include <algorithm>
#include <unordered_set>
#include <utility>

#include <fmt/format.h>

namespace testtier {
namespace {

constexpr std::string_view kSpace = " \t\r\f\v";

/// Return `text` without leading and trailing whitespace.
std::string_view strip(std::string_view text) {
  const auto first = text.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(kSpace);
  return text.substr(first, last - first + 1);
}

/// Return `text` without trailing whitespace.
std::string_view rstrip(std::string_view text) {
  const auto last = text.find_last_not_of(kSpace);
  return last == std::string_view::npos ? std::string_view{} : text.substr(0, last + 1);
}

/// Return whether `line` is a comment: its first non-blank character is '#' or ';'.
bool is_comment(std::string_view line) {
  const std::string_view stripped = strip(line);
  return !stripped.empty() && (stripped.front() == '#' || stripped.front() == ';');
}

/// Split `line` into name and value as iniconfig does; false when it is neither `a = b` nor `a: b`.
bool split_value(std::string_view line, std::string_view& name, std::string_view& value) {
  const auto equals = line.find('=');
  if (equals != std::string_view::npos &&
      line.substr(0, equals).find(':') == std::string_view::npos) {
    name = strip(line.substr(0, equals));
    value = strip(line.substr(equals + 1));
    return true;
  }
  if (const auto colon = line.find(": "); colon != std::string_view::npos) {
    name = strip(line.substr(0, colon));
    value = strip(line.substr(colon + 2));
    return true;
  }
  return false;
}

/// Parses one file line by line, stopping at the first error.
class IniParser {
 public:
  /// Parse the whole of `text`.
  IniFile parse(std::string_view text) {
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    std::uint32_t number = 0;
    while (!text.empty() && file_.error.empty()) {
      // Lines end at '\n', "\r\n" or a lone '\r', as Python's universal newlines read them.
      const auto end = text.find_first_of("\r\n");
      const std::string_view line = text.substr(0, end);
      const std::size_t next = end == std::string_view::npos      ? text.size()
                               : text.substr(end, 2) == "\r\n" ? end + 2
                                                                 : end + 1;
      text.remove_prefix(next);
      read_line(line, ++number);
    }
    return std::move(file_);
  }

 private:
  /// Stop at line `number` with `message`.
  void fail(std::uint32_t number, std::string message) {
    file_.error = std::move(message);
    file_.error_line = number;
  }

  /// Read one line: a comment, a section header, a value or a continuation.
  void read_line(std::string_view raw, std::uint32_t number) {
    if (is_comment(raw)) return;
    const std::string_view line = rstrip(raw);
    if (line.empty()) return;
    if (line.front() == '[') return read_section(line, number);
    if (line.front() == ' ' || line.front() == '\t') return read_continuation(line, number);
    std::string_view name, value;
    if (!split_value(line, name, value)) {
      return fail(number, fmt::format("unexpected line: {}", line));
    }
    if (file_.sections.empty()) return fail(number, "a value before any [section]");
    auto& values = file_.sections.back().values;
    if (values.contains(name)) return fail(number, fmt::format("duplicate name `{}`", name));
    last_ = &values.emplace(std::string(name), IniValue{std::string(value), number}).first->second;
  }

  /// Start the section that the header `line` names.
  void read_section(std::string_view line, std::uint32_t number) {
    std::string_view header = line;
    for (char comment : {'#', ';'}) header = rstrip(header.substr(0, header.find(comment)));
    if (header.size() < 2 || header.back() != ']') {
      return fail(number, fmt::format("unexpected line: {}", line));
    }
    const std::string name(header.substr(1, header.size() - 2));
    if (!section_names_.insert(name).second) {  // a set: a file of n sections costs n lookups, not n²/2
      return fail(number, fmt::format("duplicate section [{}]", name));
    }
    file_.sections.push_back({name, number, {}});
    last_ = nullptr;
  }

  /// Append the indented `line` to the last value.
  void read_continuation(std::string_view line, std::uint32_t number) {
    if (last_ == nullptr) return fail(number, "a continuation line without a value before it");
    if (!last_->text.empty()) last_->text += '\n';
    last_->text += strip(line);
  }

  IniFile file_;
  std::unordered_set<std::string> section_names_;
  IniValue* last_ = nullptr;
};

}  // namespace

const IniSection* IniFile::section(std::string_view name) const {
  const auto it = std::find_if(sections.begin(), sections.end(),
                               [&](const IniSection& s) { return s.name == name; });
  return it == sections.end() ? nullptr : &*it;
}

IniFile parse_ini(std::string_view text) { return IniParser().parse(text); }

}  // namespace testtier
