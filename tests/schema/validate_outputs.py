#!/usr/bin/env python3
"""Validate testtier's JSON outputs against the JSON Schemas in schema/.

  validate_outputs.py TESTTIER SOURCE_DIR WORK_DIR

1. Every schema is a valid draft 2020-12 schema with $id, title and description; a definition that
   two schemas share (`$defs` of the same name) is the same in both.
2. Every JSON golden under corpus/expected/ and corpus/lint/*/expected/lint.json validates against
   its schema (a JSON golden this script does not know fails the test: say which schema it has).
3. Fresh outputs of TESTTIER on temporary copies of corpus/sentry-like and corpus/affected, with
   the cache on as a user runs it (cold, warm, and after an edit), validate for every command and
   JSON format.
4. Deliberately broken documents are rejected (so that this test can fail).

Prints every document that fails and why; exits 1 if any did. Uses Debian's python3-jsonschema
(scripts/bootstrap installs it).
"""
import copy
import json
import shutil
import subprocess
import sys
from pathlib import Path

try:
    import jsonschema
except ImportError:
    print("validate_outputs: python3-jsonschema is not installed (scripts/bootstrap installs it)", file=sys.stderr)
    sys.exit(2)

Validator = jsonschema.Draft202012Validator

# Each schema file and the documents it describes.
SCHEMAS = {
    "classify": "classify.schema.json",          # classify --format json, with and without --test-reasons
    "sentry": "classify-sentry.schema.json",     # classify --format sentry
    "lint": "lint.schema.json",                  # lint --format json
    "plan": "plan.schema.json",                  # plan --format json
    "matrix": "plan-github-matrix.schema.json",  # plan --format github-matrix
    "affected": "affected.schema.json",          # affected --format json
    "codecov": "affected-codecov.schema.json",   # affected --format codecov-json
    "facts": "facts.schema.json",                # facts
    "explain": "explain.schema.json",            # explain --format json
    "compare": "compare.schema.json",            # compare --format json
}

# The JSON files under corpus/expected/ and which schema each golden output has. The inputs there
# (a made-up runtime classification for `compare`, pytest-split durations for `plan`) are none of
# testtier's outputs.
GOLDENS = {
    "corpus/expected/sentry-like/classify.json": "classify",
    "corpus/expected/sentry-like/classify.test-reasons.json": "classify",
    "corpus/expected/sentry-like/classify.sentry.json": "sentry",
    "corpus/expected/sentry-like/plan.json": "plan",
    "corpus/expected/sentry-like/plan.matrix.json": "matrix",
    "corpus/expected/affected/strings.json": "affected",
    "corpus/expected/affected/codecov.json": "codecov",
    "corpus/expected/sentry-like/explain-test.json": "explain",
    "corpus/expected/sentry-like/explain-file.json": "explain",
    "corpus/expected/sentry-like/compare.json": "compare",
}
INPUTS = {
    "corpus/expected/sentry-like/runtime_classification.json",
    "corpus/expected/sentry-like/test_durations.json",
}

failures = []
checked = 0


def fail(what, why):
    failures.append(what)
    print(f"FAIL {what}: {why}", flush=True)


def load_schemas(source):
    schemas = {}
    shared = {}  # $defs name -> (schema file, definition)
    for key, name in SCHEMAS.items():
        path = source / "schema" / name
        try:
            schema = json.loads(path.read_text(encoding="utf-8"))
            Validator.check_schema(schema)
        except (OSError, ValueError, jsonschema.SchemaError) as problem:
            fail(f"schema/{name}", f"not a valid draft 2020-12 schema: {problem}")
            continue
        if schema.get("$schema") != "https://json-schema.org/draft/2020-12/schema":
            fail(f"schema/{name}", "$schema is not draft 2020-12")
        for field in ("title", "description"):
            if not isinstance(schema.get(field), str) or not schema[field]:
                fail(f"schema/{name}", f"no {field}")
        if schema.get("$id") != f"urn:testtier:schema/{name}":
            fail(f"schema/{name}", f"$id is {schema.get('$id')!r}, expected 'urn:testtier:schema/{name}'")
        for def_name, definition in schema.get("$defs", {}).items():
            if def_name in shared and shared[def_name][1] != definition:
                fail(f"schema/{name}", f"$defs/{def_name} differs from the one in schema/{shared[def_name][0]}")
            shared.setdefault(def_name, (name, definition))
        schemas[key] = Validator(schema)
    unknown = sorted(p.name for p in (source / "schema").glob("*.json") if p.name not in SCHEMAS.values())
    if unknown:
        fail("schema/", f"schemas no document is checked against: {', '.join(unknown)}")
    return schemas


