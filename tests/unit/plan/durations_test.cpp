// read_durations(): pytest-split's JSON and JUnit XML, and clear errors for anything else.
#include <catch2/catch.hpp>

#include "rules/temp_dir.hpp"
#include "testtier/plan.hpp"

using namespace testtier;
using testtier::test::TempDir;

TEST_CASE("durations: pytest-split's .test_durations is read as node id to seconds", "[plan][durations]") {
  const TempDir dir;
  const auto file = dir.write(".test_durations", R"({"tests/a.py::test_x": 1.5, "tests/a.py::C::test_y": 0.25})");
  const auto durations = read_durations(file.string());
  CHECK(durations == std::map<std::string, double>{{"tests/a.py::C::test_y", 0.25}, {"tests/a.py::test_x", 1.5}});
}

TEST_CASE("durations: JUnit XML testcases become node ids, with or without a file attribute", "[plan][durations]") {
  const TempDir dir;
  const auto file = dir.write("junit.xml", R"(<?xml version="1.0"?>
<testsuites><testsuite name="pytest">
  <testcase classname="tests.sentry.test_a.TestThing" name="test_one" time="2.5"/>
  <testcase classname="tests.sentry.test_a" name="test_two" time="1"/>
  <testcase classname="x.y" file="tests/b.py" name="test_three" time="0.5"/>
  <testcase classname="tests.sentry.test_a" name="test_two" time="1"/>
  <testcase classname="tests.sentry.test_a" name="test_untimed"/>
</testsuite></testsuites>)");
  const auto durations = read_durations(file.string());
  CHECK(durations == std::map<std::string, double>{{"tests/b.py::test_three", 0.5},
                                                   {"tests/sentry/test_a.py::TestThing::test_one", 2.5},
                                                   {"tests/sentry/test_a.py::test_two", 2}});  // summed
}

TEST_CASE("durations: a tag of any size is read whole", "[plan][durations]") {
  const TempDir dir;
  const std::string name = "test_" + std::string(200'000, 'x');
  const auto file = dir.write("junit.xml", "<testsuites><testcase classname=\"tests.t\" name=\"" + name +
                                               "\" time=\"3\"/></testsuites>");
  const auto durations = read_durations(file.string());
  REQUIRE(durations.size() == 1);
  CHECK(durations.begin()->first == "tests/t.py::" + name);
}

TEST_CASE("durations: what cannot be read or parsed is an error naming the file", "[plan][durations]") {
  const TempDir dir;
  const auto check_refused = [&](const std::string& name, const std::string& text, const std::string& why) {
    INFO(name);
    const auto file = dir.write(name, text);
    CHECK_THROWS_WITH(read_durations(file.string()), Catch::Contains(name) && Catch::Contains(why));
  };
  check_refused("list.json", "[1, 2]", "not a pytest-split");
  check_refused("string.json", R"({"a.py::t": "slow"})", "not a pytest-split");
  check_refused("broken.xml", "<testsuites><testcase name='x' time='1'></testsuites>", "XML error");
  check_refused("empty", "", "not a pytest-split");
  CHECK_THROWS_WITH(read_durations((dir.root() / "missing.json").string()),
                    Catch::Contains("missing.json") && Catch::Contains("cannot read"));
}
