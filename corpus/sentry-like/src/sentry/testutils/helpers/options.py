"""Override Sentry options (not Django settings) for the length of a test."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

__all__ = ["override_options"]

_overrides: dict[str, Any] = {}


@contextlib.contextmanager
def override_options(options: dict[str, Any]) -> Iterator[None]:
    saved = dict(_overrides)
    _overrides.update(options)
    try:
        yield
    finally:
        _overrides.clear()
        _overrides.update(saved)
