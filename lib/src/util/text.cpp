#include "testtier/text.hpp"

#include <fmt/format.h>

#include "util/utf8.hpp"

namespace testtier {
namespace {

void append_escaped_byte(std::string& out, unsigned char byte) { out += fmt::format("\\x{:02X}", byte); }

/// Append `text` to `out` with invalid UTF-8 bytes escaped and, when `controls`, control characters.
void append_escaped(std::string& out, std::string_view text, bool controls) {
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      const bool control = byte < 0x20 || byte == 0x7F;
      if (!controls || !control || byte == '\t') {
        out += static_cast<char>(byte);
      } else if (byte == '\n') {
        out += "\\n";
      } else if (byte == '\r') {
        out += "\\r";
      } else if (byte == '\v') {
        out += "\\v";
      } else if (byte == '\f') {
        out += "\\f";
      } else {
        append_escaped_byte(out, byte);
      }
      ++i;
      continue;
    }
    const std::size_t length = utf8::sequence_length(text, i);
    if (length == 0) {
      append_escaped_byte(out, byte);
      ++i;
    } else {
      out.append(text.substr(i, length));
      i += length;
    }
  }
}

}  // namespace

std::string escape_undecodable(std::string_view text) {
  if (!utf8::first_invalid(text)) return std::string(text);
  std::string out;
  out.reserve(text.size() + 16);
  append_escaped(out, text, false);
  return out;
}

std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  append_escaped(out, text, true);
  return out;
}

}  // namespace testtier
