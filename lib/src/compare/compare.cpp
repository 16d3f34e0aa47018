// compare_with_runtime(): per test and service, then per file.
#include "testtier/compare.hpp"

#include <algorithm>
#include <sstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "testtier/plan.hpp"
#include "util/file_io.hpp"

namespace testtier {
namespace {

/// Larger runtime classifications are refused rather than read (Sentry's is tens of MB).
constexpr std::uintmax_t kMaxRuntimeBytes = 1u << 30;

bool tier_provides(const Rules& rules, const std::string& tier_name, const std::string& service) {
  for (const Tier& tier : rules.tiers) {
    if (tier.name != tier_name) continue;
    return tier.provides_everything ||
           std::find(tier.provides.begin(), tier.provides.end(), service) != tier.provides.end();
  }
  return false;
}

std::vector<Reason> reasons_for(const TestResult& test) { return test.reasons; }

}  // namespace

std::map<std::string, std::set<std::string>> read_runtime_services(const std::string& file) {
  const FileRead read = read_file(file, kMaxRuntimeBytes);
  if (!read.ok) throw std::runtime_error(file + ": cannot read: " + read.error);
  std::map<std::string, std::set<std::string>> services;
  try {
    const nlohmann::json document = nlohmann::json::parse(read.bytes);
    const nlohmann::json& tests = document.at("tests");
    for (const auto& [id, used] : tests.items()) {
      auto& into = services[function_node_id(id)];
      for (const auto& service : used) into.insert(service.get<std::string>());
    }
  } catch (const std::exception& error) {
    throw std::runtime_error(file + ": expected {\"tests\": {nodeid: [services]}} (" + error.what() + ")");
  }
  return services;
}

RuntimeComparison compare_with_runtime(const Classification& result, const Rules& rules,
                                       const std::map<std::string, std::set<std::string>>& runtime) {
  RuntimeComparison comparison;
  std::map<std::string, ServiceAgreement> agreement;
  std::set<std::string> known;
  for (const FileResult& file : result.files) {
    std::set<std::string> runtime_file_services;
    bool file_seen = false;
    for (const TestResult& test : file.tests) {
      known.insert(test.id);
      const auto seen = runtime.find(test.id);
      if (seen == runtime.end()) {
        ++comparison.static_tests_not_run;
        continue;
      }
      file_seen = true;
      ++comparison.tests_compared;
      runtime_file_services.insert(seen->second.begin(), seen->second.end());
      const std::set<std::string> predicted(test.services.begin(), test.services.end());
      bool violates = false;
      for (const std::string& service : seen->second) {
        ServiceAgreement& row = agreement[service];
        if (predicted.contains(service)) {
          ++row.both;
          continue;
        }
        ++row.runtime_only;
        const bool lacks = !tier_provides(rules, test.tier, service);
        violates = violates || lacks;
        comparison.missed.push_back({test.id, service, test.tier, lacks, reasons_for(test)});
      }
      for (const std::string& service : predicted) {
        if (seen->second.contains(service)) continue;
        ++agreement[service].static_only;
        comparison.extra.push_back({test.id, service, test.tier, false, {}});
      }
      if (violates) ++comparison.tier_violations;
    }
    if (!file_seen) continue;
    ++comparison.files_compared;
    const bool missing = std::any_of(runtime_file_services.begin(), runtime_file_services.end(), [&](const std::string& s) {
      return std::find(file.services.begin(), file.services.end(), s) == file.services.end();
    });
    if (missing) ++comparison.files_missing_a_service;
  }
  for (const auto& [id, services] : runtime) {
    if (!known.contains(id)) ++comparison.runtime_tests_unknown;
    for (const std::string& service : services) {
      if (!rules.services.contains(service)) ++comparison.unknown_services[service];
    }
  }
  for (auto& [service, row] : agreement) {
    row.service = service;
    comparison.services.push_back(row);
  }
  return comparison;
}

}  // namespace testtier
