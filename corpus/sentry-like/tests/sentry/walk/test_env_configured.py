"""Services named by environment variables (see walk_expectations.json)."""

from __future__ import annotations

import os

PG_HOST = os.getenv("SENTRY_PYTHON_TEST_POSTGRES_HOST", "127.0.0.1")


def test_reads_module_constant():
    assert PG_HOST


def test_symbolicator_fixture(symbolicator_client):
    assert symbolicator_client["url"]


def test_redis_backend_fixture(redis_buffer):
    assert "redis" in redis_buffer
