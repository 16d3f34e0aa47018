// TT903 unreadable-file: a file or directory not read or not parsed (discover, parse).
#include "lint/checks.hpp"

namespace testtier::lint_stage {

extern const LintRule kUnreadableFile{
    .code = {
        .code = codes::unreadable,
        .name = "unreadable-file",
        .severity = Severity::warning,
        .enabled_by_default = true,
        .summary = "A file could not be read or was not parsed: permissions, size limit, binary content, time limit.",
        .what = "Files the run could not open, files over the size limit (8 MiB), binary files, files whose parse "
                "went over the time limit, and directories or symbolic links that could not be read or followed "
                "(configuration is TT907, the cache TT908).",
        .why = "Whatever the file defines (tests, fixtures, base classes) is unknown, so answers that depend on it "
               "may be incomplete.",
        .example = "    tests/fixtures/generated_payloads.py   # 40 MB of literals: over the size limit",
        .fix = "Make the file readable, or exclude it with `project.exclude` in the rules.",
    },
    .check = reported_diagnostics,
};

}  // namespace testtier::lint_stage
