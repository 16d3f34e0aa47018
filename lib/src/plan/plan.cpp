// plan_shards(): longest processing time first, per tier.
#include <algorithm>
#include <numeric>
#include <optional>

#include "testtier/plan.hpp"

namespace testtier {
namespace {

double startup_of(const std::vector<std::string>& services, const Rules& rules) {
  double longest = 0;
  for (const std::string& name : services) {
    if (const auto found = rules.services.find(name); found != rules.services.end()) {
      longest = std::max(longest, found->second.startup_seconds);
    }
  }
  return longest;
}

double median_of(std::vector<double> values) {
  if (values.empty()) return 1.0;
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

/// Split `tests` (id, seconds) into `count` shards: longest first, each to the least loaded shard.
std::vector<Shard> split_tier(std::vector<std::pair<std::string, double>> tests, std::size_t count, Shard prototype) {
  count = std::max<std::size_t>(1, std::min(count, tests.size()));
  std::stable_sort(tests.begin(), tests.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  std::vector<Shard> shards(count, prototype);
  for (std::size_t i = 0; i < count; ++i) {
    shards[i].index = i + 1;
    shards[i].count = count;
  }
  for (const auto& [id, seconds] : tests) {
    Shard& lightest = *std::min_element(shards.begin(), shards.end(), [](const Shard& a, const Shard& b) {
      return a.estimated_seconds < b.estimated_seconds || (a.estimated_seconds == b.estimated_seconds && a.index < b.index);
    });
    lightest.estimated_seconds += seconds;
    lightest.tests.push_back(id);
  }
  for (Shard& shard : shards) std::sort(shard.tests.begin(), shard.tests.end());
  return shards;
}

/// Return `durations` with parametrized ids (`a.py::t[1]`, as pytest-split and JUnit record them)
/// folded onto their function, summed: static analysis knows `a.py::t`, which runs every instance.
std::map<std::string, double> by_function(const std::map<std::string, double>& durations) {
  std::map<std::string, double> folded;
  for (const auto& [id, seconds] : durations) folded[function_node_id(id)] += seconds;
  return folded;
}

}  // namespace

Plan plan_shards(const Classification& result, const Rules& rules, std::size_t default_shards,
                 const std::map<std::string, std::size_t>& shards_per_tier,
                 const std::map<std::string, double>& recorded_durations) {
  const std::map<std::string, double> durations = by_function(recorded_durations);
  Plan plan;
  plan.used_durations = !durations.empty();
  std::vector<double> known;
  for (const auto& [id, seconds] : durations) known.push_back(seconds);
  const double fallback = median_of(known);
  std::vector<std::string> all_services;
  for (const auto& [name, service] : rules.services) all_services.push_back(name);
  const double baseline = startup_of(all_services, rules);
  for (const Tier& tier : rules.tiers) {
    // A test without a recorded duration counts as the median of its tier's (else of all) tests.
    std::vector<std::pair<std::string, std::optional<double>>> found;
    std::vector<double> tier_known;
    for (const FileResult& file : result.files) {
      for (const TestResult& test : file.tests) {
        if (test.tier != tier.name) continue;
        const auto hit = durations.find(function_node_id(test.id));
        std::optional<double> seconds;
        if (hit != durations.end()) seconds = hit->second;
        if (seconds) tier_known.push_back(*seconds);
        found.emplace_back(test.id, seconds);
      }
    }
    const double tier_fallback = tier_known.empty() ? fallback : median_of(tier_known);
    std::vector<std::pair<std::string, double>> tests;
    for (const auto& [id, seconds] : found) {
      if (plan.used_durations && !seconds) ++plan.tests_without_duration;
      tests.emplace_back(id, plan.used_durations ? seconds.value_or(tier_fallback) : 1.0);
    }
    if (tests.empty()) continue;
    Shard prototype;
    prototype.tier = tier.name;
    prototype.services = started_services(tier, rules);
    const auto wanted = shards_per_tier.find(tier.name);
    for (Shard& shard : split_tier(std::move(tests), wanted != shards_per_tier.end() ? wanted->second : default_shards,
                                   prototype)) {
      plan.startup_seconds_planned += startup_of(shard.services, rules);
      plan.startup_seconds_baseline += baseline;
      plan.shards.push_back(std::move(shard));
    }
  }
  return plan;
}

}  // namespace testtier
