// Parsing rules text as TOML (internal to the rules stage).
#pragma once

#include <string>
#include <string_view>

#include <toml++/toml.h>

namespace testtier::rules {

/// Parse the TOML `text`; throw a RulesError naming `origin` and the position on a syntax error.
toml::table parse_toml(std::string_view text, const std::string& origin);

/// The text of rules/default.toml, compiled into the library (generated at build time).
extern const std::string_view default_rules_toml;

}  // namespace testtier::rules
