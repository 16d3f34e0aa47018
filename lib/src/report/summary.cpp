#include "report/summary.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

namespace testtier::report {
namespace {

/// Return `order`, followed by the names of `seen` that are not in it, by name.
std::vector<std::string> tiers_in_order(const std::vector<std::string>& order,
                                        const std::set<std::string>& seen) {
  std::vector<std::string> tiers = order;
  for (const std::string& tier : seen) {
    if (std::find(order.begin(), order.end(), tier) == order.end()) tiers.push_back(tier);
  }
  return tiers;
}

}  // namespace

Summary summarize(const Classification& result) {
  Summary summary;
  std::set<std::string> seen_tiers;
  for (const FileResult& file : result.files) {
    ++summary.files;
    ++summary.files_per_tier[file.tier];
    seen_tiers.insert(file.tier);
    for (const std::string& service : file.services) ++summary.files_per_service[service];
    for (const TestResult& test : file.tests) {
      ++summary.tests;
      ++summary.tests_per_tier[test.tier];
      seen_tiers.insert(test.tier);
      for (const std::string& service : test.services) ++summary.tests_per_service[service];
    }
  }
  summary.tiers = tiers_in_order(result.tier_order, seen_tiers);
  return summary;
}

std::vector<Count> tier_counts(const std::map<std::string, std::size_t>& per_tier,
                               const std::vector<std::string>& tiers) {
  std::vector<Count> counts;
  for (const std::string& tier : tiers) {
    const auto found = per_tier.find(tier);
    if (found != per_tier.end() && found->second > 0) counts.emplace_back(tier, found->second);
  }
  return counts;
}

std::string count_of(std::size_t count, std::string_view noun) {
  return fmt::format("{} {}{}", count, noun, count == 1 ? "" : "s");
}

std::string percent(std::size_t part, std::size_t whole) {
  return fmt::format("{:.1f}%", whole == 0 ? 0.0 : 100.0 * double(part) / double(whole));
}

std::size_t count_in(const std::map<std::string, std::size_t>& counts, const std::string& key) {
  const auto found = counts.find(key);
  return found == counts.end() ? 0 : found->second;
}

std::string joined(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const std::string& item : items) {
    if (&item != &items.front()) out += separator;
    out += item;
  }
  return out;
}

}  // namespace testtier::report
