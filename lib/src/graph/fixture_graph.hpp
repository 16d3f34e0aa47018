// Fixtures: which definitions a test sees (pytest's lookup order) and everything it reaches
// through fixture-to-fixture requests, as a Boost.Graph with cycles reported.
#pragma once

#include <deque>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "testtier/diagnostic.hpp"
#include "testtier/facts.hpp"

namespace testtier::graph {

/// One `@pytest.fixture` definition.
struct FixtureDef {
  std::string name;                       ///< the fixture's name (FixtureInfo::name)
  std::string path;                       ///< defining file
  std::string owner;                      ///< class qualname for a fixture method, else ""
  const FunctionFacts* function = nullptr;

  /// Return "NAME (PATH:LINE)", with "Owner." before a method's name.
  std::string describe() const;
};

/// The fixtures visible from one place, in layers searched in order: the class MRO (nearest
/// class first), the test module, the conftest.py files from nearest to the root, then plugins.
class FixtureScope {
 public:
  FixtureScope() = default;
  FixtureScope(const FixtureScope&) = delete;  // layers_ points into owned_
  FixtureScope& operator=(const FixtureScope&) = delete;

  /// Add a layer the scope keeps.
  void add_layer(std::vector<FixtureDef> layer);

  /// Add a layer shared with other scopes (a module's or conftest's fixtures): not copied, so it
  /// must outlive the scope and stay where it is.
  void add_shared_layer(const std::vector<FixtureDef>& layer);

  /// Return the definition `name` means when requested by `requester` (nullptr for a test):
  /// the first in layer order, skipping `requester` itself and everything before it when a
  /// fixture requests its own name (it then means the definition it overrides).
  const FixtureDef* lookup(std::string_view name, const FixtureDef* requester = nullptr) const;

  /// Return the autouse fixtures in effect: for each autouse name, the definition lookup() gives.
  std::vector<const FixtureDef*> autouse() const;

 private:
  void index(const std::vector<FixtureDef>& layer);

  std::vector<const std::vector<FixtureDef>*> layers_;  ///< in lookup order
  std::deque<std::vector<FixtureDef>> owned_;            ///< the layers add_layer() gave (stable addresses)
  /// Every definition of each name, in lookup order: a lookup costs the definitions of its name,
  /// not the whole scope (a closure over n fixtures would cost n² otherwise).
  std::unordered_map<std::string_view, std::vector<const FixtureDef*>> by_name_;
};

/// A fixture name a test asks for directly: by parameter, `usefixtures` or autouse.
struct FixtureRequest {
  std::string name;
  std::string path;                     ///< where the request is written
  SourceLocation location;
  std::vector<std::string> via;         ///< hops from the test to the request (aliases, classes)
};

/// A fixture name a test reaches, directly or through other fixtures.
struct FixtureReach {
  std::string name;
  const FixtureDef* def = nullptr;      ///< nullptr: not defined in the repository (a plugin's)
  std::string path;                     ///< where it is requested
  SourceLocation location;
  std::vector<std::string> request_via;  ///< a test's own request: its hops (aliases, classes)
  /// The index in the closure of the fixture that requests this one (npos: the test itself). The
  /// hops are kept as this link, not copied into each fixture: a chain of n fixtures would hold
  /// n²/2 hops (see fixture_via).
  std::size_t requester = static_cast<std::size_t>(-1);
};

/// Return the hops from the test to the requester of `reached[i]` (of fixture_closure()): the
/// request's own hops, then each requesting fixture ("autouse NAME (PATH:LINE)" or "NAME (PATH:LINE)").
std::vector<std::string> fixture_via(const std::vector<FixtureReach>& reached, std::size_t i);

/// Return every fixture reached from `requests` in `scope`, breadth first (each definition once,
/// by its shortest chain; a fixture requesting its own name reaches the one it overrides). Each
/// request cycle found is appended to `diagnostics` as TT905.
std::vector<FixtureReach> fixture_closure(const std::vector<FixtureRequest>& requests,
                                          const FixtureScope& scope, std::vector<Diagnostic>& diagnostics);

}  // namespace testtier::graph
