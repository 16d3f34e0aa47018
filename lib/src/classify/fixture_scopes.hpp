// The fixtures visible from each test file and class: class MRO, module, conftest chain, plugins.
#pragma once

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "graph/class_graph.hpp"
#include "graph/fixture_graph.hpp"
#include "resolve/symbols.hpp"

namespace testtier::classify_stage {

/// Return the conftest.py files among `python_files` that apply to `path`, nearest first.
std::vector<std::string> conftest_chain(const std::string& path, const std::unordered_set<std::string>& python_files);

/// Builds and keeps one FixtureScope per (test file, class).
class FixtureScopes {
 public:
  /// `python_files`: every file of the repository (to find conftest.py files).
  FixtureScopes(const std::unordered_set<std::string>& python_files, resolve::Resolver& resolver,
                graph::ClassGraph& classes);

  /// Return the scope of a test in `path`, in class `cls` when given.
  const graph::FixtureScope& scope(const std::string& path, std::optional<graph::ClassId> cls);

 private:
  const std::vector<graph::FixtureDef>& module_fixtures(const std::string& path);
  void collect_module_fixtures(const std::string& path, std::set<std::string>& visiting,
                               std::vector<graph::FixtureDef>& into);
  std::vector<std::string> plugin_files(const std::vector<std::string>& conftests);

  const std::unordered_set<std::string>& python_files_;
  resolve::Resolver& resolver_;
  graph::ClassGraph& classes_;
  std::unordered_map<std::string, std::vector<graph::FixtureDef>> module_fixtures_;  ///< node-based: layers stay put
  std::unordered_map<graph::TestPlace, std::unique_ptr<graph::FixtureScope>, graph::TestPlaceHash> scopes_;
};

}  // namespace testtier::classify_stage
