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
  REQUIRE(facts.suppressions.size() == 4);
  CHECK(facts.suppressions[0].location == SourceLocation{1, 10});
  CHECK(facts.suppressions[0].codes == std::vector<std::string>{"TT001"});
  CHECK(facts.suppressions[1].codes.empty());
  CHECK(facts.suppressions[2].codes == std::vector<std::string>{"TT001", "TT002"});
  CHECK(facts.suppressions[3].location.line == 4);
  CHECK(facts.suppressions[3].codes == std::vector<std::string>{"TT9"});
}

TEST_CASE("the marker inside a string or in another word is not a suppression", "[parse][suppressions]") {
  const FileFacts facts = facts_of(
      "s = '# testtier: ignore[TT001]'\n"
      "t = 1  # testtier: ignored here\n"
      "u = 2  # mentions testtier: but ignores nothing\n");
  CHECK(facts.suppressions.empty());
}
