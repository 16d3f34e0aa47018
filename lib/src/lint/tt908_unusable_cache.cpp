// TT908 unusable-cache: the cache could not be used or saved; the run went on without it.
#include "lint/checks.hpp"

namespace testtier::lint_stage {

extern const LintRule kUnusableCache{
    .code = {
        .code = codes::unusable_cache,
        .name = "unusable-cache",
        .severity = Severity::note,
        .enabled_by_default = true,
        .summary = "The cache could not be used or saved; this run's answers are complete, the next run starts cold.",
        .what = "A cache directory (ROOT/.testtier_cache) that is a symbolic link (not followed: it would write "
                "outside the root) or not a directory, and a facts or result cache that could not be written (no "
                "permission, a read-only or full file system). A note: results do not depend on the cache.",
        .why = "Without its cache the next run reads, parses and analyses every file again: on a large repository "
               "seconds instead of a tenth of one, on every commit.",
        .example = "    .testtier_cache -> /tmp/elsewhere    # TT908: a symbolic link, not followed",
        .fix = "Make ROOT/.testtier_cache a writable directory (deleting it is safe: it is made again), or run with "
               "`--no-cache`.",
    },
    .check = reported_diagnostics,
};

}  // namespace testtier::lint_stage
