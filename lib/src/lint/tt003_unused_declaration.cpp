// TT003 unused-declaration: a file declares a service nothing in it uses (off by default).
#include "lint/codes.hpp"

namespace testtier::lint_stage {

const LintCode kUnusedDeclaration{
    "TT003",
    "unused-declaration",
    Severity::note,
    false,
    "A test file declares a service that nothing in it uses beyond the declaration.",
    "A service declared by a `marker`, `fixture` or `path` signal in a test file where no other "
    "evidence for that service exists: no inferred signal (call, setting, import) in the file or what "
    "its tests reach, and no base class that brings it. Off by default: select it with `--select TT003`.",
    "Each declared service puts a file in a dearer tier. A `pytestmark = [requires_snuba]` left behind "
    "after a refactor costs Snuba's 4–5 minute start-up in every shard that runs the file.",
    "    pytestmark = [requires_snuba]    # TT003: nothing below calls Snuba\n"
    "    def test_parse():\n"
    "        assert parse('1h') == 3600",
    "Remove the declaration if the file really does not need the service, or suppress the finding on "
    "the declaration's line when the need is real but invisible to static analysis."};

}  // namespace testtier::lint_stage
