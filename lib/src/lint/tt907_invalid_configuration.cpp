// TT907 invalid-configuration: a broken pytest configuration or test name pattern, found while
// reading the configuration; testtier goes on with pytest's defaults.
#include "lint/checks.hpp"

namespace testtier::lint_stage {

extern const LintRule kInvalidConfiguration{
    .code = {
        .code = codes::invalid_configuration,
        .name = "invalid-configuration",
        .severity = Severity::warning,
        .enabled_by_default = true,
        .summary = "The pytest configuration cannot be used as written; pytest's defaults stand in for what is broken.",
        .what = "A pytest configuration file (`pytest.ini`, `.pytest.ini`, `tox.ini`, `setup.cfg`, `pyproject.toml`) "
                "that cannot be read or parsed (pytest's defaults are used instead of all of it), an option of "
                "`[tool.pytest.ini_options]` that is not a string or an array of strings, and a `python_files`, "
                "`python_classes` or `python_functions` pattern, or one of the rules' `test_classes` and "
                "`test_functions`, that is not a glob (left out; pytest's default when none is left).",
        .why = "testtier then collects other files and tests than pytest does: tests pytest runs may be missing from "
               "the classification, and their services from the shards that run them.",
        .example = "    [pytest]\n    python_files = check_[*.py    # TT907: `[` is never closed; the pattern is ignored",
        .fix = "Correct the file or the pattern (`pytest --collect-only -q` shows what pytest collects).",
    },
    .check = reported_diagnostics,
};

}  // namespace testtier::lint_stage
