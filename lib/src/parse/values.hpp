// Reading Python expressions as static values: dotted names, literals and calls of them.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "parse/syntax_tree.hpp"
#include "testtier/facts.hpp"

namespace testtier::parse {

/// Return the dotted name `node` spells (`a`, `a.b.c`), or nullopt for any other expression.
std::optional<std::string> dotted_name(TSNode node, const Source& source);

/// Return the string a string literal (or implicit concatenation of them) denotes, or nullopt
/// when `node` is not one or interpolates (an f-string with fields).
std::optional<std::string> string_literal(TSNode node, const Source& source);

/// Return `node` as a Value; expressions nested deeper than a fixed limit become Kind::other.
Value value_of(TSNode node, const Source& source);

}  // namespace testtier::parse
