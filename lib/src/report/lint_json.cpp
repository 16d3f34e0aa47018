// The `testtier-lint/v1` document: every finding with its code's name, and the counts.
#include <nlohmann/json.hpp>

#include "testtier/lint_report.hpp"
#include "report/json_dump.hpp"

namespace testtier {
namespace {

using Json = nlohmann::ordered_json;

/// Return the name of lint code `code` ("undeclared-service"), or "" when it is unknown.
std::string_view code_name(std::string_view code) {
  const LintCode* known = find_lint_code(code);
  return known == nullptr ? std::string_view() : known->name;
}

Json to_json(const Finding& finding) {
  return Json{{"code", finding.code},
              {"name", code_name(finding.code)},
              {"severity", to_string(finding.severity)},
              {"path", finding.path},
              {"line", finding.location.line},
              {"column", finding.location.column},
              {"message", finding.message},
              {"fix", finding.fix}};
}

}  // namespace

std::string lint_to_json(const LintResult& result) {
  Json findings = Json::array();
  for (const Finding& finding : result.findings) findings.push_back(to_json(finding));
  const Json document{{"schema", "testtier-lint/v1"},
                      {"findings", std::move(findings)},
                      {"suppressed", result.suppressed},
                      {"files_checked", result.files_checked}};
  // Replace undecodable bytes rather than throw: paths may come from any file system.
  return report::dump_json(document, 2) + "\n";
}

}  // namespace testtier