def errors_of(schemas, key, document):
    """Return the validation errors of `document` against schema `key`, as readable lines."""
    found = sorted(schemas[key].iter_errors(document), key=lambda e: list(e.absolute_path))
    lines = []
    for error in found:
        where = "/".join(str(part) for part in error.absolute_path) or "(document)"
        lines.append(f"at {where}: {error.message}")
        for sub in sorted(error.context or [], key=lambda e: list(e.absolute_path))[:4]:
            sub_where = "/".join(str(part) for part in sub.absolute_path) or "(document)"
            lines.append(f"    {sub_where}: {sub.message}")
    return lines


def check(schemas, key, what, text):
    global checked
    if key not in schemas:
        return
    checked += 1
    try:
        document = json.loads(text)
    except ValueError as problem:
        fail(what, f"not JSON: {problem}")
        return
    errors = errors_of(schemas, key, document)
    if errors:
        fail(what, f"does not follow schema/{SCHEMAS[key]}:\n  " + "\n  ".join(errors[:20]))
    else:
        print(f"ok   {what} ({SCHEMAS[key]})")


def check_goldens(schemas, source):
    for relative, key in GOLDENS.items():
        path = source / relative
        if not path.is_file():
            fail(relative, "golden missing (update GOLDENS in tests/schema/validate_outputs.py)")
            continue
        check(schemas, key, relative, path.read_text(encoding="utf-8"))
    lint_goldens = sorted((source / "corpus/lint").glob("*/expected/lint.json"))
    if not lint_goldens:
        fail("corpus/lint/*/expected/lint.json", "no lint goldens found")
    for path in lint_goldens:
        check(schemas, "lint", str(path.relative_to(source)), path.read_text(encoding="utf-8"))
    for path in sorted((source / "corpus/expected").rglob("*.json")):
        relative = str(path.relative_to(source))
        if relative not in GOLDENS and relative not in INPUTS:
            fail(relative, "a JSON golden with no schema: add it to GOLDENS (or INPUTS) in tests/schema/validate_outputs.py")


def run(testtier, cwd, *args, ok=(0,)):
    """Return the stdout of `testtier args...` run in `cwd`; a failure with an unexpected status is
    recorded and returns None."""
    result = subprocess.run([testtier, *args], cwd=cwd, capture_output=True)
    if result.returncode not in ok:
        fail(f"testtier {' '.join(args)}", f"exit status {result.returncode}; stderr:\n{result.stderr.decode(errors='replace')}")
        return None
    return result.stdout.decode("utf-8")


def fresh(schemas, testtier, cwd, key, *args, ok=(0,), label=""):
    text = run(testtier, cwd, *args, ok=ok)
    if text is not None:
        check(schemas, key, f"testtier {' '.join(args)} (in {cwd.name}{label})", text)


