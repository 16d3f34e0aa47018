// A human summary of a classification, laid out like the tables of the tier investigation:
// a header line, files and tests per tier, per service, the files of each tier, the diagnostics.
#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "report/ansi.hpp"
#include "report/summary.hpp"
#include "testtier/report.hpp"
#include "testtier/text.hpp"
#include "util/utf8.hpp"

namespace testtier {
namespace {

using Row = std::vector<std::string>;

/// Return the widest cell of each column of `rows`, in code points.
std::vector<std::size_t> column_widths(const std::vector<Row>& rows) {
  std::vector<std::size_t> widths;
  for (const Row& row : rows) {
    widths.resize(std::max(widths.size(), row.size()), 0);
    for (std::size_t i = 0; i < row.size(); ++i) {
      widths[i] = std::max(widths[i], utf8::count_code_points(row[i]));
    }
  }
  return widths;
}

/// Append `text` padded with spaces to `width` code points, on the right or on the left.
void append_padded(std::string& out, const std::string& text, std::size_t width, bool left_align) {
  const std::string padding(width - std::min(width, utf8::count_code_points(text)), ' ');
  out += left_align ? text + padding : padding + text;
}

/// Append `rows` as a table: the first column left-aligned, the others right-aligned; the first
/// row (the header) bold with `style.color`, painted after padding so that columns stay aligned.
void append_table(std::string& out, const std::vector<Row>& rows, const TextStyle& style) {
  const std::vector<std::size_t> widths = column_widths(rows);
  for (std::size_t r = 0; r < rows.size(); ++r) {
    std::string line;
    for (std::size_t i = 0; i < rows[r].size(); ++i) {
      if (i > 0) line += "  ";
      append_padded(line, rows[r][i], widths[i], i == 0);
    }
    out += report::paint(line, report::sgr::bold, style.color && r == 0) + '\n';
  }
}

using report::count_in;
using report::count_of;
using report::percent;

void append_tier_table(std::string& out, const report::Summary& summary, const TextStyle& style) {
  std::vector<Row> rows{{"tier", "files", "% files", "tests", "% tests"}};
  for (const std::string& tier : summary.tiers) {
    const std::size_t files = count_in(summary.files_per_tier, tier);
    const std::size_t tests = count_in(summary.tests_per_tier, tier);
    rows.push_back({tier, std::to_string(files), percent(files, summary.files),
                    std::to_string(tests), percent(tests, summary.tests)});
  }
  rows.push_back({"total", std::to_string(summary.files), percent(summary.files, summary.files),
                  std::to_string(summary.tests), percent(summary.tests, summary.tests)});
  append_table(out, rows, style);
}

void append_service_table(std::string& out, const report::Summary& summary, const TextStyle& style) {
  // A service may be needed by a file's module level only, so by files and no test.
  std::set<std::string> services;
  for (const auto& [service, files] : summary.files_per_service) services.insert(service);
  for (const auto& [service, tests] : summary.tests_per_service) services.insert(service);
  std::vector<Row> rows{{"service", "files", "tests"}};
  for (const std::string& service : services) {
    rows.push_back({service, std::to_string(count_in(summary.files_per_service, service)),
                    std::to_string(count_in(summary.tests_per_service, service))});
  }
  append_table(out, rows, style);
}

/// Append the section of `tier`: its heading, then each of its files with the services it needs.
void append_tier_files(std::string& out, const Classification& result, const std::string& tier,
                       const TextStyle& style) {
  std::vector<const FileResult*> files;
  for (const FileResult& file : result.files) {
    if (file.tier == tier) files.push_back(&file);
  }
  out += report::paint(fmt::format("{} ({})", tier, count_of(files.size(), "file")), report::sgr::bold, style.color) +
         '\n';
  std::vector<std::string> paths;  // one line each: a newline in a name must not forge lines
  for (const FileResult* file : files) paths.push_back(printable(file->path));
  std::size_t width = 0;
  for (const std::string& path : paths) width = std::max(width, utf8::count_code_points(path));
  for (std::size_t i = 0; i < files.size(); ++i) {
    const FileResult* file = files[i];
    out += "  ";
    if (file->services.empty()) {
      out += paths[i];  // no padding: no trailing spaces
    } else {
      append_padded(out, paths[i], width, true);
      out += "  " + report::joined(file->services, ", ");
    }
    out += '\n';
  }
}

void append_diagnostics(std::string& out, const std::vector<Diagnostic>& diagnostics) {
  out += fmt::format("diagnostics: {}\n", diagnostics.size());
  for (const Diagnostic& d : diagnostics) {
    out += fmt::format("{}:{}:{}: {} {}\n", printable(d.path), d.location.line, d.location.column, d.code,
                       printable(d.message));
  }
}

}  // namespace

std::string classification_to_text(const Classification& result, const TextStyle& style) {
  const report::Summary summary = report::summarize(result);
  std::string out = report::paint(fmt::format("testtier: {}, {} (rules: {})", count_of(summary.files, "test file"),
                                              count_of(summary.tests, "test"), result.rules_origin),
                                  report::sgr::bold, style.color) +
                    "\n\n";
  append_tier_table(out, summary, style);
  out += '\n';
  append_service_table(out, summary, style);
  for (const std::string& tier : summary.tiers) {
    out += '\n';
    append_tier_files(out, result, tier, style);
  }
  out += '\n';
  append_diagnostics(out, result.diagnostics);
  // Like the JSON writers, never emit undecodable bytes: paths may come from any file system.
  return escape_undecodable(out);
}

}  // namespace testtier
