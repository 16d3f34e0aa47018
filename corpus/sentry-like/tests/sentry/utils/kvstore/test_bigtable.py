from __future__ import annotations

import os

import pytest

EMULATOR_HOST = os.environ.get("BIGTABLE_EMULATOR_HOST", "127.0.0.1:8086")


@pytest.fixture
def table_name() -> str:
    return "kvstore-test"


def test_emulator_port() -> None:
    assert EMULATOR_HOST.rpartition(":")[2] == "8086"


def test_table_name(table_name: str) -> None:
    assert table_name.startswith("kvstore")
