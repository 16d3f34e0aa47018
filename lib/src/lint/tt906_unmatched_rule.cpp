// TT906 unmatched-rule: a rule that matches nothing, found by the classify stage.
#include "lint/checks.hpp"

namespace testtier::lint_stage {

extern const LintRule kUnmatchedRule{
    .code = {
        .code = codes::unmatched_rule,
        .name = "unmatched-rule",
        .severity = Severity::warning,
        .enabled_by_default = true,
        .summary = "A rule of the rules file matches nothing in the repository: most likely a typo.",
        .what = "A `path`, `[project] test_files` or `exclude` glob that matches no file, and a `marker`, `fixture`, "
                "`base_class` or `decorator` name that appears in none of the files a whole-repository run read (test files, conftests "
                "and the modules they reach), reported at the rules file's line with the nearest names that do appear. "
                "A list that spells one thing several ways (old and new module paths) is reported only when none of "
                "its patterns matches, or for a pattern near a name that appears (a likely typo). "
                "Base classes and decorators are compared by their last name. The built-in rules are not checked, nor runs over some "
                "files only (`lint PATH...`, `explain`).",
        .why = "A rule that matches nothing classifies nothing: the tests it was written for stay in a cheaper tier and "
               "run on shards without their service.",
        .example = "    [[signal]]\n    marker = [\"djano_db\"]    # TT906: did you mean `django_db`?\n    needs = [\"postgres\"]",
        .fix = "Correct the name or glob (the message suggests the nearest that exist), or delete a rule the repository "
               "no longer needs.",
    },
    .check = reported_diagnostics,
};

}  // namespace testtier::lint_stage
