// `# testtier: ignore[...]` and `# noqa[: CODES]` comments. The text is searched for the markers
// first, and only their hits are checked against the tree, so files without suppressions cost a
// few memory scans.
#include <algorithm>
#include <cctype>

#include "parse/collect.hpp"

namespace testtier::parse {
namespace {

constexpr std::string_view kMarker = "testtier:";

std::string_view skip_spaces(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  return text;
}

/// Parse the comment `text` ("# testtier: ignore[TT001, TT002] ..."); nullopt when it is not a
/// suppression. Codes are kept as written (upper-cased), valid or not: lint reports unknown ones.
std::optional<std::vector<std::string>> suppression_codes(std::string_view text) {
  const std::size_t marker = text.find(kMarker);
  if (marker == std::string_view::npos) return std::nullopt;
  std::string_view rest = skip_spaces(text.substr(marker + kMarker.size()));
  if (!rest.starts_with("ignore")) return std::nullopt;
  rest.remove_prefix(6);
  std::vector<std::string> codes;
  if (rest.empty() || rest.front() != '[') {
    if (!rest.empty() && (std::isalnum(static_cast<unsigned char>(rest.front())) || rest.front() == '_')) {
      return std::nullopt;  // "ignored", "ignore_me": not our marker
    }
    return codes;
  }
  const std::size_t close = rest.find(']');
  std::string_view list = rest.substr(1, close == std::string_view::npos ? std::string_view::npos : close - 1);
  std::string code;
  for (const char c : list) {
    if (c == ',' || c == ' ' || c == '\t') {
      if (!code.empty()) codes.push_back(std::exchange(code, {}));
    } else {
      code += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
  }
  if (!code.empty()) codes.push_back(code);
  return codes;
}

bool is_word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

/// Return the codes (`[A-Za-z]+[0-9]+`, ruff's shape, upper-cased) that start `list`, separated by
/// commas or white space; the first word of another shape ends the list ("TT001 because ...").
std::vector<std::string> noqa_codes(std::string_view list) {
  std::vector<std::string> codes;
  for (;;) {
    while (!list.empty() && (list.front() == ',' || list.front() == ' ' || list.front() == '\t')) list.remove_prefix(1);
    std::size_t letters = 0;
    while (letters < list.size() && std::isalpha(static_cast<unsigned char>(list[letters]))) ++letters;
    std::size_t end = letters;
    while (end < list.size() && std::isdigit(static_cast<unsigned char>(list[end]))) ++end;
    if (letters == 0 || end == letters || (end < list.size() && is_word_char(list[end]))) return codes;
    std::string code(list.substr(0, end));
    for (char& c : code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    codes.push_back(std::move(code));
    list.remove_prefix(end);
  }
}

/// Parse the `noqa` at `at` in the comment `comment`, as ruff does: `#`, optional spaces, `noqa`;
/// then nothing more (every code), or `:` and codes. nullopt when it is not one: another word
/// (`# noqa-ish`, `# not noqa`), or `noqa:` followed by no code (ruff ignores that, warning).
std::optional<std::vector<std::string>> noqa_directive(std::string_view comment, std::size_t at) {
  std::size_t before = at;
  while (before > 0 && (comment[before - 1] == ' ' || comment[before - 1] == '\t')) --before;
  if (before == 0 || comment[before - 1] != '#') return std::nullopt;
  std::string_view rest = comment.substr(at + 4);
  if (!rest.empty() && is_word_char(rest.front())) return std::nullopt;
  rest = skip_spaces(rest);
  if (rest.empty() || rest.front() != ':') return std::vector<std::string>{};
  std::vector<std::string> codes = noqa_codes(rest.substr(1));
  if (codes.empty()) return std::nullopt;
  return codes;
}

/// Append the `# noqa` comments of `source` found at each `spelling` ("noqa", "NOQA") to `into`.
void collect_noqa(TSNode root, const Source& source, std::string_view spelling, std::vector<Suppression>& into) {
  const std::string_view text = source.text();
  for (std::size_t at = text.find(spelling); at != std::string_view::npos; at = text.find(spelling, at + 1)) {
    const auto offset = static_cast<std::uint32_t>(at);
    const TSNode node = ts_node_descendant_for_byte_range(root, offset, offset + 1);
    if (!is(node, "comment")) continue;
    const std::string_view comment = text_of(node, source);
    const std::size_t inside = at - ts_node_start_byte(node);
    if (inside + spelling.size() > comment.size()) continue;
    if (auto codes = noqa_directive(comment, inside)) {
      into.push_back({.location = location_of(node, source), .codes = std::move(*codes), .noqa = true});
    }
  }
}

}  // namespace

void collect_suppressions(TSNode root, const Source& source, std::vector<Suppression>& into) {
  const std::string_view text = source.text();
  for (std::size_t at = text.find(kMarker); at != std::string_view::npos; at = text.find(kMarker, at + 1)) {
    const auto offset = static_cast<std::uint32_t>(at);
    const TSNode node = ts_node_descendant_for_byte_range(root, offset, offset + 1);
    if (!is(node, "comment")) continue;
    if (!into.empty() && into.back().location == location_of(node, source)) continue;
    if (auto codes = suppression_codes(text_of(node, source))) {
      into.push_back({.location = location_of(node, source), .codes = std::move(*codes), .noqa = false});
    }
  }
  // ruff and flake8 read `noqa` in any case; "noqa" and "NOQA" are the spellings seen in practice,
  // each one memory scan (a case-insensitive scan of every file would cost more than both).
  const std::size_t own = into.size();
  collect_noqa(root, source, "noqa", into);
  collect_noqa(root, source, "NOQA", into);
  if (into.size() != own) {
    std::stable_sort(into.begin(), into.end(),
                     [](const Suppression& a, const Suppression& b) { return a.location < b.location; });
  }
}

}  // namespace testtier::parse
