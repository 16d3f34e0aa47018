// Tiers: the cheapest tier whose services cover a need.
#pragma once

#include <string>
#include <vector>

#include "testtier/rules.hpp"

namespace testtier::classify_stage {

/// Return the name of the first tier of `rules` that provides every one of `services`; when none
/// does (validated rules place each service, not every combination), the first tier providing
/// everything ("*"), else the last tier.
std::string choose_tier(const std::vector<std::string>& services, const Rules& rules);

}  // namespace testtier::classify_stage
