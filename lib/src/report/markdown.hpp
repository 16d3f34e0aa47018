// Spelling text from files and rules (paths, names, messages) safely in GitHub-flavoured Markdown,
// where inline HTML is live and a stray `|`, `*` or backtick changes a table or the emphasis.
#pragma once

#include <string>
#include <string_view>

namespace testtier::report {

/// Return `text` as literal Markdown text, fit for a paragraph, a list item, a heading or a table
/// cell: control characters and undecodable bytes spelled as printable() does (so a newline
/// cannot end a table row or start a heading), `<`, `>` and `&` as HTML entities, and every
/// punctuation character Markdown or GitHub gives a meaning to (`\` `` ` `` `*` `_` `[` `]` `|`
/// `~` `#` `@` `$` `!`) backslash-escaped. A `-`, `+` or digit at the start of a line is not
/// escaped: the writers never start a line with text they are given.
std::string markdown_text(std::string_view text);

/// Return `text` as markdown_text() does, but with its line ends ("\n" or "\r\n") as `<br>`:
/// a message of several lines, kept as lines within one list item or cell.
std::string markdown_lines(std::string_view text);

/// Return `text` as a code span: the fence one backtick longer than the longest run of backticks
/// in `text`, padded with a space where `text` starts or ends with a backtick or with spaces (which
/// CommonMark would otherwise strip); control characters and undecodable bytes as printable()
/// spells them. Not for a table cell, where a `|` would still end the cell.
std::string markdown_code(std::string_view text);

}  // namespace testtier::report
