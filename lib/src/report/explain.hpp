// The pieces of explain() that other writers show one by one (the HTML report, per test).
#pragma once

#include <string>

#include "testtier/classification.hpp"
#include "testtier/rules.hpp"

namespace testtier::report {

/// Return what `testtier explain ID` prints for `test`: its services, each with the chain that
/// brought it, the tier, and what each cheaper tier lacks.
std::string explain_test(const TestResult& test, const Rules& rules);

/// Return what `testtier explain PATH` prints for `file`: its services with their chains, the
/// tier, its suspicious imports, then (when `list_tests`) each test's tier and services.
std::string explain_file(const FileResult& file, const Rules& rules, bool list_tests = true);

}  // namespace testtier::report
