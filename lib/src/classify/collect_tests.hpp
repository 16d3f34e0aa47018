// pytest's collection, read statically: which functions and methods of a test file are tests.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "graph/class_graph.hpp"
#include "testtier/glob.hpp"

namespace testtier::classify_stage {

/// pytest's `python_classes` and `python_functions`, compiled.
struct TestNamePatterns {
  std::vector<Glob> classes;
  std::vector<Glob> functions;
};

/// One collected test.
struct CollectedTest {
  std::string id;                          ///< pytest node id
  const FunctionFacts* function = nullptr;
  std::string function_path;               ///< the file defining the function (a base's, if inherited)
  std::optional<graph::ClassId> cls;       ///< the collecting class, for methods
  std::optional<graph::ClassId> owner;     ///< the class defining the method (in cls's MRO)
};

/// Return the tests of `file`: `test*` functions that are not fixtures; for each top-level class
/// that pytest collects (a `Test*` class without `__init__`, or a unittest.TestCase descendant of
/// any name) its test methods, inherited ones included, each under the collecting class's id.
std::vector<CollectedTest> collect_tests(const FileFacts& file, graph::ClassGraph& classes,
                                         const TestNamePatterns& patterns);

/// Return whether `id` descends from unittest.TestCase (or a Django/DRF test case, which do).
bool is_unittest_class(graph::ClassGraph& classes, graph::ClassId id);

}  // namespace testtier::classify_stage
