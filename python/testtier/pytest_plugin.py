"""pytest plugin: run the tests of one testtier tier (and shard), and check what they touch.

Registered through the ``pytest11`` entry point when the ``testtier`` package is installed; inert
unless one of its options is given::

    pytest --testtier-tier=postgres_only                  # the tier's tests only
    pytest --testtier-tier=snuba_tier --testtier-shard=2/4  # shard 2 of the 4 `testtier plan` makes
    pytest --testtier-report                              # at the end: services touched, not started

The classification comes from ``--testtier-json=FILE`` (``testtier classify --format json``),
else from running ``testtier classify`` on pytest's rootdir (through testtier's cache, so a warm
run costs well under a second). Shards come from ``--testtier-plan=FILE`` (``testtier plan
--format json``, the file a CI matrix was made from), else from running ``testtier plan``.

Tiers are tried in the classification's order (``tiers``), cheapest first; the last is the safe
one that starts every service. A parametrized test (``t.py::test_x[1-a]``) has its function's
tier. A collected test the classification does not know (generated at run time, say) runs in the
last tier, with a warning, and never in a cheaper one: no test is dropped from every shard, and
none runs without its services.
"""

from __future__ import annotations

import json
import socket
import subprocess
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

import pytest

from testtier._binary import binary_path

UNKNOWN_TEST_WARNING = (
    "testtier: this test is not in the classification; it runs in the last tier ({tier}), which "
    "starts every service"
)


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("testtier", "testtier: run one tier's (and shard's) tests")
    group.addoption("--testtier-tier", action="append", default=[], metavar="TIER",
                    help="run only the tests classified into TIER (repeatable)")
    group.addoption("--testtier-shard", metavar="K/N",
                    help="with one --testtier-tier: run shard K of the N that `testtier plan` makes of it")
    group.addoption("--testtier-report", action="store_true",
                    help="record the service ports each test connects to, and report at the end the tests "
                         "that touched a service their tier does not start")
    group.addoption("--testtier-json", metavar="FILE",
                    help="`testtier classify --format json` output to read (default: classify the rootdir)")
    group.addoption("--testtier-plan", metavar="FILE",
                    help="`testtier plan --format json` output the shards come from (default: plan the rootdir)")
    group.addoption("--testtier-durations", metavar="FILE",
                    help="durations for the plan testtier makes when --testtier-plan is not given")
    group.addoption("--testtier-bin", metavar="PROGRAM",
                    help="the testtier program (default: the one installed with this plugin)")


@dataclass
class Classification:
    """What the plugin needs of a `testtier/v1` document."""

    tiers: list[str]                     # cheapest first; the last is the safe one
    tier_services: dict[str, list[str]]  # what a shard of each tier starts
    test_tiers: dict[str, str]           # node id (without parameters) -> tier
    test_services: dict[str, list[str]]  # node id -> services the classification found
    service_of_port: dict[int, list[str]] = field(default_factory=dict)

    @property
    def safe_tier(self) -> str:
        return self.tiers[-1]

    @classmethod
    def from_document(cls, document: dict, origin: str) -> "Classification":
        if document.get("schema") != "testtier/v1":
            raise pytest.UsageError(f"{origin}: not `testtier classify --format json` output (testtier/v1)")
        if not document.get("tiers"):
            raise pytest.UsageError(f"{origin}: no `tiers` list (written by an older testtier?); classify again")
        tests = [test for file in document["files"] for test in file["tests"]]
        ports: dict[int, list[str]] = {}
        for name, service in document.get("services", {}).items():
            for port in service.get("ports", []):
                ports.setdefault(port, []).append(name)
        return cls(tiers=[tier["name"] for tier in document["tiers"]],
                   tier_services={tier["name"]: tier["services"] for tier in document["tiers"]},
                   test_tiers={test["id"]: test["tier"] for test in tests},
                   test_services={test["id"]: test["services"] for test in tests},
                   service_of_port=ports)


def function_id(nodeid: str) -> str:
    """Return the node id without its parametrization: `t.py::test_x[1-a]` -> `t.py::test_x`."""
    bracket = nodeid.find("[")
    return nodeid if bracket == -1 else nodeid[:bracket]


