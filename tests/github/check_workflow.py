#!/usr/bin/env python3
"""Check action.yml and examples/github/tiered-tests.yml as far as can be without GitHub.

1. yamllint (Debian's) passes both with the repository's .yamllint.yml.
2. Every `inputs.X` action.yml reads is an input it declares; every `with:` key the workflow
   gives the action is one; every `steps.testtier.outputs.X` the workflow reads is an output.
3. The action's "Classify and plan" step, run as GitHub would (its bash script, its env, a
   GITHUB_OUTPUT file) with the real testtier on PATH, over a copy of the sample corpus and over a
   Sentry-scale generated one (bench/generate_corpus.py --scale 1: ~2,250 files, ~33,000 tests):
   it writes the documents it names, and a one-line matrix under GitHub's 1 MB output limit.
4. Every `matrix.X` the workflow reads exists in every entry of those matrices, and each entry
   names the services its job starts (the workflow's containers are chosen from them).

Usage: check_workflow.py TESTTIER SOURCE_DIR WORK_DIR
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

GITHUB_OUTPUT_LIMIT = 1_000_000


def fail(message: str) -> None:
    print(f"FAIL: {message}")
    sys.exit(1)


def lint(source: Path, files: list[Path]) -> None:
    if shutil.which("yamllint") is None:
        fail("yamllint is not installed (scripts/bootstrap installs Debian's yamllint)")
    done = subprocess.run(["yamllint", "--strict", "-c", str(source / ".yamllint.yml"), *map(str, files)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        fail(f"yamllint:\n{done.stdout}{done.stderr}")
    print(f"ok: yamllint --strict passes {', '.join(file.name for file in files)}")


def check_interface(action: dict, action_text: str, workflow: dict, workflow_text: str) -> None:
    inputs, outputs = set(action["inputs"]), set(action["outputs"])
    for name in re.findall(r"\binputs\.([A-Za-z0-9_-]+)", action_text):
        if name not in inputs:
            fail(f"action.yml reads inputs.{name}, which it does not declare")
    for job in workflow["jobs"].values():
        for step in job.get("steps", []):
            if step.get("uses") == "./":
                unknown = set(step.get("with", {})) - inputs
                if unknown:
                    fail(f"the workflow gives the action {sorted(unknown)}, which it does not declare")
    for name in re.findall(r"steps\.testtier\.outputs\.([A-Za-z0-9_-]+)", workflow_text):
        if name not in outputs:
            fail(f"the workflow reads steps.testtier.outputs.{name}, which action.yml does not declare")
    print("ok: the workflow and action.yml agree on inputs and outputs")


def plan_step(action: dict) -> dict:
    for step in action["runs"]["steps"]:
        if step.get("id") == "plan":
            return step
    fail("action.yml has no step with id `plan`")


def run_plan_step(step: dict, action: dict, repository: Path, testtier: str, shards: str, work: Path) -> dict:
    """Run the step's script as GitHub would; return the GITHUB_OUTPUT it wrote, by name."""
    defaults = {name: str(spec.get("default", "")) for name, spec in action["inputs"].items()}
    defaults["shards"] = shards
    defaults["durations"] = ""
    env = dict(os.environ)
    for name, value in step["env"].items():
        env[name] = re.sub(r"\$\{\{\s*inputs\.([A-Za-z0-9_-]+)\s*\}\}", lambda m: defaults[m.group(1)], value)
    output, summary = work / "github_output", work / "step_summary"
    output.write_text("")
    env.update(GITHUB_OUTPUT=str(output), GITHUB_STEP_SUMMARY=str(summary),
               PATH=f"{Path(testtier).parent}{os.pathsep}{env['PATH']}")
    done = subprocess.run(["bash", "-c", step["run"]], cwd=repository, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        fail(f"the plan step exited {done.returncode} in {repository}:\n{done.stderr}")
    if not summary.read_text().strip():
        fail("the plan step wrote no Markdown summary")
    values = {}
    for line in output.read_text().splitlines():
        name, _, value = line.partition("=")
        values[name] = value
    return values


def check_matrix(values: dict, repository: Path, workflow_text: str, label: str) -> None:
    size = len(values["matrix"].encode())
    if size >= GITHUB_OUTPUT_LIMIT:
        fail(f"{label}: the matrix output is {size} bytes, over GitHub's limit")
    matrix = json.loads(values["matrix"])
    entries = matrix["include"]
    if not entries:
        fail(f"{label}: an empty matrix")
    for key in ("classification", "plan"):
        if not (repository / values[key]).is_file():
            fail(f"{label}: the step names {values[key]} as its {key}, which it did not write")
    keys = set(re.findall(r"\bmatrix\.([A-Za-z_][A-Za-z0-9_-]*)", workflow_text))
    for entry in entries:
        missing = keys - set(entry)
        if missing:
            fail(f"{label}: the workflow reads matrix.{sorted(missing)}, missing from {entry.get('tier')}")
        if not isinstance(entry["services"], list):
            fail(f"{label}: an entry's services are not a list")
        if "tests_file" in entry and not (repository / entry["tests_file"]).is_file():
            fail(f"{label}: {entry['tests_file']} was not written")
    where = "inline" if "tests" in entries[0] else "in per-shard files"
    print(f"ok: {label}: {len(entries)} jobs, matrix {size:,} bytes (node ids {where}); "
          f"the workflow's {len(keys)} matrix keys ({', '.join(sorted(keys))}) in every entry")


def main() -> None:
    testtier, source, work = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    action_file, workflow_file = source / "action.yml", source / "examples/github/tiered-tests.yml"
    lint(source, [action_file, workflow_file])
    action_text, workflow_text = action_file.read_text(), workflow_file.read_text()
    action, workflow = yaml.safe_load(action_text), yaml.safe_load(workflow_text)
    check_interface(action, action_text, workflow, workflow_text)

    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    step = plan_step(action)
    sample = work / "sentry-like"
    shutil.copytree(source / "corpus/sentry-like", sample)
    check_matrix(run_plan_step(step, action, sample, testtier, "2,snuba_tier=3", work), sample, workflow_text,
                 "the sample corpus")
    large = work / "generated"
    subprocess.run([sys.executable, str(source / "bench/generate_corpus.py"), "--scale", "1", str(large)],
                   check=True, stdout=subprocess.DEVNULL)
    check_matrix(run_plan_step(step, action, large, testtier, "8,snuba_tier=16", work), large, workflow_text,
                 "a Sentry-scale corpus")


if __name__ == "__main__":
    main()
