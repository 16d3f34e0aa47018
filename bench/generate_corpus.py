#!/usr/bin/env python3
"""Write a Sentry-shaped Python repository for benchmarking testtier.

Deterministic: the same --seed and --scale give the same bytes. At scale 1: about 2,250 test files
holding about 33,000 tests, a src/ tree of about 8,000 modules, test utilities whose base classes
form a hierarchy 5-6 deep across files, conftest files at several depths, and the signal mix of
Sentry's investigation (about 21% of test files reach Snuba, a few per cent other services, the
rest Postgres or nothing). Most files are 2-20 KB, a few over 100 KB.

Usage: generate_corpus.py --scale S [--seed N] OUTDIR
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
from pathlib import Path

AREAS = ["api", "models", "rules", "issues", "integrations", "incidents", "search", "tasks",
         "auth", "utils", "notifications", "replays", "monitors", "uptime", "workflow_engine"]

TESTUTILS = {
    "src/sentry/__init__.py": "",
    "src/sentry/testutils/__init__.py": "",
    "src/sentry/testutils/mixins.py": '''
class Fixtures:
    def create_project(self, **kwargs):
        return {"id": 1, **kwargs}

    def create_organization(self, **kwargs):
        return {"slug": "baz", **kwargs}
''',
    "src/sentry/testutils/cases.py": '''
import pytest
from django.test import TestCase as DjangoTestCase
from django.test import TransactionTestCase as DjangoTransactionTestCase

from .mixins import Fixtures


class BaseTestCase(Fixtures):
    def store_event(self, data, project_id=None):
        return data


class TestCase(BaseTestCase, DjangoTestCase):
    pass


class TransactionTestCase(BaseTestCase, DjangoTransactionTestCase):
    pass


class APITestCase(TestCase):
    endpoint = None

    def get_success_response(self, *args, **kwargs):
        return {"status": 200}


class SnubaTestCase(BaseTestCase):
    @pytest.fixture(autouse=True)
    def initialize(self, reset_snuba, call_snuba):
        self.snuba_ready = True


class OutcomesSnubaTest(TestCase):
    pass


class MetricsEnhancedPerformanceTestCase(SnubaTestCase, TestCase):
    pass
''',
    "src/sentry/testutils/skips.py": '''
import pytest

requires_snuba = pytest.mark.usefixtures("_requires_snuba")
requires_kafka = pytest.mark.usefixtures("_requires_kafka")
requires_symbolicator = pytest.mark.usefixtures("_requires_symbolicator")
requires_objectstore = pytest.mark.usefixtures("_requires_objectstore")
''',
    "src/sentry/testutils/pytest/__init__.py": 'pytest_plugins = ["sentry.testutils.pytest.fixtures"]\n',
    "src/sentry/testutils/pytest/fixtures.py": '''
import pytest

django_db_all = pytest.mark.django_db(databases="__all__")


@pytest.fixture(scope="session")
def _requires_snuba():
    pass


@pytest.fixture(scope="session")
def _requires_kafka():
    pass


@pytest.fixture(scope="session")
def _requires_symbolicator():
    pass


@pytest.fixture(scope="session")
def _requires_objectstore():
    pass


@pytest.fixture
def call_snuba(settings):
    return lambda endpoint: 200


@pytest.fixture
def reset_snuba(_requires_snuba, call_snuba):
    call_snuba("/tests/drop")
''',
    "src/sentry/snuba/__init__.py": "",
    "src/sentry/snuba/dataset.py": '''
from enum import Enum


class Dataset(Enum):
    Events = "events"
    Transactions = "transactions"
''',
    "conftest.py": 'pytest_plugins = ["sentry.testutils.pytest"]\n',
    "tests/__init__.py": "",
    "tests/conftest.py": '''
import pytest


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch):
    monkeypatch.setenv("SENTRY_SKIP_BACKEND_VALIDATION", "1")
''',
}


def statement(rng: random.Random, indent: str) -> str:
    """Return one plausible line of test code."""
    choice = rng.randrange(6)
    n = rng.randrange(1000)
    if choice == 0:
        return f'{indent}payload = {{"id": {n}, "name": "item-{n}", "tags": ["a", "b"], "count": {n % 7}}}\n'
    if choice == 1:
        return f'{indent}assert payload["count"] < {n + 7}, "count out of range"\n'
    if choice == 2:
        return f"{indent}result = helper_{n % 5}(payload, limit={n})\n"
    if choice == 3:
        return f'{indent}project = self.create_project(name="p{n}")\n' if "    " * 2 == indent else \
            f'{indent}project = {{"id": {n}}}\n'
    if choice == 4:
        return f"{indent}for value in range({n % 9 + 1}):\n{indent}    assert value >= 0\n"
    return f'{indent}response = {{"status": 200, "data": [{n}, {n + 1}, {n + 2}]}}\n{indent}assert response["status"] == 200\n'


def body(rng: random.Random, indent: str, lines: int) -> str:
    return "".join(statement(rng, indent) for _ in range(lines))


class Generator:
    def __init__(self, out: Path, scale: float, seed: int) -> None:
        self.out, self.scale, self.rng = out, scale, random.Random(seed)
        self.files = self.tests = self.bytes = 0
        self.intended = {"no_services": 0, "postgres_only": 0, "other_services": 0, "snuba_tier": 0}

    def write(self, rel: str, text: str) -> None:
        path = self.out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        data = text.lstrip("\n").encode()
        path.write_bytes(data)
        self.files += 1
        self.bytes += len(data)

    def src_tree(self) -> None:
        modules = max(20, round(8000 * self.scale))
        packages = max(4, modules // 40)
        for package in range(packages):
            self.write(f"src/sentry/pkg{package}/__init__.py", "")
        for index in range(modules):
            package = index % packages
            other = self.rng.randrange(packages)
            classes = self.rng.randrange(1, 8)
            text = f"from sentry.pkg{other} import mod{other}_{self.rng.randrange(40)}\n\n"
            for c in range(classes):
                text += f"\n\nclass Model{index}_{c}:\n    fields = {list(range(self.rng.randrange(3, 12)))}\n"
                for m in range(self.rng.randrange(1, 6)):
                    text += f"\n    def method_{m}(self, value):\n" + body(self.rng, "        ", self.rng.randrange(2, 12))
                    text += "        return value\n"
            self.write(f"src/sentry/pkg{package}/mod{package}_{index}.py", text)

    def area_files(self, area: str) -> None:
        self.write(f"tests/sentry/{area}/__init__.py", "")
        self.write(f"tests/sentry/{area}/base.py", f'''
from sentry.testutils.cases import APITestCase, SnubaTestCase


class {area.title().replace("_", "")}Base(APITestCase):
    def setUp(self):
        self.organization = self.create_organization()


class {area.title().replace("_", "")}SnubaBase({area.title().replace("_", "")}Base, SnubaTestCase):
    pass
''')
        if self.rng.random() < 0.4:
            self.write(f"tests/sentry/{area}/conftest.py", f'''
import pytest


@pytest.fixture
def {area}_settings(settings):
    settings.SENTRY_OPTIONS = {{}}
    return settings


@pytest.fixture(autouse=True)
def {area}_environment({area}_settings):
    yield
''')

    def test_file(self, index: int) -> None:
        rng = self.rng
        roll = rng.random()
        area = AREAS[index % len(AREAS)]
        base = area.title().replace("_", "")
        directory = f"tests/sentry/{area}"
        tests = max(1, round(rng.lognormvariate(2.40, 0.75)))
        header = "import pytest\n\nfrom sentry.testutils.cases import APITestCase, TestCase\n"
        header += f"from tests.sentry.{area}.base import {base}Base, {base}SnubaBase\n"
        module_lines, kind, klass, decorator = "", "postgres_only", f"{base}Base", ""
        if roll < 0.21:
            kind = "snuba_tier"
            way = rng.random()
            if way < 0.5:
                klass = f"{base}SnubaBase"
            elif way < 0.75:
                header += "from sentry.testutils.skips import requires_snuba\n"
                module_lines = "\npytestmark = [requires_snuba]\n"
            elif way < 0.9:
                directory = f"tests/snuba/{area}"
            else:
                decorator = "@pytest.mark.snuba\n"
        elif roll < 0.25:
            kind = "other_services"
            header += "from sentry.testutils.skips import requires_kafka\n"
            module_lines = "\npytestmark = [requires_kafka]\n"
        elif roll < 0.252:
            kind = "snuba_tier"  # undeclared: only self.store_event says so
        elif roll < 0.75:
            klass = rng.choice([f"{base}Base", "TestCase", "APITestCase"])
        else:
            kind, klass = "no_services", ""
        if 0.252 <= roll < 0.27:
            header += "from sentry.snuba.dataset import Dataset\n"  # suspicious, types only
        self.intended[kind] += 1
        text = header + module_lines + "\n\ndef helper_0(payload, limit=0):\n    return payload\n"
        for h in range(1, 5):
            text += f"\n\ndef helper_{h}(payload, limit=0):\n    return limit\n"
        if klass:
            text += f"\n\n{decorator}class Test{base}{index}({klass}):\n"
            for t in range(tests):
                text += f"    def test_case_{t}(self):\n" + body(rng, "        ", rng.randrange(3, 30))
                if kind == "snuba_tier" and 0.25 <= roll < 0.252 and t == 0:
                    text += "        self.store_event(data={})\n"
                text += "\n"
        else:
            for t in range(tests):
                text += f"\n\ndef test_function_{t}():\n" + body(rng, "    ", rng.randrange(3, 30))
        self.tests += tests
        self.write(f"{directory}/test_{area}_{index}.py", text)

    def run(self) -> dict:
        if self.out.exists():
            shutil.rmtree(self.out)
        for rel, text in TESTUTILS.items():
            self.write(rel, text)
        rules = Path(__file__).resolve().parent.parent / "rules" / "sentry.toml"
        self.write("testtier.toml", rules.read_text(encoding="utf-8"))
        self.write("pyproject.toml", '[tool.pytest.ini_options]\ntestpaths = ["tests"]\n')
        for area in AREAS:
            self.area_files(area)
            self.write(f"tests/snuba/{area}/__init__.py", "")
        self.write("tests/sentry/__init__.py", "")
        self.write("tests/snuba/__init__.py", "")
        self.src_tree()
        for index in range(max(10, round(2250 * self.scale))):
            self.test_file(index)
        summary = {"scale": self.scale, "files": self.files, "tests": self.tests, "bytes": self.bytes,
                   "intended_file_tiers": self.intended}
        (self.out / ".generator.json").write_text(json.dumps(summary, indent=2) + "\n")
        return summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=float, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("outdir", type=Path)
    args = parser.parse_args()
    summary = Generator(args.outdir, args.scale, args.seed).run()
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
