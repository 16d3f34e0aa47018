// A small hand-built LintResult shared by the lint writers' tests.
#pragma once

#include "testtier/lint.hpp"

namespace testtier::test {

/// Return four findings sorted by path, one of each severity: a note under a path with a space,
/// a whole-file error (line 0), an error whose path and message hold `%`, `,`, `:` and CR LF,
/// and a warning with a fix; two more were suppressed.
inline LintResult sample_lint_result() {
  LintResult result;
  result.findings = {
      Finding{"TT002", Severity::note, "tests/api/test owners.py", {3, 1},
              "`sentry.snuba` imported for types only; snuba is not declared", ""},
      Finding{"TT902", Severity::error, "tests/latin1.py", {0, 0}, "the file is not UTF-8", ""},
      Finding{"TT901", Severity::error, "tests/odd,name:1.py", {7, 4},
              "syntax error: 100% sure, near `(`\r\nline 2", ""},
      Finding{"TT001", Severity::warning, "tests/snuba/test_a.py", {12, 9},
              "snuba is used through `store_event` but never declared",
              "add `pytestmark = [requires_snuba]`"}};
  result.suppressed = 2;
  result.files_checked = 5;
  return result;
}

}  // namespace testtier::test
