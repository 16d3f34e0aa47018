// TT004 invalid-suppression: a `# testtier: ignore[...]` comment naming an unknown code.
#include "lint/codes.hpp"

namespace testtier::lint_stage {

const LintCode kInvalidSuppression{
    "TT004",
    "invalid-suppression",
    Severity::warning,
    true,
    "A suppression comment names a code that does not exist.",
    "A `# testtier: ignore[...]` comment with a code that is not a testtier lint code.",
    "A misspelled code silences nothing, so the finding it was meant for still fails CI, or worse, the "
    "author believes a finding is handled when it is not.",
    "    self.store_event(data)  # testtier: ignore[TT01]",
    "Write an existing code (`testtier lint --explain TT001` shows one), or a bare "
    "`# testtier: ignore` to silence every code on the line."};

}  // namespace testtier::lint_stage
