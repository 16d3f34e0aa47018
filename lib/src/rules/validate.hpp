// Checks on rules beyond their types: globs that compile, services that exist, tiers that place
// every service (internal to the rules stage).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "rules/toml_reader.hpp"
#include "testtier/rules.hpp"

namespace testtier::rules {

/// Report (TomlReader::report) each item of the list `name` (at `key`) that does not compile as a glob.
void check_globs(const TomlReader& reader, const std::vector<Item>& items, std::string_view name,
                 std::string_view key);

/// Report each item of the list `name` (at `key`) that is not `KEY` or `KEY=VALUE-GLOB`.
void check_settings(const TomlReader& reader, const std::vector<Item>& items,
                    std::string_view name, std::string_view key);

/// Report each item of the list `name` (at `key`) that names none of `services` (nor is "*" when
/// `star_allowed`).
void check_services(const TomlReader& reader, const std::vector<Item>& items,
                    const std::map<std::string, Service>& services, std::string_view name,
                    std::string_view key, bool star_allowed = false);

/// Report unless `rules` has tiers, they place every service, and no tier comes after one that
/// provides `*` (it could never be chosen); `root` is the rules table, for locations. Checks
/// nothing when a problem was reported already (the rule set was not read whole).
void check_tiers(const TomlReader& reader, const Rules& rules, const toml::table& root);

}  // namespace testtier::rules
