// Spelling text from the file system (paths, snippets) safely in outputs, and styling it.
#pragma once

#include <string>
#include <string_view>

namespace testtier {

/// Return `text` with every byte that is not part of valid UTF-8 spelled `\xNN` (upper-case
/// hex), so that two different undecodable names never print alike and JSON stays valid.
std::string escape_undecodable(std::string_view text);

/// Return `text` as escape_undecodable() does, with control characters (all but tab) spelled
/// `\n`, `\r`, `\v`, `\f` or `\xNN`: one field of a line-oriented human output, which a newline
/// in a file name must not be able to split into forged lines.
std::string printable(std::string_view text);

/// How a human output (lint's and classify's text) is styled. The writers never decide this: a
/// program asks whether its output is a terminal, NO_COLOR, FORCE_COLOR and its own flags.
struct TextStyle {
  bool color = false;  ///< ANSI SGR escapes (bold, red, ...) around codes, paths and headings
};

}  // namespace testtier
