#include <catch2/catch.hpp>

#include "report/sample_classification.hpp"
#include "testtier/report.hpp"

using namespace testtier;

namespace {

// Written by hand from the sample: 3 files and 4 tests; other_services has none, so it is in the
// table and has no <details>; the file without services has no ": services".
constexpr const char* expected_markdown = R"(## testtier: 3 test files, 4 tests (rules: `rules/sentry.toml`)

| tier | files | % files | tests | % tests |
| :--- | ---: | ---: | ---: | ---: |
| no\_services | 1 | 33.3% | 1 | 25.0% |
| postgres\_only | 1 | 33.3% | 1 | 25.0% |
| other\_services | 0 | 0.0% | 0 | 0.0% |
| snuba\_tier | 1 | 33.3% | 2 | 50.0% |
| **total** | 3 | 100.0% | 4 | 100.0% |

| service | files | tests |
| :--- | ---: | ---: |
| postgres | 2 | 3 |
| snuba | 1 | 2 |

### Files per tier

<details><summary>no_services (1 file)</summary>

- `tests/café/test_plain.py`

</details>

<details><summary>postgres_only (1 file)</summary>

- `tests/sentry/test_empty.py`: postgres

</details>

<details><summary>snuba_tier (1 file)</summary>

- `tests/snuba/test_a.py`: postgres, snuba

</details>

### 1 diagnostic

- `tests/broken.py:3:5` TT901 syntax error
)";

}  // namespace

TEST_CASE("classification markdown: heading, tables, folded files, diagnostics", "[report]") {
  CHECK(classification_to_markdown(test::sample_classification()) == expected_markdown);
}

TEST_CASE("classification markdown: an empty classification", "[report]") {
  Classification empty;
  empty.rules_origin = "built-in";
  CHECK(classification_to_markdown(empty) ==
        "## testtier: 0 test files, 0 tests (rules: `built-in`)\n"
        "\n"
        "| tier | files | % files | tests | % tests |\n"
        "| :--- | ---: | ---: | ---: | ---: |\n"
        "| **total** | 0 | 0.0% | 0 | 0.0% |\n"
        "\n"
        "### No diagnostics\n");
}

TEST_CASE("classification markdown: names from files and rules cannot break the document", "[report]") {
  Classification result;
  result.rules_origin = "rules`x`.toml";
  result.files.push_back(FileResult{"tests/a|b\n| forged |.py", {"red<i>s"}, "<b>tier|1</b>", {}, {}, {}});
  result.diagnostics.push_back(
      Diagnostic{"tests/`x`.py", {1, 2}, Severity::warning, "TT901", "bad *token*\n# not a heading"});
  CHECK(classification_to_markdown(result) ==
        "## testtier: 1 test file, 0 tests (rules: ``rules`x`.toml``)\n"
        "\n"
        "| tier | files | % files | tests | % tests |\n"
        "| :--- | ---: | ---: | ---: | ---: |\n"
        "| &lt;b&gt;tier\\|1&lt;/b&gt; | 1 | 100.0% | 0 | 0.0% |\n"
        "| **total** | 1 | 100.0% | 0 | 0.0% |\n"
        "\n"
        "| service | files | tests |\n"
        "| :--- | ---: | ---: |\n"
        "| red&lt;i&gt;s | 1 | 0 |\n"
        "\n"
        "### Files per tier\n"
        "\n"
        "<details><summary>&lt;b&gt;tier|1&lt;/b&gt; (1 file)</summary>\n"
        "\n"
        "- `tests/a|b\\n| forged |.py`: red&lt;i&gt;s\n"
        "\n"
        "</details>\n"
        "\n"
        "### 1 diagnostic\n"
        "\n"
        "- ``tests/`x`.py:1:2`` TT901 bad \\*token\\*<br>\\# not a heading\n");
}
