"""Fixtures for every test under tests/."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    # Autouse in the conftest chain of every test, and needs no service.
    monkeypatch.setenv("SENTRY_SKIP_BACKEND_VALIDATION", "1")
    monkeypatch.delenv("SENTRY_DSN", raising=False)
