#include "classify/collect_tests.hpp"
#include "classify/signal_matcher.hpp"

#include <algorithm>
#include <array>
#include <set>

namespace testtier::classify_stage {
namespace {

// unittest.TestCase and the library classes known to derive from it, for when the library is not
// part of the repository (its classes are then external names).
constexpr std::array<std::string_view, 14> kUnittestBases = {
    "unittest.TestCase",
    "unittest.case.TestCase",
    "unittest.IsolatedAsyncioTestCase",
    "django.test.SimpleTestCase",
    "django.test.TestCase",
    "django.test.TransactionTestCase",
    "django.test.LiveServerTestCase",
    "django.test.testcases.SimpleTestCase",
    "django.test.testcases.TestCase",
    "django.test.testcases.TransactionTestCase",
    "django.contrib.staticfiles.testing.StaticLiveServerTestCase",
    "rest_framework.test.APITestCase",
    "rest_framework.test.APITransactionTestCase",
    "rest_framework.test.APISimpleTestCase",
};

bool any_matches(const std::vector<Glob>& globs, const std::string& name) {
  return std::any_of(globs.begin(), globs.end(), [&](const Glob& glob) { return glob.matches(name); });
}

/// Return whether `node` is unittest's TestCase or known to derive from it; a base that resolves
/// nowhere counts when its name says it is a test case (`...TestCase`): its tests are better
/// collected with services that may be incomplete (TT904 says so) than not at all.
bool is_known_unittest_base(const graph::ClassNode& node) {
  if (node.origin == graph::ClassNode::Origin::repository) return false;
  if (node.origin == graph::ClassNode::Origin::unresolved) return last_segment(node.qualname).ends_with("TestCase");
  return std::any_of(node.spellings.begin(), node.spellings.end(), [](const std::string& spelling) {
    return std::find(kUnittestBases.begin(), kUnittestBases.end(), spelling) != kUnittestBases.end();
  });
}

bool defines_init(const graph::ClassNode& node) {
  if (node.facts == nullptr) return false;
  const auto& methods = node.facts->methods;
  return std::any_of(methods.begin(), methods.end(), [](const FunctionFacts& m) { return m.name == "__init__"; });
}

bool defines_methods(const graph::ClassNode& node) { return node.facts != nullptr && !node.facts->methods.empty(); }

/// Append the test methods `id` collects, walking its MRO so that overrides win.
void collect_methods(const std::string& path, const ClassFacts& cls, graph::ClassId id, bool unittest,
                     graph::ClassGraph& classes, const TestNamePatterns& patterns,
                     std::vector<CollectedTest>& tests) {
  if (!classes.any_in_mro(id, &defines_methods)) return;  // spare the walk: a deep chain has many such classes
  std::set<std::string> seen;
  for (const graph::ClassId ancestor : classes.mro(id)) {
    const graph::ClassNode& node = classes.node(ancestor);
    if (node.facts == nullptr) continue;
    for (const FunctionFacts& method : node.facts->methods) {
      if (!seen.insert(method.name).second || method.is_fixture) continue;
      const bool is_test = unittest ? method.name.starts_with("test") : any_matches(patterns.functions, method.name);
      if (!is_test) continue;
      tests.push_back({path + "::" + cls.qualname + "::" + method.name, &method, node.path, id, ancestor});
    }
  }
}

}  // namespace

bool is_unittest_class(graph::ClassGraph& classes, graph::ClassId id) {
  return classes.any_in_mro(id, &is_known_unittest_base);
}

std::vector<CollectedTest> collect_tests(const FileFacts& file, graph::ClassGraph& classes,
                                         const TestNamePatterns& patterns) {
  std::vector<CollectedTest> tests;
  for (const FunctionFacts& function : file.functions) {
    if (!function.is_fixture && any_matches(patterns.functions, function.name)) {
      tests.push_back({file.path + "::" + function.name, &function, file.path, std::nullopt, std::nullopt});
    }
  }
  for (const ClassFacts& cls : file.classes) {
    if (cls.qualname != cls.name) continue;  // nested classes: see README "Known limitations"
    const auto id = classes.find(file.path, cls.qualname);
    if (!id) continue;
    const bool unittest = is_unittest_class(classes, *id);
    if (!unittest && (!any_matches(patterns.classes, cls.name) || classes.any_in_mro(*id, &defines_init))) continue;
    collect_methods(file.path, cls, *id, unittest, classes, patterns, tests);
  }
  std::sort(tests.begin(), tests.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  return tests;
}

}  // namespace testtier::classify_stage
