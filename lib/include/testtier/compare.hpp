// The static classification against what a runtime classifier saw (Sentry's socket-watching
// pytest plugin writes `{"tests": {nodeid: [services]}}`).
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "testtier/classification.hpp"
#include "testtier/rules.hpp"

namespace testtier {

/// Services per test as a runtime classifier observed them, parametrized ids folded onto their
/// function (the union of the instances' services). Throws std::runtime_error naming the file.
std::map<std::string, std::set<std::string>> read_runtime_services(const std::string& file);

/// One test and service on which the two disagree.
struct Disagreement {
  std::string test;
  std::string service;
  std::string static_tier;
  bool tier_lacks_service = false;     ///< the static tier does not provide the runtime's service
  std::vector<Reason> static_reasons;  ///< what static analysis did find for this test
};

/// Agreement for one service over the tests both sides know.
struct ServiceAgreement {
  std::string service;
  std::size_t both = 0, runtime_only = 0, static_only = 0;
};

/// Where static analysis and the runtime classifier agree and differ, per test, service and file.
struct RuntimeComparison {
  std::size_t tests_compared = 0;
  std::size_t runtime_tests_unknown = 0;   ///< seen at run time, not found statically
  std::size_t static_tests_not_run = 0;    ///< found statically, absent from the runtime file
  std::vector<ServiceAgreement> services;  ///< by name
  std::vector<Disagreement> missed;        ///< runtime saw it, static analysis did not: the dangerous side
  std::vector<Disagreement> extra;         ///< static analysis says so, the runtime did not see it
  std::size_t files_compared = 0;
  std::size_t files_missing_a_service = 0; ///< files whose static services lack one the runtime saw
  std::size_t tier_violations = 0;         ///< tests whose static tier lacks a service they used
  /// Services the runtime saw that the rules do not define, with how many runtime tests used each.
  std::map<std::string, std::size_t> unknown_services;
};

/// Compare `result` with `runtime` per test and per file.
RuntimeComparison compare_with_runtime(const Classification& result, const Rules& rules,
                                       const std::map<std::string, std::set<std::string>>& runtime);

/// Return `comparison` as the `testtier-compare/v1` JSON document (schema/compare.schema.json):
/// its counts, `services` (agreement per service), `missed` (with the static reasons), `extra`,
/// and `unknown_services`.
std::string comparison_to_json(const RuntimeComparison& comparison);

}  // namespace testtier
