// A SARIF 2.1.0 log of lint findings: one run, every lint code as a rule, one result per finding.
#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "testtier/lint_report.hpp"
#include "testtier/version.hpp"
#include "report/json_dump.hpp"

namespace testtier {
namespace {

using Json = nlohmann::ordered_json;

/// Return whether `c` may stand unencoded in a relative path URI (RFC 3986 `pchar` or `/`).
/// `:` is encoded anyway: in a first segment it would read as a scheme.
bool allowed_in_uri(unsigned char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("-._~!$&'()*+,;=@/").find(char(c)) != std::string_view::npos;
}

/// Return `path` as a URI reference: every other byte (spaces, `%`, `#`, `?`, each byte of a
/// non-ASCII character) percent-encoded.
std::string uri_of(std::string_view path) {
  std::string out;
  for (const char c : path) {
    const auto byte = static_cast<unsigned char>(c);
    out += allowed_in_uri(byte) ? std::string(1, c) : fmt::format("%{:02X}", byte);
  }
  return out;
}

Json text(std::string_view value) { return Json{{"text", value}}; }

Json rule_of(const LintCode& code) {
  return Json{{"id", code.code},
              {"name", code.name},
              {"shortDescription", text(code.summary)},
              {"fullDescription", text(code.what)},
              {"help", text(fmt::format("{}\n\nFix: {}", code.why, code.fix))},
              {"defaultConfiguration", Json{{"level", to_string(code.severity)}}}};
}

Json driver() {
  Json rules = Json::array();
  for (const LintCode& code : lint_codes()) rules.push_back(rule_of(code));
  return Json{{"name", "testtier"}, {"version", version()}, {"rules", std::move(rules)}};
}

/// Return the place of `finding`: its file, and its line and column unless it is the whole file.
Json location_of(const Finding& finding) {
  Json physical{{"artifactLocation", Json{{"uri", uri_of(finding.path)}, {"uriBaseId", "%SRCROOT%"}}}};
  if (finding.location.line != 0) {
    physical["region"] = Json{{"startLine", finding.location.line},
                              {"startColumn", std::max<std::uint32_t>(finding.location.column, 1)}};
  }
  return Json{{"physicalLocation", std::move(physical)}};
}

/// Return the message of `finding`, followed by its fix when it has one.
std::string message_of(const Finding& finding) {
  if (finding.fix.empty()) return finding.message;
  return fmt::format("{} Fix: {}", finding.message, finding.fix);
}

Json result_of(const Finding& finding) {
  Json out{{"ruleId", finding.code}};
  const auto& codes = lint_codes();
  const auto rule = std::find_if(codes.begin(), codes.end(),
                                 [&](const LintCode& code) { return code.code == finding.code; });
  if (rule != codes.end()) out["ruleIndex"] = rule - codes.begin();
  out["level"] = to_string(finding.severity);
  out["message"] = text(message_of(finding));
  out["locations"] = Json::array({location_of(finding)});
  return out;
}

}  // namespace

std::string lint_to_sarif(const LintResult& result) {
  Json results = Json::array();
  for (const Finding& finding : result.findings) results.push_back(result_of(finding));
  const Json run{{"tool", Json{{"driver", driver()}}},
                 {"columnKind", "unicodeCodePoints"},
                 {"results", std::move(results)}};
  const Json log{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                 {"version", "2.1.0"},
                 {"runs", Json::array({run})}};
  // Replace undecodable bytes rather than throw: messages may quote any file's text.
  return report::dump_json(log, 2) + "\n";
}

}  // namespace testtier
