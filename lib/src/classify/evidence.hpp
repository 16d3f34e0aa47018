// The reasons a test or a file needs services: every signal that reaches it, with its chain.
#pragma once

#include <vector>

#include "classify/collect_tests.hpp"
#include "classify/fixture_scopes.hpp"
#include "classify/signal_matcher.hpp"
#include "testtier/classification.hpp"

namespace testtier::classify_stage {

/// What evidence gathering reads, shared by every test of one run.
struct EvidenceContext {
  resolve::Resolver& resolver;
  graph::ClassGraph& classes;
  FixtureScopes& scopes;
  const SignalMatcher& matcher;
  std::vector<Diagnostic>& diagnostics;   ///< fixture cycles go here
};

/// Return the reasons of one test of `file`: its path, marks (function, class MRO, module
/// pytestmark, through aliases), fixtures (parameters, usefixtures, autouse, transitively, with the
/// fixtures' own calls and settings), base classes, and calls and settings in its body, its
/// classes and their set-up methods. Sorted and without duplicates.
std::vector<Reason> test_reasons(const FileFacts& file, const CollectedTest& test, EvidenceContext& context);

/// Return the file-level reasons of `file` that belong to no test: its path, module-level marks,
/// calls and settings outside any function, and imports.
std::vector<Reason> module_reasons(const FileFacts& file, EvidenceContext& context);

/// Sort `reasons` (service, path, line, signal, evidence, via) and drop duplicates.
void normalize(std::vector<Reason>& reasons);

}  // namespace testtier::classify_stage
