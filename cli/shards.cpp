#include "shards.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "output.hpp"
#include "testtier/plan.hpp"

namespace testtier::cli {
namespace {

/// Return the positive number `text` spells (digits only, at most 100000), or 0.
std::size_t shard_count(const std::string& text) {
  if (text.empty() || text.size() > 6 || !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return 0;
  }
  const std::size_t count = std::stoul(text);
  return count <= 100000 ? count : 0;
}

}  // namespace

bool parse_shards(const std::vector<std::string>& given, const Rules& rules, std::size_t& fallback,
                  std::map<std::string, std::size_t>& per_tier) {
  for (const std::string& item : given) {
    const std::size_t equals = item.find('=');
    const std::size_t count = shard_count(equals == std::string::npos ? item : item.substr(equals + 1));
    if (count == 0) {
      print_error("testtier: error: --shards {}: expected a positive number or TIER=NUMBER\n", item);
      return false;
    }
    if (equals == std::string::npos) {
      fallback = count;
      continue;
    }
    const std::string tier = item.substr(0, equals);
    const bool known = std::any_of(rules.tiers.begin(), rules.tiers.end(), [&](const Tier& t) { return t.name == tier; });
    if (!known) {
      std::vector<std::string> names;
      for (const Tier& t : rules.tiers) names.push_back(t.name);
      print_error("testtier: error: --shards {}: no tier `{}` in {}; tiers are: {}\n", item, tier, rules.origin,
                 fmt::join(names, ", "));
      return false;
    }
    per_tier[tier] = count;
  }
  return true;
}

std::optional<ShardRequest> read_shard_request(const std::vector<std::string>& shards,
                                               const std::string& durations_file, const Repository& repository) {
  ShardRequest request;
  if (!parse_shards(shards, repository.rules, request.fallback, request.per_tier)) return std::nullopt;
  if (durations_file.empty()) return request;
  try {
    request.durations = read_durations(repository.from_start(durations_file));
  } catch (const std::exception& problem) {
    print_error("testtier: error: {}\n", problem.what());
    return std::nullopt;
  }
  return request;
}

}  // namespace testtier::cli
