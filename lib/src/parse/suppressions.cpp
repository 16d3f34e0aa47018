// `# testtier: ignore[...]` comments. The text is searched for the marker first, and only its
// hits are checked against the tree, so files without suppressions cost one memory scan.
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

}  // namespace

void collect_suppressions(TSNode root, const Source& source, std::vector<Suppression>& into) {
  const std::string_view text = source.text();
  for (std::size_t at = text.find(kMarker); at != std::string_view::npos; at = text.find(kMarker, at + 1)) {
    const auto offset = static_cast<std::uint32_t>(at);
    const TSNode node = ts_node_descendant_for_byte_range(root, offset, offset + 1);
    if (!is(node, "comment")) continue;
    if (!into.empty() && into.back().location == location_of(node, source)) continue;
    if (auto codes = suppression_codes(text_of(node, source))) into.push_back({location_of(node, source), std::move(*codes)});
  }
}

}  // namespace testtier::parse
