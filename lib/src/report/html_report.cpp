// The HTML report: one page, its style inline, its pictures inline SVG, nothing fetched. The
// summary and charts come first (what a reader looks at), the long lists folded after them.
#include "testtier/html_report.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "report/directory_groups.hpp"
#include "report/html.hpp"
#include "report/html_chart.hpp"
#include "report/html_lists.hpp"
#include "report/summary.hpp"

namespace testtier {
namespace {

using report::count_in;
using report::count_of;
using report::html_text;
using report::percent;

// Chart bars: enough to see where a large suite's tiers are, few enough to read.
constexpr std::size_t kMaxDirectoryBars = 24;
constexpr std::size_t kMaxDirectoryDepth = 3;  // tests/sentry/api

constexpr std::string_view kStyle =
    ":root{color-scheme:light}"
    "body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif;margin:0 auto;"
    "max-width:1060px;padding:8px 24px 40px;color:#1f2328;background:#fff}"
    "h1{font-size:22px;margin:10px 0 2px}h2{font-size:17px;margin:26px 0 8px;padding-bottom:4px;"
    "border-bottom:1px solid #d0d7de}.muted{color:#59636e}"
    ".stats{display:flex;gap:12px;flex-wrap:wrap;margin:14px 0}"
    ".stat{border:1px solid #d0d7de;border-radius:6px;padding:6px 14px;min-width:140px}"
    ".stat b{display:block;font-size:24px}"
    "table{border-collapse:collapse;margin:8px 0}th,td{padding:3px 10px;border-bottom:1px solid #eaeef2;"
    "text-align:left;vertical-align:top}th{background:#f6f8fa}.n{text-align:right;font-variant-numeric:tabular-nums}"
    "code,pre{font-family:ui-monospace,'DejaVu Sans Mono',Menlo,Consolas,monospace;font-size:12.5px}"
    "pre{background:#f6f8fa;border-radius:4px;padding:8px 10px;margin:4px 0 8px;overflow-x:auto}"
    ".sw{display:inline-block;width:11px;height:11px;border-radius:2px;margin-right:6px;vertical-align:-1px}"
    ".legend{list-style:none;padding:0;margin:6px 0;display:flex;flex-wrap:wrap;gap:4px 18px}"
    "svg.chart{max-width:100%;height:auto;display:block;margin:8px 0}"
    "svg.chart text{font-size:12px;font-family:system-ui,'DejaVu Sans',sans-serif}"
    "details.file{border-bottom:1px solid #eaeef2;padding:2px 0}summary{cursor:pointer}"
    "details.why,ul.tests{margin:2px 0 6px 22px}ul.tests{list-style:none;padding:0}"
    ".svc,.count{color:#59636e}.tx{background:#6e7781}";

std::string page_head(const report::Summary& summary) {
  std::string tier_colors;
  for (std::size_t i = 0; i < summary.tiers.size(); ++i) {
    tier_colors += fmt::format(".t{}{{background:{}}}", i, report::tier_color(i));
  }
  return fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>testtier report: {}, {}</title>\n<style>{}{}</style>\n</head>\n<body>\n",
      count_of(summary.files, "test file"), count_of(summary.tests, "test"), kStyle, tier_colors);
}

/// Return the tests of each of `tiers` in the files of `files` at the indexes `only`.
std::vector<std::size_t> tests_per_tier(const std::vector<FileResult>& files, const std::vector<std::size_t>& only,
                                        const std::vector<std::string>& tiers) {
  std::vector<std::size_t> counts(tiers.size());
  for (const std::size_t i : only) {
    for (const TestResult& test : files[i].tests) {
      const auto found = std::find(tiers.begin(), tiers.end(), test.tier);
      if (found != tiers.end()) ++counts[std::size_t(found - tiers.begin())];
    }
  }
  return counts;
}

std::string legend(const std::vector<std::string>& tiers) {
  std::string out = "<ul class=\"legend\">";
  for (const std::string& tier : tiers) {
    out += fmt::format("<li><i class=\"sw {}\"></i>{}</li>", report::tier_class(tier, tiers), html_text(tier));
  }
  return out + "</ul>\n";
}

std::string tier_row(const std::string& tier, const report::Summary& summary, const Rules& rules) {
  const std::size_t files = count_in(summary.files_per_tier, tier);
  const std::size_t tests = count_in(summary.tests_per_tier, tier);
  const auto rule = std::find_if(rules.tiers.begin(), rules.tiers.end(), [&](const Tier& t) { return t.name == tier; });
  const std::string provides = rule == rules.tiers.end() ? std::string("?")
                               : rule->provides_everything ? std::string("every service")
                               : rule->provides.empty()  ? std::string("nothing")
                                                         : html_text(report::joined(rule->provides, ", "));
  return fmt::format(
      "<tr class=\"tier\" data-tier=\"{0}\" data-file-count=\"{1}\" data-test-count=\"{3}\"><td><i class=\"sw {5}\">"
      "</i>{0}</td><td class=\"n\">{1}</td><td class=\"n\">{2}</td><td class=\"n\">{3}</td><td class=\"n\">{4}</td>"
      "<td>{6}</td></tr>\n",
      html_text(tier), files, percent(files, summary.files), tests, percent(tests, summary.tests),
      report::tier_class(tier, summary.tiers), provides);
}

std::string minutes(double seconds) { return fmt::format("{:.1f} min", seconds / 60); }

std::string stat_box(std::string_view id, const std::string& value, std::string_view what) {
  return fmt::format("<div class=\"stat\" id=\"{}\"><b>{}</b>{}</div>", id, value, what);
}

std::size_t suspicious_count(const Classification& result) {
  std::size_t count = 0;
  for (const FileResult& file : result.files) count += file.suspicious.size();
  return count;
}

std::string summary_section(const Classification& result, const report::Summary& summary, const Rules& rules,
                            const Plan& plan) {
  std::string out = fmt::format(
      "<header>\n<h1>testtier report</h1>\n<p class=\"muted\">Which services each test needs, read from the "
      "source without running it; rules: <code>{}</code>.</p>\n</header>\n"
      "<section id=\"summary\" data-files=\"{}\" data-tests=\"{}\">\n<div class=\"stats\">",
      html_text(result.rules_origin), summary.files, summary.tests);
  out += stat_box("stat-files", std::to_string(summary.files), "test files");
  out += stat_box("stat-tests", std::to_string(summary.tests), "tests");
  out += stat_box("stat-saved", minutes(plan.startup_seconds_baseline - plan.startup_seconds_planned),
              "start-up saved per run");
  out += stat_box("stat-suspicious", std::to_string(suspicious_count(result)), "suspicious imports");
  out += "</div>\n";
  std::vector<std::size_t> shares;
  for (const std::string& tier : summary.tiers) shares.push_back(count_in(summary.tests_per_tier, tier));
  out += report::shares_svg(shares, summary.tiers, "tier-shares", "Share of tests per tier");
  out += legend(summary.tiers);
  out += "<table id=\"tiers\">\n<tr><th>tier</th><th class=\"n\">files</th><th class=\"n\">% files</th>"
         "<th class=\"n\">tests</th><th class=\"n\">% tests</th><th>provides</th></tr>\n";
  for (const std::string& tier : summary.tiers) out += tier_row(tier, summary, rules);
  out += fmt::format(
      "<tr><th>total</th><th class=\"n\">{}</th><th class=\"n\">100.0%</th><th class=\"n\">{}</th>"
      "<th class=\"n\">100.0%</th><th></th></tr>\n</table>\n</section>\n",
      summary.files, summary.tests);
  return out;
}

/// Return the rows of the plan's table: per tier, its shards, tests and the services it starts.
std::string plan_rows(const Plan& plan) {
  std::string out;
  for (std::size_t i = 0; i < plan.shards.size();) {
    // A tier's shards are consecutive, and its first says how many there are.
    const std::size_t count = std::clamp<std::size_t>(plan.shards[i].count, 1, plan.shards.size() - i);
    std::size_t tests = 0;
    for (std::size_t j = i; j < i + count; ++j) tests += plan.shards[j].tests.size();
    const Shard& first = plan.shards[i];
    out += fmt::format("<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td></tr>\n",
                       html_text(first.tier), count, tests,
                       first.services.empty() ? std::string("none") : html_text(report::joined(first.services, ", ")));
    i += count;
  }
  return out;
}

std::string startup_section(const Plan& plan) {
  const double saved = plan.startup_seconds_baseline - plan.startup_seconds_planned;
  std::string out = fmt::format(
      "<section id=\"startup\" data-saved-seconds=\"{:.0f}\" data-planned-seconds=\"{:.0f}\" "
      "data-baseline-seconds=\"{:.0f}\">\n<h2>Service start-up</h2>\n"
      "<p><b>{} saved per run</b> ({:.0f}%): with each shard starting only its tier's services ({} in all), "
      "start-up sums to {} over the shards, against {} if every shard started every service.</p>\n",
      plan.startup_seconds_baseline - plan.startup_seconds_planned, plan.startup_seconds_planned,
      plan.startup_seconds_baseline, minutes(saved),
      plan.startup_seconds_baseline > 0 ? 100 * saved / plan.startup_seconds_baseline : 0.0,
      count_of(plan.shards.size(), "shard"), minutes(plan.startup_seconds_planned),
      minutes(plan.startup_seconds_baseline));
  if (!plan.shards.empty()) {
    out += "<table>\n<tr><th>tier</th><th class=\"n\">shards</th><th class=\"n\">tests</th><th>services started"
           "</th></tr>\n" + plan_rows(plan) + "</table>\n";
  }
  if (!plan.used_durations) out += "<p class=\"muted\">Shards balanced by test counts (no durations given).</p>\n";
  return out + "</section>\n";
}

std::string directories_section(const Classification& result, const report::Summary& summary) {
  std::vector<report::ChartBar> bars;
  for (const report::DirectoryGroup& group :
       report::group_by_directory(result.files, kMaxDirectoryBars, kMaxDirectoryDepth)) {
    bars.push_back({group.label, group.description, tests_per_tier(result.files, group.files, summary.tiers)});
  }
  std::string out =
      "<section id=\"directories\">\n<h2>Tests per tier, by directory</h2>\n"
      "<p class=\"muted\">Each bar is one directory's tests, long in proportion to their number; hover over it for "
      "the counts.</p>\n";
  if (bars.empty()) return out + "<p>No test file.</p>\n</section>\n";
  out += legend(summary.tiers);
  return out + report::bars_svg(bars, summary.tiers, "directory-chart", "Tests per tier in each directory") +
         "\n</section>\n";
}

}  // namespace

std::string classification_to_html(const Classification& result, const Rules& rules, const Plan& plan) {
  const report::Summary summary = report::summarize(result);
  std::string out = page_head(summary);
  out += summary_section(result, summary, rules, plan);
  out += startup_section(plan);
  out += directories_section(result, summary);
  out += report::suspicious_section(result);
  out += report::diagnostics_section(result);
  out += report::files_section(result, rules, summary.tiers);
  return out + "</body>\n</html>\n";
}

}  // namespace testtier
