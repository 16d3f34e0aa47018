// CI shard plans: per tier, the services to start and the tests split into balanced shards; and
// the cross-check of a static classification against what a runtime classifier observed.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "testtier/classification.hpp"
#include "testtier/rules.hpp"

namespace testtier {

/// Test durations in seconds by node id, from pytest-split's `.test_durations` (JSON) or a JUnit
/// XML report. Throws std::runtime_error naming the file when it cannot be read or parsed.
std::map<std::string, double> read_durations(const std::string& file);

/// One shard of one tier.
struct Shard {
  std::string tier;
  std::vector<std::string> services;   ///< what the tier starts, with what they bring, sorted
  std::size_t index = 0;               ///< 1-based
  std::size_t count = 0;               ///< shards of this tier
  double estimated_seconds = 0;        ///< sum of the durations of its tests
  std::vector<std::string> tests;      ///< node ids
};

/// A whole plan.
struct Plan {
  std::vector<Shard> shards;           ///< tier order, then shard index
  bool used_durations = false;         ///< false: balanced by test counts (no durations given or known)
  std::size_t tests_without_duration = 0;
  double startup_seconds_planned = 0;  ///< sum over shards of their tier's start-up estimate
  double startup_seconds_baseline = 0; ///< every shard starting every service
};

/// Plan shards: each tier's tests split into `shards_per_tier[tier]` shards (else `default_shards`),
/// longest-processing-time-first by `durations` (parametrized ids, `a.py::t[1]`, summed onto their
/// function; a test without one counts as the median of its tier), or by counts
/// when `durations` is empty. A tier never gets an empty shard (fewer shards when it has fewer
/// tests) and a tier without tests gets none. A shard's start-up is the largest `startup_seconds`
/// among its services (they start in parallel).
Plan plan_shards(const Classification& result, const Rules& rules, std::size_t default_shards,
                 const std::map<std::string, std::size_t>& shards_per_tier,
                 const std::map<std::string, double>& durations);

/// Return the node id of the function a parametrized test belongs to: `a.py::t[1-x]` → `a.py::t`.
std::string function_node_id(std::string_view node_id);

}  // namespace testtier
