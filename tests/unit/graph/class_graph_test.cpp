// Class graph: MROs as Python computes them (C3), shared along single-inheritance chains, and
// questions asked of a whole MRO answered once per stored segment.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "../rules/temp_dir.hpp"
#include "graph/class_graph.hpp"
#include "resolve/fact_store.hpp"
#include "resolve/symbols.hpp"

using namespace testtier;

namespace {

/// One module `m.py` with `source`, parsed as the resolver meets it, and its class graph.
struct OneModule {
  test::TempDir dir;
  std::vector<std::string> files{"m.py"};
  resolve::ModuleIndex modules{files, {"."}};
  resolve::FactStore store{dir.root(), modules, ParseOptions{}, 1};
  resolve::FactStore::ParseOnDemand on_demand{store, 1 << 20};
  resolve::Resolver resolver{store};
  graph::ClassGraph classes;

  explicit OneModule(const std::string& source) {
    dir.write("m.py", source);
    const FileFacts* facts = store.get("m.py");
    REQUIRE(facts != nullptr);
    classes.build({facts}, resolver);
  }

  graph::ClassId id(const std::string& name) {
    const auto found = classes.find("m.py", name);
    REQUIRE(found);
    return *found;
  }

  /// Return the MRO of `name` as qualified names.
  std::vector<std::string> mro(const std::string& name) {
    std::vector<std::string> names;
    for (const graph::ClassId c : classes.mro(id(name))) names.push_back(classes.node(c).qualified);
    return names;
  }
};

bool is_mixin(const graph::ClassNode& node) { return node.qualname.ends_with("Mixin"); }

}  // namespace

TEST_CASE("a diamond's MRO is C3's", "[graph][classes]") {
  OneModule m("class A:\n    pass\nclass B(A):\n    pass\nclass C(A):\n    pass\nclass D(B, C):\n    pass\n"
              "class E(D):\n    pass\n");
  CHECK(m.mro("D") == std::vector<std::string>{"m.D", "m.B", "m.C", "m.A"});
  CHECK(m.mro("E") == std::vector<std::string>{"m.E", "m.D", "m.B", "m.C", "m.A"});
}

TEST_CASE("each class of a single-inheritance chain has the whole chain above it, asked in any order",
          "[graph][classes]") {
  std::string source = "import unittest\nclass Base0(unittest.TestCase):\n    pass\n";
  for (int i = 1; i < 50; ++i) source += "class Base" + std::to_string(i) + "(Base" + std::to_string(i - 1) + "):\n    pass\n";
  OneModule m(source);
  CHECK(m.mro("Base10").size() == 12);  // middle first: its segments are shared by those below
  const std::vector<std::string> deepest = m.mro("Base49");
  REQUIRE(deepest.size() == 51);
  CHECK(deepest.front() == "m.Base49");
  CHECK(deepest[39] == "m.Base10");
  CHECK(deepest.back() == "unittest.TestCase");
  CHECK(m.mro("Base0") == std::vector<std::string>{"m.Base0", "unittest.TestCase"});
}

TEST_CASE("a question asked of an MRO has the same answer memoized as walked", "[graph][classes]") {
  OneModule m("class LoggingMixin:\n    pass\nclass A:\n    pass\nclass B(A):\n    pass\n"
              "class C(B, LoggingMixin):\n    pass\nclass D(C):\n    pass\nclass E(D):\n    pass\n"
              "class F(B):\n    pass\n");
  for (const char* name : {"E", "F", "D", "B", "C", "LoggingMixin", "A"}) {
    const std::vector<std::string> mro = m.mro(name);
    const bool walked = std::any_of(mro.begin(), mro.end(), [](const std::string& q) { return q.ends_with("Mixin"); });
    INFO(name);
    CHECK(m.classes.any_in_mro(m.id(name), &is_mixin) == walked);
  }
  CHECK(m.classes.any_in_mro(m.id("E"), &is_mixin));
  CHECK_FALSE(m.classes.any_in_mro(m.id("F"), &is_mixin));
}

TEST_CASE("an inheritance cycle still gives every class an MRO that starts with itself, once each",
          "[graph][classes]") {
  OneModule m("class A(C):\n    pass\nclass B(A):\n    pass\nclass C(B):\n    pass\nclass T(C):\n    pass\n");
  for (const char* name : {"T", "A", "B", "C"}) {
    const std::vector<std::string> mro = m.mro(name);
    INFO(name);
    REQUIRE_FALSE(mro.empty());
    CHECK(mro.front() == std::string("m.") + name);
    std::vector<std::string> sorted = mro;
    std::sort(sorted.begin(), sorted.end());
    CHECK(std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end());
  }
  CHECK_FALSE(m.classes.diagnostics().empty());
}
