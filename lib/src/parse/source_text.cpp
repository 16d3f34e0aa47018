#include "parse/source_text.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>

#include <fmt/format.h>

#include "util/utf8.hpp"

namespace testtier::parse {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::size_t kBinaryProbeBytes = 8000;  // git's buffer_is_binary() looks this far

/// Return whether `text[i]` ends a line: '\n', or '\r' not followed by '\n' (Python reads
/// '\r', "\r\n" and '\n' alike: universal newlines).
bool ends_line(std::string_view text, std::size_t i) {
  return text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'));
}

/// Return the 1-based line and character column of byte `offset` in `text`.
SourceLocation location_of(std::string_view text, std::size_t offset) {
  std::size_t line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (ends_line(text, i)) ++line, line_start = i + 1;
  }
  const auto column = 1 + utf8::count_code_points(text.substr(line_start, offset - std::min(offset, line_start)));
  return {static_cast<std::uint32_t>(line), static_cast<std::uint32_t>(column)};
}

/// Turn each lone '\r' (old Mac line ends) into '\n', byte for byte, so that tree-sitter, which
/// ends lines at '\n' only, sees the lines Python sees; offsets do not move.
void normalize_line_ends(std::string& text) {
  for (std::size_t i = text.find('\r'); i != std::string::npos; i = text.find('\r', i + 1)) {
    if (ends_line(text, i)) text[i] = '\n';
  }
}

/// Return the encoding a PEP 263 cookie names in the first two lines, lower-cased, or "".
std::string coding_cookie(std::string_view text) {
  std::size_t start = 0;
  for (int line = 0; line < 2 && start < text.size(); ++line) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view current = text.substr(start, end - start);
    const std::size_t hash = current.find('#');
    if (hash != std::string_view::npos) {
      const std::size_t key = current.find("coding", hash);
      if (key != std::string_view::npos && key + 6 < current.size() &&
          (current[key + 6] == ':' || current[key + 6] == '=')) {
        std::size_t i = key + 7;
        while (i < current.size() && (current[i] == ' ' || current[i] == '\t')) ++i;
        std::string name;
        while (i < current.size() && (std::isalnum(static_cast<unsigned char>(current[i])) ||
                                      current[i] == '-' || current[i] == '_' || current[i] == '.')) {
          name += static_cast<char>(std::tolower(static_cast<unsigned char>(current[i++])));
        }
        return name;
      }
    }
    start = end + 1;
  }
  return {};
}

bool is_latin1_name(std::string_view name) {
  static constexpr std::array<std::string_view, 7> kNames = {
      "latin-1", "latin1", "iso-8859-1", "iso8859-1", "iso_8859_1", "l1", "latin_1"};
  return std::find(kNames.begin(), kNames.end(), name) != kNames.end();
}

Diagnostic make_diagnostic(SourceLocation where, Severity severity, std::string_view code,
                           std::string message) {
  return Diagnostic{{}, where, severity, std::string(code), std::move(message)};
}

/// Replace NUL bytes by spaces, reporting the first one.
void blank_nul_bytes(SourceText& source) {
  const std::size_t first = source.text.find('\0');
  if (first == std::string::npos) return;
  const auto count = std::count(source.text.begin(), source.text.end(), '\0');
  source.diagnostics.push_back(make_diagnostic(
      location_of(source.text, first), Severity::warning, codes::undecodable,
      fmt::format("source contains {} NUL byte{}; read as spaces", count, count == 1 ? "" : "s")));
  std::replace(source.text.begin(), source.text.end(), '\0', ' ');
}

}  // namespace

SourceText decode_source(std::string_view bytes) {
  SourceText source;
  if (bytes.substr(0, kBom.size()) == kBom) bytes.remove_prefix(kBom.size());

  const std::size_t nul = bytes.substr(0, kBinaryProbeBytes).find('\0');
  if (nul != std::string_view::npos) {
    source.binary = true;
    source.diagnostics.push_back(make_diagnostic(
        {}, Severity::warning, codes::unreadable,
        fmt::format("binary file (NUL byte at offset {}); not parsed", nul)));
    return source;
  }

  if (const auto bad = utf8::first_invalid(bytes)) {
    const std::string cookie = coding_cookie(bytes);
    if (is_latin1_name(cookie)) {
      source.text = utf8::from_latin1(bytes);
    } else {
      source.diagnostics.push_back(make_diagnostic(
          location_of(bytes, *bad), Severity::warning, codes::undecodable,
          cookie.empty()
              ? fmt::format("not valid UTF-8 (byte 0x{:02X}) and no coding declaration; "
                            "undecodable bytes read as U+FFFD",
                            static_cast<std::uint8_t>(bytes[*bad]))
              : fmt::format("not valid UTF-8 and coding '{}' is not supported; "
                            "undecodable bytes read as U+FFFD",
                            cookie)));
      source.text = utf8::repaired(bytes);
    }
  } else {
    source.text = std::string(bytes);
  }
  blank_nul_bytes(source);
  normalize_line_ends(source.text);
  return source;
}

}  // namespace testtier::parse
