// Lint findings as GitHub Actions workflow commands, one annotation per line.
#include <fmt/format.h>

#include "testtier/lint_report.hpp"
#include "testtier/text.hpp"

namespace testtier {
namespace {

/// Return the workflow command of `severity`: "error", "warning" or "notice".
std::string_view command_of(Severity severity) {
  switch (severity) {
    case Severity::note: return "notice";
    case Severity::warning: return "warning";
    case Severity::error: return "error";
  }
  return "error";
}

/// Return `text` escaped as the runner reads a command's data: `%`, CR and LF percent-encoded,
/// and in a property value (`in_property`) also `:` and `,`.
std::string escaped(std::string_view text, bool in_property) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      case ':': out += in_property ? "%3A" : ":"; break;
      case ',': out += in_property ? "%2C" : ","; break;
      default: out += c;
    }
  }
  return out;
}

/// Return the annotation's properties: file, line and col (not for the whole file), title; no
/// file for a finding about the run itself (GitHub shows it on the run, not on a file).
std::string properties_of(const Finding& finding) {
  if (finding.path.empty()) return "title=" + escaped(finding.code, true);
  std::string out = "file=" + escaped(finding.path, true);
  if (finding.location.line != 0) {
    out += fmt::format(",line={}", finding.location.line);
    if (finding.location.column != 0) out += fmt::format(",col={}", finding.location.column);
  }
  return out + ",title=" + escaped(finding.code, true);
}

/// Return the annotation's message: the finding's, then its fix on a line of its own.
std::string message_of(const Finding& finding) {
  if (finding.fix.empty()) return finding.message;
  return fmt::format("{}\nFix: {}", finding.message, finding.fix);
}

}  // namespace

std::string lint_to_github(const LintResult& result) {
  std::string out;
  for (const Finding& finding : result.findings) {
    out += fmt::format("::{} {}::{}\n", command_of(finding.severity), properties_of(finding),
                       escaped(message_of(finding), false));
  }
  return escape_undecodable(out);
}

}  // namespace testtier