def check_fresh_outputs(schemas, testtier, source, work):
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    sentry = work / "sentry-like"
    affected = work / "affected"
    shutil.copytree(source / "corpus/sentry-like", sentry, symlinks=True)
    shutil.copytree(source / "corpus/affected", affected, symlinks=True)
    durations = str(source / "corpus/expected/sentry-like/test_durations.json")
    junit = str(source / "corpus/expected/sentry-like/junit.xml")

    def classify_all(label):
        fresh(schemas, testtier, sentry, "classify", "classify", "--quiet", "--format", "json", label=label)
        fresh(schemas, testtier, sentry, "classify", "classify", "--quiet", "--format", "json", "--test-reasons", label=label)
        fresh(schemas, testtier, sentry, "sentry", "classify", "--quiet", "--format", "sentry", label=label)

    classify_all(", cold")  # the first run writes the cache
    classify_all(", warm")  # the same from the result cache
    for args in (["lint", "--format", "json"], ["lint", "--format", "json", "--select", "ALL"],
                 ["lint", "tests/sentry/api", "--format", "json"]):
        fresh(schemas, testtier, sentry, "lint", *args, ok=(0, 1))
    for args in (["--shards", "2,snuba_tier=3", "--durations", durations], ["--shards", "3", "--durations", junit],
                 [], ["--shards", "2", "--tests-dir", str(work / "shards")]):
        fresh(schemas, testtier, sentry, "plan", "plan", "--format", "json", *args)
        fresh(schemas, testtier, sentry, "matrix", "plan", "--format", "github-matrix", *args)
    fresh(schemas, testtier, sentry, "affected", "affected", "--format", "json", "--changed",
          "src/sentry/testutils/cases.py")
    fresh(schemas, testtier, sentry, "codecov", "affected", "--format", "codecov-json", "--changed",
          "src/sentry/testutils/cases.py")
    for changed in ("src/app/utils/strings.py", "tests/other/test_alone.py", "requirements.txt"):
        fresh(schemas, testtier, affected, "affected", "affected", "--format", "json", "--changed", changed)
        fresh(schemas, testtier, affected, "codecov", "affected", "--format", "codecov-json", "--changed", changed)
    fresh(schemas, testtier, sentry, "facts", "facts", ".")
    runtime = str(source / "corpus/expected/sentry-like/runtime_classification.json")
    fresh(schemas, testtier, sentry, "compare", "compare", "--runtime", runtime, "--format", "json", ok=(0, 1))
    for target in ("tests/sentry/api/endpoints/test_group_events.py::GroupEventsTest::test_empty_group",
                   "tests/sentry/consumers/test_occurrence_consumer.py", "tests/sentry/utils/test_json.py",
                   "tests/sentry/test_broken_syntax.py"):
        fresh(schemas, testtier, sentry, "explain", "explain", target, "--format", "json")
    fresh(schemas, testtier, affected, "facts", "facts", "src", "tests", "--import-root", "src")

    # After an edit: a test file that cannot be parsed (binary: services ["*"]) and one with a
    # syntax error, classified from the facts cache plus the new files.
    (sentry / "tests/sentry/test_zz_binary.py").write_bytes(b"def test_x():\n\0\0\0\n")
    (sentry / "tests/sentry/test_zz_broken.py").write_text("import pytest\n\ndef test_y(:\n    pass\n")
    classify_all(", after an edit")
    fresh(schemas, testtier, sentry, "lint", "lint", "--format", "json", ok=(0, 1), label=", after an edit")
    fresh(schemas, testtier, sentry, "facts", "facts", "tests/sentry", label=", after an edit")


def must_reject(schemas, key, what, document):
    """Record a failure unless schema `key` rejects `document`."""
    global checked
    checked += 1
    if not list(schemas[key].iter_errors(document)):
        fail(f"self-check: {what}", f"schema/{SCHEMAS[key]} accepted a broken document")
    else:
        print(f"ok   self-check: {what} is rejected")


