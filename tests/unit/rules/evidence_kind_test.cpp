// The table of evidence kinds: every row is what the rules reader and the outputs use.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include "rules/evidence_kind.hpp"

using namespace testtier;

TEST_CASE("every evidence kind is read from its key, with its default, and prints as it", "[rules]") {
  for (const EvidenceKindRow& row : kEvidenceKinds) {
    CAPTURE(row.key);
    const std::string text = fmt::format(
        "version = 1\n[services.postgres]\n[[tier]]\nname = \"all\"\nprovides = [\"*\"]\n"
        "[[signal]]\n{} = [\"x\"]\nneeds = [\"postgres\"]\n",
        row.key);
    const Rules rules = parse_rules(text, "rules.toml");
    REQUIRE(rules.signals.size() == 1);
    CHECK(rules.signals[0].kind == row.kind);
    CHECK(rules.signals[0].declared == row.declares_by_default);
    CHECK(to_string(row.kind) == row.key);
    CHECK(declares_by_default(row.kind) == row.declares_by_default);
  }
}

TEST_CASE("a number past the last evidence kind prints as `?` and declares nothing", "[rules]") {
  const auto past = static_cast<EvidenceKind>(kEvidenceKinds.size());
  CHECK(to_string(past) == "?");
  CHECK_FALSE(declares_by_default(past));
}
