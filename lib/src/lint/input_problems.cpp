// TT901–TT905: input problems, found by the parse, resolve and graph stages as diagnostics and
#include "lint/checks.hpp"
#include "lint/codes.hpp"
// reported by lint like any other finding.

namespace testtier::lint_stage {

const LintCode kSyntaxError{
    "TT901", "syntax-error", Severity::warning, true,
    "A file has a syntax error; what precedes and follows it is still read.",
    "tree-sitter ERROR or MISSING nodes in a Python file that the run parsed.",
    "Tests after a syntax error may be missing from the classification, and pytest will fail to "
    "import the file anyway.",
    "    RELEASE_PREFIXES = [\"v\", \"release-\",    # TT901: the list is never closed",
    "Fix the syntax; `python -m py_compile FILE` shows CPython's view of it."};

const LintCode kUndecodableFile{
    "TT902", "undecodable-file", Severity::warning, true,
    "A file is not valid UTF-8 and declares no other encoding.",
    "Bytes that are not UTF-8 in a file without a PEP 263 coding declaration; they are read as U+FFFD.",
    "Python 3 refuses to import such a file, so its tests never run where it is collected.",
    "    GREETING = \"caf\\xe9\"    # a Latin-1 byte 0xE9, no `# -*- coding: latin-1 -*-`",
    "Save the file as UTF-8, or declare its encoding on the first or second line."};

const LintCode kUnreadableFile{
    "TT903", "unreadable-file", Severity::warning, true,
    "A file could not be read or was not parsed: permissions, size limit, binary content, time limit.",
    "Files the run could not open, files over the size limit (8 MiB), binary files, files whose parse "
    "went over the time limit, and unreadable configuration or directories.",
    "Whatever the file defines (tests, fixtures, base classes) is unknown, so answers that depend on it "
    "may be incomplete.",
    "    tests/fixtures/generated_payloads.py   # 40 MB of literals: over the size limit",
    "Make the file readable, or exclude it with `project.exclude` in the rules."};

const LintCode kUnresolvedBase{
    "TT904", "unresolved-base", Severity::warning, true,
    "A base class resolves to no class; rules match it by its last name only.",
    "A base class name that is bound nowhere, or imported from a module of the repository that does not "
    "define it.",
    "Signals that come through base classes may be missed or matched by name alone, which the reasons "
    "flag with `by_last_name`.",
    "    from .helpers import MissingBase\n    class TestThing(MissingBase):    # TT904",
    "Fix the import, or add the module that defines the base to `project.import_roots`."};

const LintCode kFixtureCycle{
    "TT905", "fixture-cycle", Severity::warning, true,
    "Fixtures request each other in a cycle.",
    "A fixture that, through the fixtures it requests, requests itself again.",
    "pytest refuses such tests with \"recursive dependency involving fixture\"; the classification "
    "follows each fixture once and goes on.",
    "    @pytest.fixture\n    def a(b): ...\n    @pytest.fixture\n    def b(a): ...    # TT905",
    "Break the cycle: one of the fixtures must not request the other."};


std::vector<Finding> input_problem_findings(const LintInput& input) {
  std::vector<Finding> findings;
  for (const Diagnostic& diagnostic : input.classification.diagnostics) {
    findings.push_back({diagnostic.code, diagnostic.severity, diagnostic.path, diagnostic.location,
                        diagnostic.message, ""});
  }
  return findings;
}

}  // namespace testtier::lint_stage
