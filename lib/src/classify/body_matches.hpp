// The evidence one body holds (calls, settings, imports made inside it, environment variables), matched against the
// rules as reasons: for the bodies a test runs itself and for those the call walk reaches.
#pragma once

#include <string>
#include <vector>

#include "classify/signal_matcher.hpp"
#include "resolve/symbols.hpp"
#include "testtier/classification.hpp"

namespace testtier::classify_stage {

/// Where a piece of evidence sits and how it reached the test.
struct Site {
  std::string path;
  SourceLocation at;
  std::vector<std::string> via;
  bool by_last_name = false;
};

/// Add a reason to `out` for each service each of `matches` needs, found at `site`.
void add_matches(const std::vector<SignalMatch>& matches, const Site& site, std::vector<Reason>& out);

/// Which of a body's matches count.
enum class BodyMatches : std::uint8_t {
  all,       ///< a body the test runs itself (its own, its set-up methods', its fixtures')
  inferred,  ///< a body the call walk reached: inferred signals only, a call's callee last in `via`
};

/// Add the reasons of importing `import`, written in the file `where.path`: the module, or the
/// module of a `from` import's name (`from google.cloud import bigtable`).
void add_import(const Import& import, const Site& where, resolve::Resolver& resolver, const SignalMatcher& matcher,
                BodyMatches which, std::vector<Reason>& out);

/// Add the reasons of the calls, settings, imports and environment variables of one body written in the file `where.path`.
void add_body(const BodyUses& uses, const Site& where, resolve::Resolver& resolver, const SignalMatcher& matcher,
              BodyMatches which, std::vector<Reason>& out);

/// Return whether `uses` holds nothing add_body() looks at (a body fact it learns to look at goes
/// here too, or the shortcuts that skip empty bodies skip it).
bool holds_no_uses(const BodyUses& uses);

}  // namespace testtier::classify_stage
