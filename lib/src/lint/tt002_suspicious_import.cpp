// TT002 suspicious-import: an import of a `[[suspicious]]` module where its service is not declared.
#include "lint/codes.hpp"

namespace testtier::lint_stage {

const LintCode kSuspiciousImport{
    "TT002",
    "suspicious-import",
    Severity::warning,
    true,
    "A test file imports a module of a service it does not declare.",
    "An import of a module listed under `[[suspicious]]` in a test file that does not declare that "
    "service. A note when only names that are never called are imported (types, constants, enums); a "
    "warning when an imported name, or an attribute of it, is called.",
    "Of the 55 files in Sentry's tests/sentry/ that imported Snuba modules without declaring Snuba, "
    "about 50 used only types and constants and needed no Snuba, and about 5 did need it. The note "
    "versus warning split points review at the few that matter.",
    "    from sentry.snuba.dataset import Dataset        # TT002 note: types only\n"
    "    from sentry.utils.snuba import raw_query        # TT002 warning: raw_query(...) is called",
    "Declare the service when the file really uses it; otherwise import the type from a module that is "
    "not suspicious, or keep the note and suppress it with `# testtier: ignore[TT002]`."};

}  // namespace testtier::lint_stage
