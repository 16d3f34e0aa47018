#include "rules/validate.hpp"

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>

#include "testtier/glob.hpp"

namespace testtier::rules {
namespace {

/// Return "a, b, c": the names of `services`.
std::string service_names(const std::map<std::string, Service>& services) {
  std::vector<std::string_view> names;
  for (const auto& [name, service] : services) names.push_back(name);
  return fmt::format("{}", fmt::join(names, ", "));
}

/// Return where the table of service `name` starts, else where the rules start.
SourceLocation service_location(const toml::table& root, const std::string& name) {
  const toml::node* services = root.get("services");
  const toml::node* service = services != nullptr && services->is_table()
                                  ? services->as_table()->get(name)
                                  : nullptr;
  return location_of(service != nullptr ? *service : root);
}

/// Return where the name of the `index`th [[tier]] of `root` is written, else where the tier is.
SourceLocation tier_location(const toml::table& root, std::size_t index) {
  const toml::array* tiers = root.get_as<toml::array>("tier");
  const toml::node* tier = tiers != nullptr ? tiers->get(index) : nullptr;
  if (tier == nullptr || !tier->is_table()) return location_of(root);
  const toml::node* name = tier->as_table()->get("name");
  return location_of(name != nullptr ? *name : *tier);
}

/// Report each tier of `rules` after the first that provides `*`: it can never be chosen.
void check_tiers_reachable(const TomlReader& reader, const Rules& rules, const toml::table& root) {
  const auto everything = std::find_if(rules.tiers.begin(), rules.tiers.end(),
                                       [](const Tier& tier) { return tier.provides_everything; });
  if (everything == rules.tiers.end()) return;
  for (auto tier = everything + 1; tier != rules.tiers.end(); ++tier) {
    const auto index = static_cast<std::size_t>(tier - rules.tiers.begin());
    reader.report(tier_location(root, index), fmt::format("tier[{}]", index),
                  fmt::format("tier `{}` can never be chosen: tier `{}` before it provides every service "
                              "(`*`); move it before `{}`, or remove it",
                              tier->name, everything->name, everything->name));
  }
}

/// Return whether some tier of `tiers` provides `service`.
bool placed(const std::vector<Tier>& tiers, const std::string& service) {
  return std::any_of(tiers.begin(), tiers.end(), [&](const Tier& tier) {
    return tier.provides_everything ||
           std::find(tier.provides.begin(), tier.provides.end(), service) != tier.provides.end();
  });
}

}  // namespace

void check_globs(const TomlReader& reader, const std::vector<Item>& items, std::string_view name,
                 std::string_view key) {
  for (const Item& item : items) {
    try {
      Glob{item.text};
    } catch (const std::invalid_argument& error) {
      reader.report(item.location, key, fmt::format("bad glob in `{}`: {}", name, error.what()));
    }
  }
}

void check_settings(const TomlReader& reader, const std::vector<Item>& items,
                    std::string_view name, std::string_view key) {
  for (const Item& item : items) {
    const auto equals = item.text.find('=');
    if (equals == 0) {
      reader.report(item.location, key,
                  fmt::format("`{}` entry \"{}\" has no setting name before '='; write "
                              "KEY=VALUE-GLOB or KEY",
                              name, item.text));
      continue;
    }
    if (equals == std::string::npos) continue;
    const std::string value = item.text.substr(equals + 1);
    try {
      Glob{value};
    } catch (const std::invalid_argument& error) {
      reader.report(item.location, key,
                  fmt::format("bad value glob in `{}` entry \"{}\": {}", name, item.text,
                              error.what()));
    }
  }
}

void check_services(const TomlReader& reader, const std::vector<Item>& items,
                    const std::map<std::string, Service>& services, std::string_view name,
                    std::string_view key, bool star_allowed) {
  for (const Item& item : items) {
    if (services.contains(item.text) || (star_allowed && item.text == "*")) continue;
    const std::string known = services.empty()
                                  ? fmt::format("no {} are defined", reader.section("services"))
                                  : fmt::format("services are: {}", service_names(services));
    reader.report(item.location, key,
                  fmt::format("unknown service `{}` in `{}`; {}", item.text, name, known));
  }
}

void check_tiers(const TomlReader& reader, const Rules& rules, const toml::table& root) {
  // Checks of the whole rule set: only meaningful, and only reported, when every part was read
  // (else "no tier" or "service in no tier" would often be the same mistake again).
  if (reader.has_problems()) return;
  if (rules.tiers.empty()) {
    reader.fail(location_of(root), "tier",
                fmt::format("no {} is defined; give at least one, the last usually with "
                            "provides = [\"*\"]",
                            reader.section("tier[0]")));
  }
  check_tiers_reachable(reader, rules, root);
  std::vector<std::string> unplaced;
  for (const auto& [name, service] : rules.services) {
    if (!placed(rules.tiers, name)) unplaced.push_back(name);
  }
  if (unplaced.empty()) return;
  std::vector<std::string> quoted;
  for (const std::string& name : unplaced) quoted.push_back(fmt::format("`{}`", name));
  const bool one = unplaced.size() == 1;
  reader.report(service_location(root, unplaced.front()), "services." + unplaced.front(),
              fmt::format("{} {} {} in no tier; add {} to some tier's `provides`, or add a last "
                          "tier with provides = [\"*\"]",
                          one ? "service" : "services", fmt::join(quoted, ", "),
                          one ? "is" : "are", one ? "it" : "them"));
}

}  // namespace testtier::rules
