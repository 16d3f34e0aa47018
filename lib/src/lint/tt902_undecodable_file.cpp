// TT902 undecodable-file: a file that is not UTF-8, found by the parse stage.
#include "lint/checks.hpp"

namespace testtier::lint_stage {

extern const LintRule kUndecodableFile{
    .code = {
        .code = codes::undecodable,
        .name = "undecodable-file",
        .severity = Severity::warning,
        .enabled_by_default = true,
        .summary = "A file is not valid UTF-8 and declares no other encoding.",
        .what = "Bytes that are not UTF-8 in a file without a PEP 263 coding declaration; they are read as U+FFFD.",
        .why = "Python 3 refuses to import such a file, so its tests never run where it is collected.",
        .example = "    GREETING = \"caf\\xe9\"    # a Latin-1 byte 0xE9, no `# -*- coding: latin-1 -*-`",
        .fix = "Save the file as UTF-8, or declare its encoding on the first or second line.",
    },
    .check = reported_diagnostics,
};

}  // namespace testtier::lint_stage
