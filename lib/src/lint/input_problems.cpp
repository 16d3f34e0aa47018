// TT901–TT906: input problems, found by the parse, resolve, graph and classify stages as
// diagnostics and reported by lint like any other finding.
#include "lint/checks.hpp"
#include "lint/codes.hpp"

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

const LintCode kUnmatchedRule{
    "TT906", "unmatched-rule", Severity::warning, true,
    "A rule of the rules file matches nothing in the repository: most likely a typo.",
    "A `path`, `[project] test_files` or `exclude` glob that matches no file, and a `marker`, `fixture`, "
    "`base_class` or `decorator` name that appears in none of the files a whole-repository run read (test files, conftests "
    "and the modules they reach), reported at the rules file's line with the nearest names that do appear. "
    "A list that spells one thing several ways (old and new module paths) is reported only when none of "
    "its patterns matches, or for a pattern near a name that appears (a likely typo). "
    "Base classes and decorators are compared by their last name. The built-in rules are not checked, nor runs over some "
    "files only (`lint PATH...`, `explain`).",
    "A rule that matches nothing classifies nothing: the tests it was written for stay in a cheaper tier and "
    "run on shards without their service.",
    "    [[signal]]\n    marker = [\"djano_db\"]    # TT906: did you mean `django_db`?\n    needs = [\"postgres\"]",
    "Correct the name or glob (the message suggests the nearest that exist), or delete a rule the repository "
    "no longer needs."};


std::vector<Finding> input_problem_findings(const LintInput& input) {
  std::vector<Finding> findings;
  for (const Diagnostic& diagnostic : input.classification.diagnostics) {
    findings.push_back({diagnostic.code, diagnostic.severity, diagnostic.path, diagnostic.location,
                        diagnostic.message, ""});
  }
  return findings;
}

}  // namespace testtier::lint_stage
