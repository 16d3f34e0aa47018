from __future__ import annotations

import re

from sentry.testutils.pytest.fixtures import django_db_all

KEY_RE = re.compile(r"^[0-9a-f]{32}$")


def generate_key() -> str:
    return "0123456789abcdef" * 2


def test_generated_key_shape() -> None:
    assert KEY_RE.match(generate_key())


@django_db_all
def test_key_saved_with_project() -> None:
    assert len(generate_key()) == 32


@django_db_all
def test_key_rotation_keeps_shape() -> None:
    assert generate_key() != generate_key().upper()


def test_key_lookup_by_public_key(db) -> None:
    assert KEY_RE.match(generate_key()) is not None
