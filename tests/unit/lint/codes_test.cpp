// The registry of lint codes (lib/src/lint/codes.cpp): in code order, each code documented, with
// a fixture and golden files under corpus/lint/CODE/, and no fixture without a code.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <regex>
#include <set>
#include <string>

#include "lint/checks.hpp"
#include "testtier/diagnostic.hpp"
#include "testtier/lint.hpp"

using namespace testtier;
namespace fs = std::filesystem;

namespace {

const fs::path kLintCorpus = fs::path(TESTTIER_SOURCE_DIR) / "corpus" / "lint";

std::set<std::string> fixture_directories() {
  std::set<std::string> codes;
  for (const auto& entry : fs::directory_iterator(kLintCorpus)) {
    if (entry.is_directory()) codes.insert(entry.path().filename().string());
  }
  return codes;
}

}  // namespace

TEST_CASE("lint codes are listed once, in code order, as the rules define them", "[lint]") {
  const auto rules = lint_stage::lint_rules();
  REQUIRE(lint_codes().size() == rules.size());
  std::set<std::string_view> names;
  for (std::size_t i = 0; i < rules.size(); ++i) {
    INFO(rules[i]->code.code);
    CHECK(lint_codes()[i].code == rules[i]->code.code);
    CHECK(rules[i]->check != nullptr);
    CHECK(std::regex_match(std::string(rules[i]->code.code), std::regex("TT[0-9]{3}")));
    if (i > 0) CHECK(rules[i - 1]->code.code < rules[i]->code.code);
    CHECK(names.insert(rules[i]->code.name).second);
  }
}

TEST_CASE("every lint code has documentation, a fixture and golden files", "[lint]") {
  for (const LintCode& code : lint_codes()) {
    INFO(code.code);
    for (const std::string_view text : {code.name, code.summary, code.what, code.why, code.example, code.fix}) {
      CHECK_FALSE(text.empty());
    }
    CHECK_THAT(explain_lint_code(code), Catch::Contains("## What it finds") && Catch::Contains("## Example") &&
                                            Catch::Contains("## Fix"));
    const fs::path fixture = kLintCorpus / std::string(code.code);
    CHECK(fs::is_regular_file(fixture / "testtier.toml"));
    for (const char* golden : {"text.txt", "lint.json", "lint.sarif", "github.txt", "lint.md"}) {
      CHECK(fs::is_regular_file(fixture / "expected" / golden));
    }
  }
}

TEST_CASE("every lint fixture is named after a registered code", "[lint]") {
  for (const std::string& directory : fixture_directories()) {
    INFO(directory);
    CHECK(find_lint_code(directory) != nullptr);
  }
}

TEST_CASE("every code the stages report is a registered lint code", "[lint]") {
  for (const std::string_view code :
       {codes::syntax_error, codes::undecodable, codes::unreadable, codes::unresolved, codes::fixture_cycle,
        codes::unmatched_rule, codes::invalid_configuration, codes::unusable_cache}) {
    INFO(code);
    CHECK(find_lint_code(code) != nullptr);
  }
}
