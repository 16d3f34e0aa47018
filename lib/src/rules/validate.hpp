// Checks on rules beyond their types: globs that compile, services that exist, tiers that place
// every service (internal to the rules stage).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "rules/toml_reader.hpp"
#include "testtier/rules.hpp"

namespace testtier::rules_detail {

/// Throw unless every item of the list `name` (at `key`) compiles as a glob.
void check_globs(const TomlReader& reader, const std::vector<Item>& items, std::string_view name,
                 std::string_view key);

/// Throw unless every item of the list `name` (at `key`) is `KEY` or `KEY=VALUE-GLOB`.
void check_settings(const TomlReader& reader, const std::vector<Item>& items,
                    std::string_view name, std::string_view key);

/// Throw unless every item of the list `name` (at `key`) names one of `services` (or is "*" when
/// `star_allowed`).
void check_services(const TomlReader& reader, const std::vector<Item>& items,
                    const std::map<std::string, Service>& services, std::string_view name,
                    std::string_view key, bool star_allowed = false);

/// Throw unless `rules` has tiers and they place every service; `root` is the rules table, for
/// locations.
void check_tiers(const TomlReader& reader, const Rules& rules, const toml::table& root);

}  // namespace testtier::rules_detail
