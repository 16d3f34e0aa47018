// The HTML report's long parts: the suspicious imports, the diagnostics, and every test file with
// its tests, each folded away (at Sentry's 2,245 files and 30,000 tests the page stays usable
// because nothing closed is laid out).
#pragma once

#include <string>
#include <vector>

#include "testtier/classification.hpp"
#include "testtier/rules.hpp"

namespace testtier::report {

/// Return the class that colours a swatch of `tier`: "t" and its index in `tiers` (the page's
/// style gives each index its tier_color()), or "tx" for a tier not among them.
std::string tier_class(const std::string& tier, const std::vector<std::string>& tiers);

/// Return `<section id="suspicious" data-count="N">`: a table of every suspicious import (file,
/// line, module, names, service, whether a name from it is called), or a sentence that there is none.
std::string suspicious_section(const Classification& result);

/// Return `<section id="diagnostics" data-count="N">`: the run's input problems, folded when any.
std::string diagnostics_section(const Classification& result);

/// Return `<section id="files">`: per test file a `<details class="file">` (`data-tier`,
/// `data-tests`) whose summary gives its tier, services and test count, holding the file's explain
/// chain and per test a `<details class="test">` (`data-tier`) whose summary gives the test's
/// tier and services and whose body its explain chain (`testtier explain ID`, from `rules`).
std::string files_section(const Classification& result, const Rules& rules, const std::vector<std::string>& tiers);

}  // namespace testtier::report
