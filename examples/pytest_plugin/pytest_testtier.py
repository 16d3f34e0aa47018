"""pytest plugin: run only the tests of one testtier tier.

A CI shard that starts only Postgres runs ``pytest -p pytest_testtier --testtier-tier=postgres_only``
and gets exactly the tests testtier classified into that tier; every other collected test is
deselected (and reported as such by pytest).

The classification comes from ``--testtier-json=FILE`` (the output of ``testtier classify
--format json``, or of ``--format sentry``), else from running ``testtier classify`` on the rootdir
(``--testtier-bin`` names the program, default ``testtier`` on PATH).

Parametrized tests (``test_x[1-a]``) take the tier of their function (``test_x``). A collected test
that the classification does not know (a test generated at run time, say) runs in the last tier
only — the one that provides every service — so no test is ever dropped from every shard.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("testtier", "select the tests of one testtier tier")
    group.addoption("--testtier-tier", action="append", default=[], metavar="TIER",
                    help="run only the tests classified into TIER (repeatable)")
    group.addoption("--testtier-json", metavar="FILE",
                    help="testtier classify output (json or sentry format) to read tiers from")
    group.addoption("--testtier-bin", default="testtier", metavar="PROGRAM",
                    help="the testtier program, when --testtier-json is not given")


def load_classification(config: pytest.Config) -> tuple[dict[str, str], list[str]]:
    """Return the tier of every test id and the tier names in order, cheapest first."""
    path = config.getoption("testtier_json")
    if path:
        document = json.loads(Path(path).read_text(encoding="utf-8"))
    else:
        program = config.getoption("testtier_bin")
        output = subprocess.run([program, "classify", "--quiet", str(config.rootpath)],
                                check=True, capture_output=True, text=True).stdout
        document = json.loads(output)
    if "files" in document:  # testtier/v1
        tiers = {test["id"]: test["tier"] for file in document["files"] for test in file["tests"]}
        order = list(document["summary"]["tier_counts"])
        order += [tier for tier in document["summary"]["file_tier_counts"] if tier not in order]
        return tiers, order
    raise pytest.UsageError("--testtier-json: expected testtier classify --format json output")


def function_id(nodeid: str) -> str:
    """Return the node id without its parametrization: `t.py::test_x[1-a]` -> `t.py::test_x`."""
    bracket = nodeid.find("[")
    return nodeid if bracket == -1 else nodeid[:bracket]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    wanted = set(config.getoption("testtier_tier"))
    if not wanted:
        return
    tiers, order = load_classification(config)
    unknown = [tier for tier in wanted if tier not in order and tier not in tiers.values()]
    if unknown and order:
        raise pytest.UsageError(f"--testtier-tier: unknown tier {', '.join(sorted(unknown))}; "
                                f"the classification has {', '.join(order)}")
    last_tier = order[-1] if order else None
    selected, deselected = [], []
    for item in items:
        tier = tiers.get(function_id(item.nodeid), last_tier)
        (selected if tier in wanted else deselected).append(item)
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = selected
