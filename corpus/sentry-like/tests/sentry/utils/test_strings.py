from __future__ import annotations

import pytest


def truncatechars(value: str, length: int, ellipsis: str = "...") -> str:
    if len(value) <= length:
        return value
    return value[: length - len(ellipsis)] + ellipsis


@pytest.fixture
def test_sentence() -> str:
    """A fixture, not a test, although its name starts with "test"."""
    return "The quick brown fox jumps over the lazy dog"


def test_truncate_short_string() -> None:
    assert truncatechars("abc", 10) == "abc"


def test_truncate_long_string(test_sentence: str) -> None:
    assert truncatechars(test_sentence, 10) == "The qui..."
