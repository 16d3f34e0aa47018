// Lint findings as GitHub-flavoured Markdown, for a job summary or a pull-request comment: a
// heading, the count of each code, then the findings of each file under its path.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "report/markdown.hpp"
#include "testtier/lint_report.hpp"

namespace testtier {
namespace {

using report::markdown_code;
using report::markdown_lines;
using report::markdown_text;

/// Return " (N suppressed)" when `suppressed` is not zero, else "".
std::string suppressed_note(std::size_t suppressed) {
  return suppressed == 0 ? std::string() : fmt::format(" ({} suppressed)", suppressed);
}

std::string heading(const LintResult& result) {
  const std::size_t count = result.findings.size();
  if (count == 0) return fmt::format("## testtier lint: All checks passed{}\n", suppressed_note(result.suppressed));
  return fmt::format("## testtier lint: {} finding{}{}\n", count, count == 1 ? "" : "s",
                     suppressed_note(result.suppressed));
}

/// Append the table of how many findings each code has, in code order.
void append_code_table(std::string& out, const std::vector<Finding>& findings) {
  std::map<std::string, std::size_t> counts;
  for (const Finding& finding : findings) ++counts[finding.code];
  out += "\n| code | name | count |\n| :--- | :--- | ---: |\n";
  for (const auto& [code, count] : counts) {
    const LintCode* known = find_lint_code(code);
    out += fmt::format("| {} | {} | {} |\n", markdown_text(code), known ? markdown_text(known->name) : "", count);
  }
}

/// Return the finding's list item: its position (line 0, the whole file, as 1:1, as the text
/// format shows it) in a code span, its code, its message, and its fix as a nested item.
std::string finding_item(const Finding& finding) {
  std::string out = "- ";
  if (!finding.path.empty()) {
    const bool whole_file = finding.location.line == 0;
    const std::uint32_t line = whole_file ? 1 : finding.location.line;
    const std::uint32_t column = whole_file ? 1 : std::max<std::uint32_t>(finding.location.column, 1);
    out += markdown_code(fmt::format("{}:{}:{}", finding.path, line, column)) + ' ';
  }
  out += fmt::format("**{}** {}\n", markdown_text(finding.code), markdown_lines(finding.message));
  if (!finding.fix.empty()) out += "  - Fix: " + markdown_lines(finding.fix) + '\n';
  return out;
}

/// Append the findings, a section per file in their (path) order; those about the run itself
/// (no path) under "testtier".
void append_findings(std::string& out, const std::vector<Finding>& findings) {
  const std::string* section = nullptr;
  for (const Finding& finding : findings) {
    if (section == nullptr || *section != finding.path) {
      section = &finding.path;
      out += fmt::format("\n### {}\n\n", finding.path.empty() ? "testtier" : markdown_code(finding.path));
    }
    out += finding_item(finding);
  }
}

}  // namespace

std::string lint_to_markdown(const LintResult& result) {
  std::string out = heading(result);
  if (result.findings.empty()) return out;
  append_code_table(out, result.findings);
  append_findings(out, result.findings);
  return out;  // every piece from the result went through markdown.hpp, which spells bad bytes
}

}  // namespace testtier
