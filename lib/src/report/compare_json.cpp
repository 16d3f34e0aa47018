// comparison_to_json(): the `testtier-compare/v1` document of `testtier compare --format json`.
#include <nlohmann/json.hpp>

#include "report/json_dump.hpp"
#include "report/reason_json.hpp"
#include "testtier/compare.hpp"

namespace testtier {
namespace {

using Json = nlohmann::ordered_json;

Json disagreement_json(const Disagreement& d, bool with_reasons) {
  Json out{{"test", d.test}, {"service", d.service}, {"static_tier", d.static_tier}};
  if (with_reasons) {
    out["tier_lacks_service"] = d.tier_lacks_service;
    out["static_reasons"] = report::reasons_json(d.static_reasons);
  }
  return out;
}

}  // namespace

std::string comparison_to_json(const RuntimeComparison& c) {
  Json services = Json::array();
  for (const ServiceAgreement& row : c.services) {
    services.push_back(
        {{"service", row.service}, {"agree", row.both}, {"runtime_only", row.runtime_only}, {"static_only", row.static_only}});
  }
  Json missed = Json::array();
  for (const Disagreement& d : c.missed) missed.push_back(disagreement_json(d, true));
  Json extra = Json::array();
  for (const Disagreement& d : c.extra) extra.push_back(disagreement_json(d, false));
  Json unknown = Json::object();
  for (const auto& [service, tests] : c.unknown_services) unknown[service] = tests;
  const Json document{{"schema", "testtier-compare/v1"},
                      {"tests_compared", c.tests_compared},
                      {"files_compared", c.files_compared},
                      {"runtime_tests_unknown", c.runtime_tests_unknown},
                      {"static_tests_not_run", c.static_tests_not_run},
                      {"tier_violations", c.tier_violations},
                      {"files_missing_a_service", c.files_missing_a_service},
                      {"services", services},
                      {"missed", missed},
                      {"extra", extra},
                      {"unknown_services", unknown}};
  return report::dump_json(document, 2) + "\n";
}

}  // namespace testtier
