// Spelling text from files and rules (paths, names, messages) safely in HTML, where `<` opens a
// tag, `&` an entity, a quote ends an attribute, and some characters reorder what is shown.
#pragma once

#include <string>
#include <string_view>

namespace testtier::report {

/// Return `text` fit for the content of an HTML element (a `<summary>`, a table cell, a `<pre>`)
/// and for a quoted attribute value: `&`, `<`, `>`, `"` and `'` as entities; control characters
/// and undecodable bytes as printable() spells them; C1 controls (U+0080 to U+009F) and the
/// Unicode bidirectional controls (U+061C, U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069),
/// which would make a name show other than it is, spelled `\u{XXXX}`.
std::string html_text(std::string_view text);

/// Return `text` as html_text() does, but with its line ends ("\n") kept: the content of a
/// `<pre>` holding several lines (a `\r` is still spelled).
std::string html_lines(std::string_view text);

}  // namespace testtier::report
