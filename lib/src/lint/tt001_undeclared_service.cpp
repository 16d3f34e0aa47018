// TT001 undeclared-service: a test reaches a service only through inferred evidence.
#include "lint/codes.hpp"

namespace testtier::lint_stage {

const LintCode kUndeclaredService{
    "TT001",
    "undeclared-service",
    Severity::warning,
    true,
    "A test uses a service only through inferred evidence and never declares it.",
    "A test whose need for a service comes only from `call`, `setting` or `import` signals (or any "
    "signal the rules mark `declared = false`), with no `base_class`, `marker`, `fixture` or `path` "
    "signal for that service. Reported at the line of the evidence, naming the service and a "
    "declaration the rules accept.",
    "Tiered CI starts only the services a shard declares. A test that calls `store_event()` without "
    "declaring Snuba passes where every service runs and fails in a Postgres-only shard: Sentry's first "
    "tiered run went 97% green until such files were found by hand.",
    "    class ProjectEventOwnersTest(APITestCase):\n"
    "        def test_owners(self):\n"
    "            self.store_event(data={...})   # TT001: snuba reached only through `store_event`",
    "Declare the service the way the rules accept, e.g. `pytestmark = [requires_snuba]` or a Snuba base "
    "class, or silence a known exception with `# testtier: ignore[TT001]` on the line or its `def`."};

}  // namespace testtier::lint_stage
