// TT905 fixture-cycle: fixtures that request each other, found by the graph stage.
#include "lint/checks.hpp"

namespace testtier::lint_stage {

extern const LintRule kFixtureCycle{
    .code = {
        .code = codes::fixture_cycle,
        .name = "fixture-cycle",
        .severity = Severity::warning,
        .enabled_by_default = true,
        .summary = "Fixtures request each other in a cycle.",
        .what = "A fixture that, through the fixtures it requests, requests itself again.",
        .why = "pytest refuses such tests with \"recursive dependency involving fixture\"; the classification "
               "follows each fixture once and goes on.",
        .example = "    @pytest.fixture\n    def a(b): ...\n    @pytest.fixture\n    def b(a): ...    # TT905",
        .fix = "Break the cycle: one of the fixtures must not request the other.",
    },
    .check = reported_diagnostics,
};

}  // namespace testtier::lint_stage
