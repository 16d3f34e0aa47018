// `--shards` and `--durations` as plan and report read them: a default count, counts per tier,
// and test durations.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "repository.hpp"
#include "testtier/rules.hpp"

namespace testtier::cli {

/// Parse `--shards 4` or `--shards postgres_only=2,snuba_tier=6` (a bare number sets `fallback`)
/// into `fallback` and `per_tier`; every TIER must be one of `rules`' tiers, every number from 1
/// to 100000. Return false after printing why not.
bool parse_shards(const std::vector<std::string>& given, const Rules& rules, std::size_t& fallback,
                  std::map<std::string, std::size_t>& per_tier);

/// What `--shards` and `--durations` ask of a plan.
struct ShardRequest {
  std::size_t fallback = 1;                       ///< shards of a tier not named
  std::map<std::string, std::size_t> per_tier;
  std::map<std::string, double> durations;        ///< empty: balance by counts
};

/// Return `shards` parsed (parse_shards()) and `durations_file` read (relative to where the
/// program started; none when empty), or nullopt after printing why not.
std::optional<ShardRequest> read_shard_request(const std::vector<std::string>& shards,
                                               const std::string& durations_file, const Repository& repository);

}  // namespace testtier::cli