def run_testtier(config: pytest.Config, *arguments: str) -> dict:
    """Run the testtier program on the rootdir and return the JSON it prints."""
    program = config.getoption("testtier_bin") or binary_path()
    command = [program, *arguments, "--quiet", "--format", "json", str(config.rootpath)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError as problem:
        raise pytest.UsageError(f"testtier: cannot run {program}: {problem}") from problem
    if done.returncode not in (0, 1):  # 1: findings, the output is whole
        raise pytest.UsageError(f"testtier: `{' '.join(command)}` exited {done.returncode}: {done.stderr.strip()}")
    return json.loads(done.stdout)


def read_json(path: str, option: str) -> dict:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as problem:
        raise pytest.UsageError(f"{option}={path}: {problem}") from problem


def load_classification(config: pytest.Config) -> Classification:
    path = config.getoption("testtier_json")
    if path:
        return Classification.from_document(read_json(path, "--testtier-json"), path)
    return Classification.from_document(run_testtier(config, "classify"), "testtier classify")


def parse_shard(text: str) -> tuple[int, int]:
    """Return (K, N) of `K/N`, 1 <= K <= N."""
    index, slash, count = text.partition("/")
    if not (slash and index.isdigit() and count.isdigit() and 1 <= int(index) <= int(count)):
        raise pytest.UsageError(f"--testtier-shard={text}: expected K/N with 1 <= K <= N, e.g. 2/4")
    return int(index), int(count)


def shard_tests(config: pytest.Config, tier: str, index: int, count: int) -> set[str]:
    """Return the node ids `testtier plan` puts in shard `index` of `count` of `tier`."""
    path = config.getoption("testtier_plan")
    if path:
        plan = read_json(path, "--testtier-plan")
    else:
        arguments = ["plan", "--shards", f"{tier}={count}"]
        if config.getoption("testtier_durations"):
            arguments += ["--durations", config.getoption("testtier_durations")]
        plan = run_testtier(config, *arguments)
    if plan.get("schema") != "testtier-plan/v1":
        raise pytest.UsageError(f"{path or 'testtier plan'}: not `testtier plan --format json` output")
    shards = [shard for shard in plan["shards"] if shard["tier"] == tier]
    planned = shards[0]["shards"] if shards else count
    tests = sum(len(shard["tests"]) for shard in shards)
    # A tier with fewer tests than N gets fewer shards (the others run nothing); any other
    # difference means the plan was made for another N.
    if planned > count or (planned < count and tests >= count):
        raise pytest.UsageError(f"--testtier-shard={index}/{count}: the plan splits {tier} into {planned} shards")
    return {test for shard in shards if shard["shard"] == index for test in shard["tests"]}


def unknown_test_shard(nodeid: str, count: int) -> int:
    """Return the shard (1-based) an unknown test runs in: stable across runs and machines."""
    return zlib.crc32(function_id(nodeid).encode("utf-8")) % count + 1


class Selection:
    """Which collected tests this run keeps, and which of them the classification does not know."""

    def __init__(self, config: pytest.Config, classification: Classification) -> None:
        self.classification = classification
        self.tiers = set(config.getoption("testtier_tier"))
        unknown = sorted(self.tiers - set(classification.tiers))
        if unknown:
            raise pytest.UsageError(f"--testtier-tier: no tier {', '.join(unknown)}; the classification has "
                                    f"{', '.join(classification.tiers)}")
        self.shard: Optional[tuple[int, int]] = None
        self.shard_members: set[str] = set()
        if config.getoption("testtier_shard"):
            self.shard = parse_shard(config.getoption("testtier_shard"))
            self.shard_members = shard_tests(config, next(iter(self.tiers)), *self.shard)

    def tier_of(self, nodeid: str) -> Optional[str]:
        return self.classification.test_tiers.get(function_id(nodeid))

    def keeps(self, nodeid: str) -> bool:
        tier = self.tier_of(nodeid)
        if tier is None:
            tier = self.classification.safe_tier
            if tier not in self.tiers:
                return False
            return self.shard is None or unknown_test_shard(nodeid, self.shard[1]) == self.shard[0]
        if tier not in self.tiers:
            return False
        return self.shard is None or function_id(nodeid) in self.shard_members


class TesttierPlugin:
    """Selects tests at collection, records connections while they run, reports at the end."""

    def __init__(self, config: pytest.Config) -> None:
        self.config = config
        self.selecting = bool(config.getoption("testtier_tier"))
        self.reporting = bool(config.getoption("testtier_report"))
        self.classification: Optional[Classification] = None
        self.unknown_run: list[str] = []
        self.touched: dict[str, set[tuple[str, int]]] = {}  # node id -> (service, port)
        self.current: Optional[str] = None
        self.real_connect = None

    def classification_of(self) -> Classification:
        if self.classification is None:
            self.classification = load_classification(self.config)
        return self.classification

    @pytest.hookimpl(trylast=True)
    def pytest_collection_modifyitems(self, config: pytest.Config, items: list[pytest.Item]) -> None:
        if not self.selecting:
            return
        selection = Selection(config, self.classification_of())
        selected, deselected = [], []
        for item in items:
            keep = selection.keeps(item.nodeid)
            (selected if keep else deselected).append(item)
            if keep and selection.tier_of(item.nodeid) is None:
                self.unknown_run.append(item.nodeid)
                item.warn(pytest.PytestWarning(UNKNOWN_TEST_WARNING.format(tier=self.classification.safe_tier)))
        if deselected:
            config.hook.pytest_deselected(items=deselected)
            items[:] = selected

    # Run-time check: every connect() to a port of a service is recorded for the running test.
    def pytest_sessionstart(self, session: pytest.Session) -> None:
        if not self.reporting:
            return
        self.classification_of()  # now, not inside the first connect() a test makes
        self.real_connect = socket.socket.connect
        self.real_connect_ex = socket.socket.connect_ex
        plugin = self

        def connect(sock, address):
            plugin.record(address)
            return plugin.real_connect(sock, address)

        def connect_ex(sock, address):
            plugin.record(address)
            return plugin.real_connect_ex(sock, address)

        socket.socket.connect = connect
        socket.socket.connect_ex = connect_ex

    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        if self.real_connect is not None:
            socket.socket.connect = self.real_connect
            socket.socket.connect_ex = self.real_connect_ex

    def record(self, address: object) -> None:
        if self.current is None or not isinstance(address, tuple) or len(address) < 2:
            return
        port = address[1]
        if not isinstance(port, int):
            return
        for service in self.classification_of().service_of_port.get(port, []):
            self.touched.setdefault(self.current, set()).add((service, port))

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_protocol(self, item: pytest.Item, nextitem: Optional[pytest.Item]):
        self.current = item.nodeid if self.reporting else None
        yield
        self.current = None

    def pytest_terminal_summary(self, terminalreporter, exitstatus: int, config: pytest.Config) -> None:
        if self.unknown_run:
            terminalreporter.write_line(
                f"testtier: {len(self.unknown_run)} tests are not in the classification; they ran in the last "
                f"tier ({self.classification.safe_tier}), which starts every service")
        if self.reporting:
            self.write_report(terminalreporter)

    def write_report(self, terminalreporter) -> None:
        classification = self.classification_of()
        missing, unlisted = [], []
        for nodeid, touched in sorted(self.touched.items()):
            tier = classification.test_tiers.get(function_id(nodeid), classification.safe_tier)
            started = set(classification.tier_services.get(tier, []))
            listed = set(classification.test_services.get(function_id(nodeid), []))
            for service, port in sorted(touched):
                line = f"{nodeid}: {service} (port {port}); tier {tier} starts {', '.join(sorted(started)) or 'nothing'}"
                if service not in started:
                    missing.append(line)
                elif service not in listed:
                    unlisted.append(line)
        terminalreporter.section("testtier report")
        if not missing and not unlisted:
            terminalreporter.write_line(f"testtier: {len(self.touched)} tests connected to service ports; "
                                        "each touched only services its tier starts and its classification lists")
            return
        if missing:
            terminalreporter.write_line(f"testtier: {connections(len(missing))} to a service the test's tier "
                                        "does not start (the test fails on a shard without it):")
            for line in missing:
                terminalreporter.write_line(f"  {line}")
        if unlisted:
            terminalreporter.write_line(f"testtier: {connections(len(unlisted))} to a service the tier starts "
                                        "but the test's classification does not list (declare it):")
            for line in unlisted:
                terminalreporter.write_line(f"  {line}")


def connections(count: int) -> str:
    return f"{count} connection{'' if count == 1 else 's'}"


def pytest_configure(config: pytest.Config) -> None:
    if config.getoption("testtier_shard"):
        parse_shard(config.getoption("testtier_shard"))  # refuse a bad K/N before collecting
        if len(config.getoption("testtier_tier")) != 1:
            raise pytest.UsageError("--testtier-shard needs exactly one --testtier-tier")
    if config.getoption("testtier_tier") or config.getoption("testtier_report"):
        config.pluginmanager.register(TesttierPlugin(config), "testtier-plugin")
