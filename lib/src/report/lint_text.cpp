// Lint findings in ruff's concise shape: `path:line:col: CODE message`, then a summary line.
#include <algorithm>

#include <fmt/format.h>

#include "report/ansi.hpp"
#include "testtier/lint_report.hpp"
#include "testtier/text.hpp"

namespace testtier {
namespace {

/// Return `text` with its second and later lines indented by two spaces, so that only the
/// first line of a finding starts at the margin; other control characters (a '\r' or '\v' in a
/// quoted snippet) are escaped, so that a line of output is a line of the finding.
std::string indented(std::string_view text) {
  std::string out;
  for (std::size_t start = 0;;) {
    const std::size_t end = text.find('\n', start);
    std::string_view line = text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    const bool crlf = end != std::string_view::npos && line.ends_with('\r');  // "\r\n" is a line end too
    if (crlf) line.remove_suffix(1);
    out += printable(line);
    if (end == std::string_view::npos) return out;
    out += crlf ? "\r\n  " : "\n  ";
    start = end + 1;
  }
}

/// Return `path:line:col: CODE message`, with line 0 (the whole file) shown as 1:1; a finding
/// about the run itself (no path: the cache, say) as `testtier: CODE message`.
std::string finding_line(const Finding& finding, const TextStyle& style) {
  const std::string code =
      report::paint(finding.code, finding.severity == Severity::note ? report::sgr::bold_cyan : report::sgr::bold_red,
                    style.color);
  const std::string colon = report::paint(":", report::sgr::cyan, style.color);
  if (finding.path.empty()) {
    return fmt::format("{}{} {} {}\n", report::paint("testtier", report::sgr::bold, style.color), colon, code,
                       indented(finding.message));
  }
  const bool whole_file = finding.location.line == 0;
  const std::uint32_t line = whole_file ? 1 : finding.location.line;
  const std::uint32_t column = whole_file ? 1 : std::max<std::uint32_t>(finding.location.column, 1);
  return fmt::format("{}{}{}{}{}{} {} {}\n", report::paint(printable(finding.path), report::sgr::bold, style.color),
                     colon, line, colon, column, colon, code, indented(finding.message));
}

/// Return " (N suppressed)" when `suppressed` is not zero, else "".
std::string suppressed_note(std::size_t suppressed) {
  return suppressed == 0 ? std::string() : fmt::format(" ({} suppressed)", suppressed);
}

/// Return "Found 3 findings (1 suppressed)." or "All checks passed.".
std::string summary_line(const LintResult& result, const TextStyle& style) {
  const std::size_t count = result.findings.size();
  if (count == 0) {
    return report::paint(fmt::format("All checks passed{}.", suppressed_note(result.suppressed)),
                         report::sgr::bold_green, style.color) + "\n";
  }
  return fmt::format("Found {} finding{}{}.\n", count, count == 1 ? "" : "s",
                     suppressed_note(result.suppressed));
}

}  // namespace

std::string lint_to_text(const LintResult& result, const TextStyle& style) {
  std::string out;
  for (const Finding& finding : result.findings) {
    out += finding_line(finding, style);
    if (!finding.fix.empty()) {
      out += fmt::format("  {} {}\n", report::paint("help:", report::sgr::bold_cyan, style.color), indented(finding.fix));
    }
  }
  if (!out.empty()) out += '\n';
  out += summary_line(result, style);
  // Replace undecodable bytes, as the JSON writers do: paths may come from any file system.
  return escape_undecodable(out);
}

}  // namespace testtier

namespace testtier {

std::string lint_statistics_to_text(const LintResult& result, const TextStyle& style) {
  const std::vector<LintStatistic> statistics = lint_statistics(result);
  std::size_t count_width = 0;
  std::size_t code_width = 0;
  for (const LintStatistic& row : statistics) {
    count_width = std::max(count_width, std::to_string(row.count).size());
    code_width = std::max(code_width, row.code.size());
  }
  std::string out;
  for (const LintStatistic& row : statistics) {
    const std::string code = report::paint(row.code, report::sgr::bold_red, style.color);
    const std::string padding(code_width - row.code.size(), ' ');
    out += fmt::format("{:>{}}  {}{}  {}\n", row.count, count_width, code, padding, row.name);
  }
  return out;
}

}  // namespace testtier