def self_check(schemas, source):
    if len(schemas) != len(SCHEMAS):
        return
    golden = lambda relative: json.loads((source / relative).read_text(encoding="utf-8"))
    classify = golden("corpus/expected/sentry-like/classify.json")
    reasons = golden("corpus/expected/sentry-like/classify.test-reasons.json")

    def broken(document, change):
        document = copy.deepcopy(document)
        change(document)
        return document

    must_reject(schemas, "classify", "a classify file without \"tier\"", broken(classify, lambda d: d["files"][0].pop("tier")))
    must_reject(schemas, "classify", "a classify test without \"tier\"",
                broken(classify, lambda d: d["files"][0]["tests"][0].pop("tier")))
    must_reject(schemas, "classify", "a classify reason with an unknown signal",
                broken(classify, lambda d: d["files"][0]["reasons"][0].update(signal="environment")))
    must_reject(schemas, "classify", "a classify document with an unknown key",
                broken(classify, lambda d: d.update(extra=1)))
    must_reject(schemas, "classify", "a diagnostic with severity \"fatal\"",
                broken(classify, lambda d: d["diagnostics"][0].update(severity="fatal")))
    must_reject(schemas, "classify", "a classify document of another schema version",
                broken(classify, lambda d: d.update(schema="testtier/v2")))
    must_reject(schemas, "classify", "a --test-reasons document with one test lacking reasons",
                broken(reasons, lambda d: d["files"][0]["tests"][0].pop("reasons")))
    must_reject(schemas, "classify", "a summary count of zero",
                broken(classify, lambda d: d["summary"]["tier_counts"].update(no_services=0)))
    sentry = golden("corpus/expected/sentry-like/classify.sentry.json")
    must_reject(schemas, "sentry", "a sentry artifact whose test maps to a string",
                broken(sentry, lambda d: d["tests"].update({next(iter(d["tests"])): "postgres"})))
    lint = golden("corpus/lint/TT001/expected/lint.json")
    must_reject(schemas, "lint", "a lint finding without \"fix\"", broken(lint, lambda d: d["findings"][0].pop("fix")))
    must_reject(schemas, "lint", "a lint finding with code \"E501\"",
                broken(lint, lambda d: d["findings"][0].update(code="E501")))
    plan = golden("corpus/expected/sentry-like/plan.json")
    must_reject(schemas, "plan", "a shard with both tests and tests_file",
                broken(plan, lambda d: d["shards"][0].update(tests_file="x.txt")))
    must_reject(schemas, "plan", "an empty shard", broken(plan, lambda d: d["shards"][0].update(tests=[])))
    must_reject(schemas, "plan", "a shard numbered 0", broken(plan, lambda d: d["shards"][0].update(shard=0)))
    matrix = golden("corpus/expected/sentry-like/plan.matrix.json")
    must_reject(schemas, "matrix", "a matrix entry without \"tier\"", broken(matrix, lambda d: d["include"][0].pop("tier")))
    affected = golden("corpus/expected/affected/strings.json")
    must_reject(schemas, "affected", "an affected file without \"why\"",
                broken(affected, lambda d: d["test_files"][0].pop("why")))
    codecov = golden("corpus/expected/affected/codecov.json")
    must_reject(schemas, "codecov", "a codecov document without ats_tests_to_skip",
                broken(codecov, lambda d: d.pop("ats_tests_to_skip")))
    facts = {"schema": "testtier-facts/v1", "files": [{
        "path": "t.py", "module": "t", "size": 1, "imports": [{"module": "a", "bound_as": "a", "at": [1]}],
        "module_marks": [], "aliases": [], "pytest_plugins": [], "classes": [], "functions": [],
        "module_uses": {"calls": [], "settings": []}, "suppressions": [], "diagnostics": []}]}
    must_reject(schemas, "facts", "a facts import whose \"at\" has no column", facts)
    explain_test = golden("corpus/expected/sentry-like/explain-test.json")
    explain_file = golden("corpus/expected/sentry-like/explain-file.json")
    must_reject(schemas, "explain", "an explained test without \"line\"", broken(explain_test, lambda d: d.pop("line")))
    must_reject(schemas, "explain", "an explained test with \"tests\"", broken(explain_test, lambda d: d.update(tests=[])))
    must_reject(schemas, "explain", "an explained file without \"tests\"", broken(explain_file, lambda d: d.pop("tests")))
    must_reject(schemas, "explain", "a cheaper tier that lacks nothing",
                broken(explain_test, lambda d: d["cheaper_tiers"][0].update(lacks=[])))
    compare = golden("corpus/expected/sentry-like/compare.json")
    must_reject(schemas, "compare", "a miss without its static reasons", broken(compare, lambda d: d["missed"][0].pop("static_reasons")))
    must_reject(schemas, "compare", "a negative count", broken(compare, lambda d: d.update(tests_compared=-1)))


def main():
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    testtier, source, work = str(Path(sys.argv[1]).resolve()), Path(sys.argv[2]).resolve(), Path(sys.argv[3]).resolve()
    schemas = load_schemas(source)
    check_goldens(schemas, source)
    check_fresh_outputs(schemas, testtier, source, work)
    self_check(schemas, source)
    if failures:
        print(f"\n{len(failures)} failures ({checked} documents checked):\n  " + "\n  ".join(failures))
        return 1
    print(f"\nall {checked} documents follow schema/ (and the broken ones are rejected)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
