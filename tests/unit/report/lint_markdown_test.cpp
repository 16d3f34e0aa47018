#include <catch2/catch.hpp>

#include "report/sample_lint_result.hpp"
#include "testtier/lint_report.hpp"

using namespace testtier;

namespace {

// Written by hand: the heading as the text format's summary line, a count per code in code order
// with the code's name, then a section per file; line 0 as 1:1, a line end as <br>, the fix nested.
constexpr const char* expected_markdown = R"(## testtier lint: 4 findings (2 suppressed)

| code | name | count |
| :--- | :--- | ---: |
| TT001 | undeclared-service | 1 |
| TT002 | suspicious-import | 1 |
| TT901 | syntax-error | 1 |
| TT902 | undecodable-file | 1 |

### `tests/api/test owners.py`

- `tests/api/test owners.py:3:1` **TT002** \`sentry.snuba\` imported for types only; snuba is not declared

### `tests/latin1.py`

- `tests/latin1.py:1:1` **TT902** the file is not UTF-8

### `tests/odd,name:1.py`

- `tests/odd,name:1.py:7:4` **TT901** syntax error: 100% sure, near \`(\`<br>line 2

### `tests/snuba/test_a.py`

- `tests/snuba/test_a.py:12:9` **TT001** snuba is used through \`store\_event\` but never declared
  - Fix: add \`pytestmark = \[requires\_snuba\]\`
)";

}  // namespace

TEST_CASE("lint markdown: heading, counts per code, findings by file", "[lint-report]") {
  CHECK(lint_to_markdown(test::sample_lint_result()) == expected_markdown);
}

TEST_CASE("lint markdown: no findings is a heading alone", "[lint-report]") {
  LintResult result;
  CHECK(lint_to_markdown(result) == "## testtier lint: All checks passed\n");
  result.suppressed = 1;
  CHECK(lint_to_markdown(result) == "## testtier lint: All checks passed (1 suppressed)\n");
}

TEST_CASE("lint markdown: a run-wide finding, and names that cannot break the document", "[lint-report]") {
  LintResult result;
  result.findings.push_back(Finding{"TT908", Severity::note, "", {}, "the cache <dir> was not saved", ""});
  result.findings.push_back(Finding{"TT001", Severity::warning, "a`b\xFF.py", {2, 0}, "m", ""});
  result.findings.push_back(Finding{"TT001", Severity::warning, "a`b\xFF.py", {5, 3}, "n", "x | y"});
  CHECK(lint_to_markdown(result) ==
        "## testtier lint: 3 findings\n"
        "\n"
        "| code | name | count |\n"
        "| :--- | :--- | ---: |\n"
        "| TT001 | undeclared-service | 2 |\n"
        "| TT908 | unusable-cache | 1 |\n"
        "\n"
        "### testtier\n"
        "\n"
        "- **TT908** the cache &lt;dir&gt; was not saved\n"
        "\n"
        "### ``a`b\\xFF.py``\n"
        "\n"
        "- ``a`b\\xFF.py:2:1`` **TT001** m\n"
        "- ``a`b\\xFF.py:5:3`` **TT001** n\n"
        "  - Fix: x \\| y\n");
}
