// The reasons a test or a file needs services: every signal that reaches it, with its chain.
#pragma once

#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

#include "classify/call_walk.hpp"
#include "classify/collect_tests.hpp"
#include "classify/fixture_scopes.hpp"
#include "classify/signal_matcher.hpp"
#include "testtier/classification.hpp"

namespace testtier::classify_stage {

/// The evidence every test of one class (or every module-level test of one file) shares: its
/// file's path, the class's and module's marks, base classes, class-level uses, and the fixtures
/// reached from those marks and autouse fixtures.
struct SharedEvidence {
  std::vector<Reason> reasons;
  std::vector<graph::FixtureRequest> mark_requests;   ///< `usefixtures` of class and module marks
  std::vector<graph::FixtureRequest> autouse;
  const graph::FixtureScope* scope = nullptr;
  std::vector<Reason> closure_reasons;                ///< from mark_requests + autouse alone
  std::vector<std::string> walk_stops;                ///< where the walks from set-up methods stopped
  std::vector<std::string> closure_walk_stops;        ///< where the walks from closure_reasons' fixtures stopped
};

/// What evidence gathering reads, shared by every test of one run, and the shared evidence of
/// each class computed so far.
struct EvidenceContext {
  EvidenceContext(resolve::Resolver& resolver_, graph::ClassGraph& classes_, FixtureScopes& scopes_,
                  const SignalMatcher& matcher_, CallWalker& walker_, std::vector<Diagnostic>& diagnostics_)
      : resolver(resolver_), classes(classes_), scopes(scopes_), matcher(matcher_), walker(walker_),
        diagnostics(diagnostics_) {}

  resolve::Resolver& resolver;
  graph::ClassGraph& classes;
  FixtureScopes& scopes;
  const SignalMatcher& matcher;
  CallWalker& walker;
  std::vector<Diagnostic>& diagnostics;   ///< fixture cycles go here

  /// Return the evidence shared by the tests of `cls` in `file` (module functions: no class).
  const SharedEvidence& shared(const FileFacts& file, std::optional<graph::ClassId> cls);

  /// Return the reasons of what runs when `file` is imported, which every test it collects gets:
  /// module-level calls and settings, and imports outside functions.
  const std::vector<Reason>& module_level(const FileFacts& file);

 private:
  std::unordered_map<std::string, std::vector<Reason>> module_level_;
  std::unordered_map<graph::TestPlace, std::unique_ptr<SharedEvidence>, graph::TestPlaceHash> shared_;
};

/// Return the reasons of one test of `file`: its path, marks (function, class MRO, module
/// pytestmark, through aliases), fixtures (parameters, usefixtures, autouse, transitively, with the
/// fixtures' own calls and settings), base classes, and calls and settings in its body, its
/// classes and their set-up methods; and the inferred evidence of the repository's functions those
/// bodies call (the call walk). Sorted and without duplicates. When `stops` is given (and the
/// walker records them), where the call walk stopped goes there.
std::vector<Reason> test_reasons(const FileFacts& file, const CollectedTest& test, EvidenceContext& context,
                                 std::vector<std::string>* stops = nullptr);

/// Return the file-level reasons of `file`, which it has even when it collects no test: its path,
/// module-level marks, calls and settings outside any function, and imports outside functions.
std::vector<Reason> module_reasons(const FileFacts& file, EvidenceContext& context);

/// Sort `reasons` (service, path, line, signal, evidence, via) and drop duplicates.
void normalize(std::vector<Reason>& reasons);

}  // namespace testtier::classify_stage
