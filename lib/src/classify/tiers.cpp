#include "classify/tiers.hpp"

#include <algorithm>

namespace testtier::classify_stage {

std::string choose_tier(const std::vector<std::string>& services, const Rules& rules) {
  for (const Tier& tier : rules.tiers) {
    const bool covers = tier.provides_everything ||
                        std::all_of(services.begin(), services.end(), [&](const std::string& service) {
                          return std::find(tier.provides.begin(), tier.provides.end(), service) != tier.provides.end();
                        });
    if (covers) return tier.name;
  }
  for (const Tier& tier : rules.tiers) {
    if (tier.provides_everything) return tier.name;
  }
  return rules.tiers.empty() ? std::string() : rules.tiers.back().name;
}

}  // namespace testtier::classify_stage
