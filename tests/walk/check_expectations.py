#!/usr/bin/env python3
"""The call walk against the hand-worked answers of corpus/sentry-like/walk_expectations.json.

Run as a user runs testtier: on a copy of the corpus, default options (the cache on), from the
root cold and then warm, and from a subdirectory; then with `[analysis] call_depth = 0`, to show
that the services a test gains come from the walk. Also checks that explain lists where a walk
stopped and that lint's TT001 shows the chain.

Usage: check_expectations.py TESTTIER_BINARY REPOSITORY_ROOT WORK_DIRECTORY
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path


def run(binary: str, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([binary, *args], cwd=cwd, capture_output=True, text=True, check=False)


def classify(binary: str, cwd: Path) -> dict[str, dict]:
    done = run(binary, cwd, "classify", "--format", "json", "--test-reasons", "-q")
    if done.returncode != 0:
        sys.exit(f"classify in {cwd} exited {done.returncode}: {done.stderr}")
    tests = {}
    for file in json.loads(done.stdout)["files"]:
        for test in file["tests"]:
            tests[test["id"]] = test
    return tests


def main() -> int:
    binary, repository, work = str(Path(sys.argv[1]).resolve()), Path(sys.argv[2]), Path(sys.argv[3])
    shutil.rmtree(work, ignore_errors=True)
    corpus = work / "sentry-like"
    shutil.copytree(repository / "corpus" / "sentry-like", corpus)
    expected = json.loads((corpus / "walk_expectations.json").read_text())["tests"]
    problems: list[str] = []

    cold = classify(binary, corpus)
    warm = classify(binary, corpus)
    if warm != cold:
        problems.append("the warm run (result cache) differs from the cold one")
    below = {t: {k: v for k, v in r.items() if k != "reasons"} for t, r in classify(binary, corpus / "tests").items()}
    if below != {t: {k: v for k, v in r.items() if k != "reasons"} for t, r in cold.items()}:
        problems.append("a run from tests/ gives other tiers than one from the root")

    shallow_corpus = work / "depth-0"
    shutil.copytree(corpus, shallow_corpus)
    shutil.rmtree(shallow_corpus / ".testtier_cache", ignore_errors=True)
    with (shallow_corpus / "testtier.toml").open("a") as rules:
        rules.write("\n[analysis]\ncall_depth = 0\n")
    shallow = classify(binary, shallow_corpus)

    for test_id, answer in expected.items():
        if test_id not in cold:
            problems.append(f"{test_id}: not collected")
            continue
        services = set(cold[test_id]["services"])
        for service in answer.get("gains", []):
            if service not in services:
                problems.append(f"{test_id}: lacks {service} ({answer['why']})")
            if service in shallow[test_id]["services"]:
                problems.append(f"{test_id}: has {service} without the walk too, so the case shows nothing")
        for service in answer.get("needs", []):
            if service not in services:
                problems.append(f"{test_id}: lacks {service} ({answer['why']})")
        for service in answer.get("lacks", []):
            if service in services:
                problems.append(f"{test_id}: has {service}, which it must not ({answer['why']})")
        if "chain" in answer:
            hops = [hop for reason in cold[test_id]["reasons"] for hop in reason.get("via", [])]
            if answer["chain"] not in hops:
                problems.append(f"{test_id}: no reason's via holds {answer['chain']!r}: {hops}")
        if "stop" in answer:
            explained = run(binary, corpus, "explain", "--format", "json", test_id)
            stops = json.loads(explained.stdout).get("walk_stops", []) if explained.returncode == 0 else []
            if not any(answer["stop"] in stop for stop in stops):
                problems.append(f"{test_id}: explain lists no stop with {answer['stop']!r}: {stops}")
            text = run(binary, corpus, "explain", test_id).stdout
            if "calls not followed" not in text:
                problems.append(f"{test_id}: explain's text has no 'calls not followed' section")

    lint = run(binary, corpus, "lint")
    chained = [line for line in lint.stdout.splitlines() if "TT001" in line and "reached through" in line]
    if not any("EventStoreMixin.insert_events" in line for line in chained):
        problems.append("lint: no TT001 shows the chain through EventStoreMixin.insert_events:\n" + lint.stdout)

    for problem in problems:
        print(problem)
    print(f"{len(expected)} hand-worked cases, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
