// TT901 syntax-error: a syntax error, found by the parse stage and linted like any finding.
#include "lint/checks.hpp"

namespace testtier::lint_stage {

extern const LintRule kSyntaxError{
    .code = {
        .code = codes::syntax_error,
        .name = "syntax-error",
        .severity = Severity::warning,
        .enabled_by_default = true,
        .summary = "A file has a syntax error; what precedes and follows it is still read.",
        .what = "tree-sitter ERROR or MISSING nodes in a Python file that the run parsed.",
        .why = "Tests after a syntax error may be missing from the classification, and pytest will fail to "
               "import the file anyway.",
        .example = "    RELEASE_PREFIXES = [\"v\", \"release-\",    # TT901: the list is never closed",
        .fix = "Fix the syntax; `python -m py_compile FILE` shows CPython's view of it.",
    },
    .check = reported_diagnostics,
};

}  // namespace testtier::lint_stage
