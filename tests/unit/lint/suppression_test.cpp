// is_suppressed(): `# testtier: ignore[...]` on the reported line, or on the `def`/`class` line
// of a definition around it; a bare `ignore` silences every code. `# noqa` on its line only.
#include <catch2/catch.hpp>

#include "lint/checks.hpp"
#include "testtier/parse.hpp"

using namespace testtier;

namespace {

const FileFacts kFacts = extract_facts(R"(import os  # testtier: ignore[TT002]

def test_plain():
    store_event()  # testtier: ignore

class TestThing:  # testtier: ignore[TT001, TT003]
    def test_a(self):
        store_event()

    def test_b(self):  # testtier: ignore[TT002]
        store_event()

def test_outside():
    store_event()
)",
                                       "tests/test_x.py", "tests.test_x");

Finding at(std::uint32_t line, const std::string& code) { return Finding{code, Severity::warning, "tests/test_x.py", {line, 5}, "m", ""}; }

}  // namespace

TEST_CASE("suppression: on the reported line, for the codes it names", "[lint][suppression]") {
  CHECK(lint_stage::is_suppressed(at(1, "TT002"), kFacts));
  CHECK_FALSE(lint_stage::is_suppressed(at(1, "TT001"), kFacts));
  CHECK(lint_stage::is_suppressed(at(4, "TT001"), kFacts));  // bare: every code
  CHECK(lint_stage::is_suppressed(at(4, "TT003"), kFacts));
}

TEST_CASE("suppression: on a class or def line, for everything inside it", "[lint][suppression]") {
  CHECK(lint_stage::is_suppressed(at(8, "TT001"), kFacts));   // in TestThing.test_a
  CHECK(lint_stage::is_suppressed(at(11, "TT003"), kFacts));  // in TestThing, through test_b too
  CHECK(lint_stage::is_suppressed(at(11, "TT002"), kFacts));  // test_b's own
  CHECK_FALSE(lint_stage::is_suppressed(at(8, "TT002"), kFacts));
  CHECK_FALSE(lint_stage::is_suppressed(at(14, "TT001"), kFacts));  // after the class
}

TEST_CASE("suppression: a whole-file finding is never silenced by a line comment", "[lint][suppression]") {
  CHECK_FALSE(lint_stage::is_suppressed(at(0, "TT002"), kFacts));
}

namespace {

const FileFacts kNoqa = extract_facts(R"(def test_a():  # noqa
    store_event()  # noqa: TT001
    store_event()  # noqa: E501
    store_event()  # noqa
    store_event()  # NOQA: TT002,TT001
)",
                                      "tests/test_y.py", "tests.test_y");

Finding in_noqa(std::uint32_t line, const std::string& code) {
  return Finding{code, Severity::warning, "tests/test_y.py", {line, 5}, "m", ""};
}

}  // namespace

TEST_CASE("suppression: # noqa on the reported line only, bare for every code", "[lint][suppression][noqa]") {
  CHECK(lint_stage::is_suppressed(in_noqa(2, "TT001"), kNoqa));
  CHECK_FALSE(lint_stage::is_suppressed(in_noqa(2, "TT002"), kNoqa));
  CHECK_FALSE(lint_stage::is_suppressed(in_noqa(3, "TT001"), kNoqa));  // another tool's code only
  CHECK(lint_stage::is_suppressed(in_noqa(4, "TT001"), kNoqa));
  CHECK(lint_stage::is_suppressed(in_noqa(4, "TT906"), kNoqa));
  CHECK(lint_stage::is_suppressed(in_noqa(5, "TT001"), kNoqa));
  CHECK(lint_stage::is_suppressed(in_noqa(1, "TT003"), kNoqa));  // the def line itself
}

TEST_CASE("suppression: # noqa on a def line does not cover the body, as flake8's", "[lint][suppression][noqa]") {
  CHECK_FALSE(lint_stage::is_suppressed(in_noqa(3, "TT002"), kNoqa));
}
