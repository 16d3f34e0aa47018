// A classification as GitHub-flavoured Markdown, for a job summary or a pull-request comment: the
// text format's tables, then each tier's files folded away in a <details> (Sentry has 2,250 of
// them; the tables are what a reader looks at first), then the diagnostics.
#include <fmt/format.h>

#include <set>

#include "report/html.hpp"
#include "report/markdown.hpp"
#include "report/summary.hpp"
#include "testtier/report.hpp"
#include "testtier/text.hpp"

namespace testtier {
namespace {

using report::count_in;
using report::count_of;
using report::markdown_code;
using report::markdown_lines;
using report::markdown_text;
using report::percent;

/// Append a table row of `cells`, which are Markdown already.
void append_row(std::string& out, const std::vector<std::string>& cells) {
  out += '|';
  for (const std::string& cell : cells) out += ' ' + cell + " |";
  out += '\n';
}

void append_tier_table(std::string& out, const report::Summary& summary) {
  append_row(out, {"tier", "files", "% files", "tests", "% tests"});
  append_row(out, {":---", "---:", "---:", "---:", "---:"});
  for (const std::string& tier : summary.tiers) {
    const std::size_t files = count_in(summary.files_per_tier, tier);
    const std::size_t tests = count_in(summary.tests_per_tier, tier);
    append_row(out, {markdown_text(tier), std::to_string(files), percent(files, summary.files),
                     std::to_string(tests), percent(tests, summary.tests)});
  }
  append_row(out, {"**total**", std::to_string(summary.files), percent(summary.files, summary.files),
                   std::to_string(summary.tests), percent(summary.tests, summary.tests)});
}

void append_service_table(std::string& out, const report::Summary& summary) {
  // A service may be needed by a file's module level only, so by files and no test.
  std::set<std::string> services;
  for (const auto& [service, files] : summary.files_per_service) services.insert(service);
  for (const auto& [service, tests] : summary.tests_per_service) services.insert(service);
  if (services.empty()) return;
  out += '\n';
  append_row(out, {"service", "files", "tests"});
  append_row(out, {":---", "---:", "---:"});
  for (const std::string& service : services) {
    append_row(out, {markdown_text(service), std::to_string(count_in(summary.files_per_service, service)),
                     std::to_string(count_in(summary.tests_per_service, service))});
  }
}

/// Append the folded list of the files of `tier`, each with the services it needs; nothing for a
/// tier without files (the table shows its zero).
void append_tier_files(std::string& out, const Classification& result, const std::string& tier) {
  std::string items;
  std::size_t count = 0;
  for (const FileResult& file : result.files) {
    if (file.tier != tier) continue;
    ++count;
    items += "- " + markdown_code(file.path);
    std::vector<std::string> services;
    for (const std::string& service : file.services) services.push_back(markdown_text(service));
    if (!services.empty()) items += ": " + report::joined(services, ", ");
    items += '\n';
  }
  if (count == 0) return;
  // The blank lines let GitHub read the list inside the HTML block as Markdown.
  out += fmt::format("\n<details><summary>{} ({})</summary>\n\n{}\n</details>\n", report::html_text(tier),
                     count_of(count, "file"), items);
}

void append_diagnostics(std::string& out, const std::vector<Diagnostic>& diagnostics) {
  out += fmt::format("\n### {}\n", diagnostics.empty() ? "No diagnostics" : count_of(diagnostics.size(), "diagnostic"));
  if (!diagnostics.empty()) out += '\n';
  for (const Diagnostic& d : diagnostics) {
    out += fmt::format("- {} {} {}\n", markdown_code(fmt::format("{}:{}:{}", d.path, d.location.line, d.location.column)),
                       markdown_text(d.code), markdown_lines(d.message));
  }
}

}  // namespace

std::string classification_to_markdown(const Classification& result) {
  const report::Summary summary = report::summarize(result);
  std::string out = fmt::format("## testtier: {}, {} (rules: {})\n\n", count_of(summary.files, "test file"),
                                count_of(summary.tests, "test"), markdown_code(result.rules_origin));
  append_tier_table(out, summary);
  append_service_table(out, summary);
  if (summary.files > 0) out += "\n### Files per tier\n";
  for (const std::string& tier : summary.tiers) append_tier_files(out, result, tier);
  append_diagnostics(out, result.diagnostics);
  return out;  // every piece from the result went through markdown.hpp, which spells bad bytes
}

}  // namespace testtier
