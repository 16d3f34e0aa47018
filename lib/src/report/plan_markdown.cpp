// A shard plan as GitHub-flavoured Markdown: the text format's table of tiers, then what the plan
// saves in service start-up.
#include <algorithm>
#include <span>

#include <fmt/format.h>

#include "report/markdown.hpp"
#include "report/summary.hpp"
#include "testtier/plan_report.hpp"

namespace testtier {
namespace {

using report::markdown_text;

/// Return the table row of the shards of one tier, `shards` (all of them, in index order).
std::string tier_row(std::span<const Shard> shards) {
  std::size_t tests = 0;
  double longest = 0;
  for (const Shard& shard : shards) {
    tests += shard.tests.size();
    longest = std::max(longest, shard.estimated_seconds);
  }
  std::vector<std::string> services;
  for (const std::string& service : shards.front().services) services.push_back(markdown_text(service));
  return fmt::format("| {} | {} | {} | {:.1f} | {} |\n", markdown_text(shards.front().tier), shards.size(), tests,
                     longest, services.empty() ? "-" : report::joined(services, ", "));
}

std::string startup_line(const Plan& plan) {
  const double saved = plan.startup_seconds_baseline - plan.startup_seconds_planned;
  return fmt::format(
      "Service start-up, summed over shards: {:.0f} s planned, {:.0f} s if every shard started every service; "
      "**saves {:.0f} s ({:.0f}%)**.\n",
      plan.startup_seconds_planned, plan.startup_seconds_baseline, saved,
      plan.startup_seconds_baseline > 0 ? 100 * saved / plan.startup_seconds_baseline : 0.0);
}

}  // namespace

std::string plan_to_markdown(const Plan& plan) {
  std::size_t tiers = 0, tests = 0;
  std::string rows;
  for (std::size_t i = 0; i < plan.shards.size();) {
    // A tier's shards are consecutive, and its first says how many there are.
    const std::size_t count = std::max<std::size_t>(1, std::min(plan.shards[i].count, plan.shards.size() - i));
    const std::span<const Shard> shards(plan.shards.data() + i, count);
    for (const Shard& shard : shards) tests += shard.tests.size();
    rows += tier_row(shards);
    ++tiers;
    i += count;
  }
  std::string out = fmt::format("## testtier plan: {}, {}, {}\n\n", report::count_of(tiers, "tier"),
                                report::count_of(plan.shards.size(), "shard"), report::count_of(tests, "test"));
  if (!rows.empty()) {
    out += "| tier | shards | tests | longest s | services |\n| :--- | ---: | ---: | ---: | :--- |\n" + rows + '\n';
  }
  out += startup_line(plan);
  if (!plan.used_durations) out += "\nShards balanced by test counts (no durations).\n";
  return out;
}

}  // namespace testtier
