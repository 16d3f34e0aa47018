// `# testtier: ignore[...]` comments.
#include <catch2/catch.hpp>

#include "facts_helpers.hpp"

using namespace testtier;
using testtier::test::facts_of;

TEST_CASE("suppression comments with and without codes", "[parse][suppressions]") {
  const FileFacts facts = facts_of(
      "x = f()  # testtier: ignore[TT001]\n"
      "y = g()  # testtier: ignore\n"
      "z = h()  #testtier:ignore[ tt001 ,TT002]  trailing words\n"
      "def test_a():  # noqa # testtier: ignore[TT9]\n"
      "    pass\n");
  // Line 4's comment holds a bare `# noqa` too: two suppressions there, ours first.
  REQUIRE(facts.suppressions.size() == 5);
  CHECK(facts.suppressions[0].location == SourceLocation{1, 10});
  CHECK(facts.suppressions[0].codes == std::vector<std::string>{"TT001"});
  CHECK(facts.suppressions[1].codes.empty());
  CHECK(facts.suppressions[2].codes == std::vector<std::string>{"TT001", "TT002"});
  CHECK(facts.suppressions[3].location.line == 4);
  CHECK(facts.suppressions[3].codes == std::vector<std::string>{"TT9"});
  CHECK_FALSE(facts.suppressions[3].noqa);
  CHECK(facts.suppressions[4].location.line == 4);
  CHECK(facts.suppressions[4].noqa);
  CHECK(facts.suppressions[4].codes.empty());
}

TEST_CASE("# noqa comments as flake8 and ruff write them", "[parse][suppressions][noqa]") {
  const FileFacts facts = facts_of(
      "a = f()  # noqa\n"
      "b = f()  # noqa: TT001\n"
      "c = f()  #noqa:TT001,tt002 E501\n"
      "d = f()  # NOQA: TT001, TT002  because the call is fine\n"
      "e = f()  # type: ignore  # noqa: E501\n"
      "g = f()  # noqa : TT001\n");
  REQUIRE(facts.suppressions.size() == 6);
  for (const Suppression& s : facts.suppressions) CHECK(s.noqa);
  CHECK(facts.suppressions[0].codes.empty());
  CHECK(facts.suppressions[0].location == SourceLocation{1, 10});
  CHECK(facts.suppressions[1].codes == std::vector<std::string>{"TT001"});
  CHECK(facts.suppressions[2].codes == std::vector<std::string>{"TT001", "TT002", "E501"});
  CHECK(facts.suppressions[3].codes == std::vector<std::string>{"TT001", "TT002"});
  CHECK(facts.suppressions[4].codes == std::vector<std::string>{"E501"});
  CHECK(facts.suppressions[5].codes == std::vector<std::string>{"TT001"});
}

TEST_CASE("noqa in a string, in another word, or with a colon and no code is no suppression",
          "[parse][suppressions][noqa]") {
  const FileFacts facts = facts_of(
      "s = '# noqa'\n"
      "t = 1  # noqa_like\n"
      "u = 2  # this is not noqa\n"
      "v = 3  # noqa:\n"
      "w = 4  # noqa: because\n"
      "x = '''\n# noqa\n'''\n");
  CHECK(facts.suppressions.empty());
}

TEST_CASE("the marker inside a string or in another word is not a suppression", "[parse][suppressions]") {
  const FileFacts facts = facts_of(
      "s = '# testtier: ignore[TT001]'\n"
      "t = 1  # testtier: ignored here\n"
      "u = 2  # mentions testtier: but ignores nothing\n");
  CHECK(facts.suppressions.empty());
}
