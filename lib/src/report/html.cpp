#include "report/html.hpp"

#include <algorithm>
#include <cstdint>

#include <fmt/format.h>

#include "testtier/text.hpp"
#include "util/utf8.hpp"

namespace testtier::report {
namespace {

/// Return the HTML entity of `c` when it needs one in text or in a quoted attribute, else nullptr.
const char* entity_of(char c) {
  switch (c) {
    case '&': return "&amp;";
    case '<': return "&lt;";
    case '>': return "&gt;";
    case '"': return "&quot;";
    case '\'': return "&#39;";
    default: return nullptr;
  }
}

/// Return the code point of the valid UTF-8 sequence `sequence` (2 to 4 bytes).
char32_t decode(std::string_view sequence) {
  const auto byte = [&](std::size_t i) { return static_cast<char32_t>(static_cast<unsigned char>(sequence[i])); };
  char32_t point = byte(0) & (0x7F >> sequence.size());
  for (std::size_t i = 1; i < sequence.size(); ++i) point = (point << 6) | (byte(i) & 0x3F);
  return point;
}

/// Return whether `point` is a C1 control or changes the direction text is shown in.
bool is_hidden_control(char32_t point) {
  return (point >= 0x80 && point <= 0x9F) || point == 0x061C || point == 0x200E || point == 0x200F ||
         (point >= 0x202A && point <= 0x202E) || (point >= 0x2066 && point <= 0x2069);
}

}  // namespace

std::string html_text(std::string_view text) {
  const std::string shown = printable(text);  // valid UTF-8 from here on
  std::string out;
  out.reserve(shown.size());
  for (std::size_t i = 0; i < shown.size();) {
    const char c = shown[i];
    if (static_cast<unsigned char>(c) < 0x80) {
      if (const char* entity = entity_of(c)) {
        out += entity;
      } else {
        out += c;
      }
      ++i;
      continue;
    }
    const std::size_t length = std::max<std::size_t>(1, utf8::sequence_length(shown, i));
    const std::string_view sequence(shown.data() + i, length);
    if (const char32_t point = decode(sequence); is_hidden_control(point)) {
      out += fmt::format("\\u{{{:04X}}}", static_cast<std::uint32_t>(point));
    } else {
      out += sequence;
    }
    i += length;
  }
  return out;
}

std::string html_lines(std::string_view text) {
  std::string out;
  for (std::size_t start = 0;;) {
    const std::size_t end = text.find('\n', start);
    out += html_text(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) return out;
    out += '\n';
    start = end + 1;
  }
}

}  // namespace testtier::report
