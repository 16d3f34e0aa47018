#include <catch2/catch.hpp>

#include "report/sample_classification.hpp"
#include "testtier/report.hpp"

using namespace testtier;

TEST_CASE("classification_to_text writes the tier and service tables, files and diagnostics", "[report]") {
  CHECK(classification_to_text(test::sample_classification()) == R"(testtier: 3 test files, 4 tests (rules: rules/sentry.toml)

tier            files  % files  tests  % tests
no_services         1    33.3%      1    25.0%
postgres_only       1    33.3%      1    25.0%
other_services      0     0.0%      0     0.0%
snuba_tier          1    33.3%      2    50.0%
total               3   100.0%      4   100.0%

service   files  tests
postgres      2      3
snuba         1      2

no_services (1 file)
  tests/café/test_plain.py

postgres_only (1 file)
  tests/sentry/test_empty.py  postgres

other_services (0 files)

snuba_tier (1 file)
  tests/snuba/test_a.py  postgres, snuba

diagnostics: 1
tests/broken.py:3:5: TT901 syntax error
)");
}

TEST_CASE("classification_to_text aligns non-ASCII paths by characters", "[report]") {
  Classification result;
  result.rules_origin = "<default>";
  result.tier_order = {"no_services", "postgres_only"};
  result.files.push_back(FileResult{"t/\xC3\xA9t\xC3\xA9.py", {"postgres"}, "postgres_only", {}, {}, {}});
  result.files.push_back(FileResult{"t/longer.py", {"postgres"}, "postgres_only", {}, {}, {}});
  CHECK(classification_to_text(result) == R"(testtier: 2 test files, 0 tests (rules: <default>)

tier           files  % files  tests  % tests
no_services        0     0.0%      0     0.0%
postgres_only      2   100.0%      0     0.0%
total              2   100.0%      0     0.0%

service   files  tests
postgres      2      0

no_services (0 files)

postgres_only (2 files)
  t/été.py     postgres
  t/longer.py  postgres

diagnostics: 0
)");
}

TEST_CASE("classification_to_text in colour: headings bold, the text and its alignment unchanged", "[report][color]") {
  const Classification sample = test::sample_classification();
  const std::string plain = classification_to_text(sample);
  const std::string colored = classification_to_text(sample, {.color = true});
  std::string stripped;
  for (std::size_t i = 0; i < colored.size(); ++i) {
    if (colored[i] == '\x1b' && colored.compare(i, 2, "\x1b[") == 0) {
      i = colored.find('m', i);
      continue;
    }
    stripped += colored[i];
  }
  CHECK(stripped == plain);
  CHECK_THAT(colored, Catch::StartsWith("\x1b[1mtesttier: 3 test files, 4 tests (rules: rules/sentry.toml)\x1b[0m\n"));
  CHECK_THAT(colored, Catch::Contains("\n\x1b[1mtier "));     // the header row of the tier table
  CHECK_THAT(colored, Catch::Contains("\n\x1b[1mservice "));  // and of the service table
  CHECK(plain.find('\x1b') == std::string::npos);
}
