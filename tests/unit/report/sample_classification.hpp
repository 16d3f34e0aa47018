// A small hand-built Classification shared by the report writers' tests.
#pragma once

#include "testtier/classification.hpp"

namespace testtier::test {

/// Return three files: a plain test under a non-ASCII path (no services), a file with no tests
/// and a suspicious import, and a Snuba file whose tests inherit through a base class (one of
/// them with an id CSV must quote); plus one diagnostic.
inline Classification sample_classification() {
  const Reason postgres_base{"postgres", EvidenceKind::base_class, "sentry.testutils.cases.TestCase",
                             "tests/snuba/base.py", 4,
                             {"EventsBase (tests/snuba/base.py:4)", "sentry.testutils.cases.TestCase"},
                             true, false};
  const Reason snuba_base{"snuba", EvidenceKind::base_class, "SnubaTestCase", "tests/snuba/base.py", 4,
                          {"EventsBase (tests/snuba/base.py:4)", "SnubaTestCase"}, true, true};
  const Reason db_fixture{"postgres", EvidenceKind::fixture, "db", "tests/conftest.py", 7, {}, true,
                          false};
  const Reason path_rule{"postgres", EvidenceKind::path, "tests/sentry/**", "tests/sentry/test_empty.py",
                         0, {}, true, false};

  Classification result;
  result.root = ".";
  result.rules_origin = "rules/sentry.toml";
  result.tier_order = {"no_services", "postgres_only", "other_services", "snuba_tier"};
  result.tier_services = {{"no_services", {}},
                          {"postgres_only", {"postgres"}},
                          {"other_services", {"postgres", "redis"}},
                          {"snuba_tier", {"postgres", "redis", "snuba"}}};
  result.service_ports = {{"postgres", {5432}}, {"redis", {6379}}, {"snuba", {1218, 1219}}};
  result.files.push_back(FileResult{
      "tests/caf\xC3\xA9/test_plain.py", {}, "no_services", {}, {},
      {TestResult{"tests/caf\xC3\xA9/test_plain.py::test_add", 3, {}, "no_services", {}}}});
  result.files.push_back(FileResult{
      "tests/sentry/test_empty.py", {"postgres"}, "postgres_only", {path_rule},
      {SuspiciousImport{"sentry.snuba.dataset", {"Dataset"}, 2, "snuba", false}}, {}});
  result.files.push_back(FileResult{
      "tests/snuba/test_a.py", {"postgres", "snuba"}, "snuba_tier",
      {db_fixture, postgres_base, snuba_base}, {},
      {TestResult{"tests/snuba/test_a.py::EventsTest::test_get", 12, {"postgres", "snuba"}, "snuba_tier",
                  {postgres_base, snuba_base}},
       TestResult{"tests/snuba/test_a.py::EventsTest::test_list", 16, {"postgres", "snuba"}, "snuba_tier",
                  {}},
       TestResult{"tests/snuba/test_a.py::test_store[\"x\",y]", 20, {"postgres"}, "postgres_only",
                  {db_fixture}}}});
  result.diagnostics.push_back(
      Diagnostic{"tests/broken.py", {3, 5}, Severity::warning, "TT901", "syntax error"});
  return result;
}

}  // namespace testtier::test
