// The rules' [lint] table (and [tool.testtier.lint]): ruff's select, extend-select, ignore and
// per-file-ignores, with every unknown code a located problem.
#include <catch2/catch.hpp>

#include <string>
#include <string_view>

#include "testtier/rules.hpp"

using namespace testtier;

namespace {

const std::string kValid = R"(version = 1
[services.postgres]
[[tier]]
name = "all"
provides = ["*"]
)";

RulesError error_of(std::string_view text) {
  try {
    parse_rules(text, "rules.toml");
  } catch (const RulesError& error) {
    return error;
  }
  FAIL("no RulesError for:\n" << text);
  throw std::logic_error("unreachable");
}

std::vector<std::string> codes_of(const std::vector<LintSelector>& selectors) {
  std::vector<std::string> codes;
  for (const LintSelector& selector : selectors) codes.push_back(selector.code);
  return codes;
}

}  // namespace

TEST_CASE("[lint] is read: selectors upper-cased with their positions, per-file-ignores in order", "[rules][lint]") {
  const Rules rules = parse_rules(kValid + R"([lint]
select = ["tt0", "TT901"]
extend-select = ["TT003"]
ignore = ["TT002"]
per-file-ignores = { "tests/legacy/**" = ["TT001"], "!tests/api/**" = ["TT9", "ALL"] }
)",
                                  "rules.toml");
  REQUIRE(rules.lint.select.has_value());
  CHECK(codes_of(*rules.lint.select) == std::vector<std::string>{"TT0", "TT901"});
  CHECK(rules.lint.select->front().location == SourceLocation{7, 11});
  CHECK(codes_of(rules.lint.extend_select) == std::vector<std::string>{"TT003"});
  CHECK(codes_of(rules.lint.ignore) == std::vector<std::string>{"TT002"});
  REQUIRE(rules.lint.per_file_ignores.size() == 2);
  CHECK(rules.lint.per_file_ignores[0].glob == "tests/legacy/**");
  CHECK(codes_of(rules.lint.per_file_ignores[0].codes) == std::vector<std::string>{"TT001"});
  CHECK(rules.lint.per_file_ignores[0].location.line == 10);
  CHECK(rules.lint.per_file_ignores[1].glob == "!tests/api/**");
  CHECK(codes_of(rules.lint.per_file_ignores[1].codes) == std::vector<std::string>{"TT9", "ALL"});
}

TEST_CASE("without [lint], or with an empty one, nothing is selected by the file", "[rules][lint]") {
  CHECK_FALSE(parse_rules(kValid, "rules.toml").lint.select.has_value());
  const Rules empty = parse_rules(kValid + "[lint]\nselect = []\n", "rules.toml");
  REQUIRE(empty.lint.select.has_value());
  CHECK(empty.lint.select->empty());
}

TEST_CASE("unknown codes in [lint] are problems at their own line and column, all at once", "[rules][lint]") {
  const RulesError error = error_of(kValid + R"([lint]
select = ["TT001", "TT01x"]
ignore = ["E501"]
[lint.per-file-ignores]
"tests/**" = ["TT999"]
)");
  REQUIRE(error.problems().size() == 3);
  CHECK(error.problems()[0].location == SourceLocation{7, 20});
  CHECK(error.problems()[0].key == "lint.select");
  CHECK_THAT(error.problems()[0].message, Catch::StartsWith("unknown lint code or prefix `TT01x` in `select`"));
  CHECK(error.problems()[1].location == SourceLocation{8, 11});
  CHECK_THAT(error.problems()[1].message, Catch::Contains("`E501`"));
  CHECK(error.problems()[2].location.line == 10);
  CHECK(error.problems()[2].key == "lint.per-file-ignores.\"tests/**\"");
  CHECK_THAT(std::string(error.what()), Catch::StartsWith("rules.toml:7:20: error: unknown lint code or prefix `TT01x`"));
}

TEST_CASE("[lint] keys, types and globs are checked", "[rules][lint]") {
  CHECK_THAT(error_of(kValid + "[lint]\nper_file_ignores = {}\n").message(),
             Catch::Contains("unknown key `per_file_ignores` in [lint]"));
  CHECK_THAT(error_of(kValid + "[lint]\nselect = \"TT001\"\n").message(), Catch::Contains("must be an array of strings"));
  CHECK_THAT(error_of(kValid + "[lint]\nper-file-ignores = { \"tests/[x\" = [\"TT001\"] }\n").message(),
             Catch::Contains("bad glob in `per-file-ignores`"));
  CHECK_THAT(error_of(kValid + "[lint]\nper-file-ignores = { \"tests/**\" = \"TT001\" }\n").message(),
             Catch::Contains("must be an array of strings"));
  CHECK_THAT(error_of("lint = 3\n" + kValid).message(), Catch::Contains("`lint` must be a table"));
}

TEST_CASE("[tool.testtier.lint] is read from pyproject.toml, its errors under the full key", "[rules][lint]") {
  const auto rules = parse_pyproject_rules(R"([tool.testtier]
version = 1
[tool.testtier.services.postgres]
[[tool.testtier.tier]]
name = "all"
provides = ["*"]
[tool.testtier.lint]
ignore = ["TT002"]
)",
                                           "pyproject.toml");
  REQUIRE(rules.has_value());
  CHECK(codes_of(rules->lint.ignore) == std::vector<std::string>{"TT002"});
  try {
    parse_pyproject_rules("[tool.testtier]\nversion = 1\n[tool.testtier.lint]\nselect = [\"XX1\"]\n", "pyproject.toml");
    FAIL("no error");
  } catch (const RulesError& error) {
    bool found = false;
    for (const RulesProblem& problem : error.problems()) {
      found = found || (problem.key == "tool.testtier.lint.select" && problem.location == SourceLocation{4, 11});
    }
    CHECK(found);
  }
}
