// TT904 unresolved-base: a base class that resolves nowhere, found by the graph stage.
#include "lint/checks.hpp"

namespace testtier::lint_stage {

extern const LintRule kUnresolvedBase{
    .code = {
        .code = codes::unresolved,
        .name = "unresolved-base",
        .severity = Severity::warning,
        .enabled_by_default = true,
        .summary = "A base class resolves to no class; rules match it by its last name only.",
        .what = "A base class name that is bound nowhere, or imported from a module of the repository that does not "
                "define it.",
        .why = "Signals that come through base classes may be missed or matched by name alone, which the reasons "
               "flag with `by_last_name`.",
        .example = "    from .helpers import MissingBase\n    class TestThing(MissingBase):    # TT904",
        .fix = "Fix the import, or add the module that defines the base to `project.import_roots`.",
    },
    .check = reported_diagnostics,
};

}  // namespace testtier::lint_stage
