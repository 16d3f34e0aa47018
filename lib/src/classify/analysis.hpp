// The analysis of the parsed test files: on every analysis thread, each with graphs of its own;
// and, before it, the cheap look-ahead that requests the files it will need.
#pragma once

#include <string>
#include <unordered_set>
#include <vector>

#include "classify/collect_tests.hpp"
#include "classify/signal_matcher.hpp"
#include "resolve/fact_store.hpp"
#include "testtier/classification.hpp"
#include "testtier/classify.hpp"
#include "testtier/rules.hpp"

namespace testtier::classify_stage {

/// Everything the analysis of the test files produces.
struct Analysis {
  std::vector<FileResult> files;        ///< in the order of the tests
  std::vector<Diagnostic> diagnostics;  ///< unsorted, with duplicates
};

/// Return why `facts` holds nothing: the file could not be read, is binary, too large or took
/// too long to parse (TT903); nullptr when it was parsed.
const Diagnostic* not_parsed(const FileFacts& facts);

/// Look up everything analyse() will look up (bases, mark aliases, fixture scopes) without
/// gathering evidence, so that the files it needs and `store` lacks are requested (or parsed on
/// demand, while a FactStore::ParseOnDemand is alive). Adds its time to `timings.graph` and
/// `timings.resolve`.
void request_needed_files(const std::vector<std::string>& tests, const resolve::FactStore& store,
                          const std::unordered_set<std::string>& python_files, ClassifyTimings& timings);

/// Analyse every parsed file of `tests`, on up to `threads` threads (0: one per core). The result
/// does not depend on the thread count: files keep their order. May request files `store` lacks
/// (then analyse again after parsing them). With `record_walk_stops`, each test's result says where
/// its call walk stopped (TestResult::walk_stops). Adds its time to `timings.classify`.
Analysis analyse(const std::vector<std::string>& tests, const resolve::FactStore& store,
                 const std::unordered_set<std::string>& python_files, const TestNamePatterns& names,
                 const Rules& rules, const SignalMatcher& matcher, unsigned threads, bool record_walk_stops,
                 ClassifyTimings& timings);

}  // namespace testtier::classify_stage
