// started_services(): what a tier's shard starts.
#include <algorithm>
#include <set>

#include "testtier/rules.hpp"

namespace testtier {

std::vector<std::string> started_services(const Tier& tier, const Rules& rules) {
  std::set<std::string> started;
  for (const auto& [name, service] : rules.services) {
    const bool provided = tier.provides_everything ||
                          std::find(tier.provides.begin(), tier.provides.end(), name) != tier.provides.end();
    if (!provided) continue;
    started.insert(name);
    started.insert(service.brings.begin(), service.brings.end());
  }
  return {started.begin(), started.end()};
}

}  // namespace testtier
