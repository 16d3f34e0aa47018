"""Fixtures every Sentry test can request, and the `django_db_all` mark."""

from __future__ import annotations

import socket
import urllib.request
from collections.abc import Callable

import pytest

django_db_all = pytest.mark.django_db(databases="__all__")


def _listening(port: int, host: str = "127.0.0.1") -> bool:
    with socket.socket() as sock:
        sock.settimeout(1.0)
        return sock.connect_ex((host, port)) == 0


def _require(service: str, port: int) -> None:
    if not _listening(port):
        pytest.fail(f"{service} is not listening on port {port}; start it with devservices")


@pytest.fixture(scope="session")
def _requires_snuba() -> None:
    _require("snuba", 1218)


@pytest.fixture(scope="session")
def _requires_kafka() -> None:
    _require("kafka", 9092)


@pytest.fixture(scope="session")
def _requires_symbolicator() -> None:
    _require("symbolicator", 3021)


@pytest.fixture(scope="session")
def _requires_objectstore() -> None:
    _require("objectstore", 8888)


@pytest.fixture
def call_snuba(settings) -> Callable[[str], int]:
    def inner(endpoint: str) -> int:
        request = urllib.request.Request(settings.SENTRY_SNUBA + endpoint, method="POST")
        with urllib.request.urlopen(request) as response:
            return response.status

    return inner


@pytest.fixture
def reset_snuba(_requires_snuba, call_snuba) -> None:
    for endpoint in ("/tests/events/drop", "/tests/transactions/drop"):
        assert call_snuba(endpoint) == 200
