// `--shards` as plan and report read it: a default count and counts per tier.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "testtier/rules.hpp"

namespace testtier::cli {

/// Parse `--shards 4` or `--shards postgres_only=2,snuba_tier=6` (a bare number sets `fallback`)
/// into `fallback` and `per_tier`; every TIER must be one of `rules`' tiers, every number from 1
/// to 100000. Return false after printing why not.
bool parse_shards(const std::vector<std::string>& given, const Rules& rules, std::size_t& fallback,
                  std::map<std::string, std::size_t>& per_tier);

}  // namespace testtier::cli
