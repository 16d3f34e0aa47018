// The artifact Sentry's runtime test classifier writes, so existing tier splitters read ours unchanged.
#include <map>

#include <nlohmann/json.hpp>

#include "report/summary.hpp"
#include "testtier/report.hpp"
#include "report/json_dump.hpp"

namespace testtier {
namespace {

using Json = nlohmann::ordered_json;

/// Return the services of every test, keyed (and so sorted) by node id.
std::map<std::string, std::vector<std::string>> services_by_test(const Classification& result) {
  std::map<std::string, std::vector<std::string>> tests;
  for (const FileResult& file : result.files) {
    for (const TestResult& test : file.tests) tests.emplace(test.id, test.services);
  }
  return tests;
}

Json summary_json(const report::Summary& summary) {
  Json services = Json::object();
  for (const auto& [service, count] : summary.tests_per_service) services[service] = count;
  Json tiers = Json::object();
  for (const auto& [tier, count] : report::tier_counts(summary.tests_per_tier, summary.tiers)) {
    tiers[tier] = count;
  }
  return Json{{"service_counts", std::move(services)}, {"tier_counts", std::move(tiers)}};
}

}  // namespace

std::string classification_to_sentry(const Classification& result) {
  const report::Summary summary = report::summarize(result);
  Json tests = Json::object();
  for (const auto& [id, services] : services_by_test(result)) tests[id] = services;
  Json document{{"total_tests", summary.tests},
                {"summary", summary_json(summary)},
                {"tests", std::move(tests)}};
  return report::dump_json(document, 2) + "\n";
}

}  // namespace testtier
