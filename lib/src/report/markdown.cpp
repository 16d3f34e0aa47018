#include "report/markdown.hpp"

#include <algorithm>

#include "testtier/text.hpp"

namespace testtier::report {
namespace {

/// Return the HTML entity of `c` when it has one the writers need, else nullptr.
const char* entity_of(char c) {
  switch (c) {
    case '&': return "&amp;";
    case '<': return "&lt;";
    case '>': return "&gt;";
    default: return nullptr;
  }
}

/// Return the length of the longest run of backticks in `text`.
std::size_t longest_backtick_run(std::string_view text) {
  std::size_t longest = 0, run = 0;
  for (const char c : text) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return longest;
}

}  // namespace

std::string markdown_text(std::string_view text) {
  constexpr std::string_view kEscaped = "\\`*_[]|~#@$!";
  std::string out;
  for (const char c : printable(text)) {
    if (const char* entity = entity_of(c)) {
      out += entity;
    } else {
      if (kEscaped.find(c) != std::string_view::npos) out += '\\';
      out += c;
    }
  }
  return out;
}

std::string markdown_lines(std::string_view text) {
  std::string out;
  for (std::size_t start = 0;;) {
    const std::size_t end = text.find('\n', start);
    std::string_view line = text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    if (end != std::string_view::npos && line.ends_with('\r')) line.remove_suffix(1);
    out += markdown_text(line);
    if (end == std::string_view::npos) return out;
    out += "<br>";
    start = end + 1;
  }
}

std::string markdown_code(std::string_view text) {
  const std::string content = printable(text);
  const std::string fence(longest_backtick_run(content) + 1, '`');
  // CommonMark strips one space from each end of a span that has one at both; a backtick at an
  // end would join the fence. A space on both sides keeps the content as it is in either case.
  const bool all_spaces = content.find_first_not_of(' ') == std::string::npos;
  const bool padded = !content.empty() && !all_spaces &&
                      (content.front() == '`' || content.back() == '`' ||
                       (content.front() == ' ' && content.back() == ' '));
  if (content.empty()) return "` `";  // "``" would be no span at all
  return padded ? fence + ' ' + content + ' ' + fence : fence + content + fence;
}

}  // namespace testtier::report
