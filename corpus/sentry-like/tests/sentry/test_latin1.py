from __future__ import annotations

from sentry.testutils.pytest.fixtures import django_db_all

# Saved as Latin-1 with no coding cookie, so the next line is not valid UTF-8.
GREETING = "café"


def test_greeting_is_ascii_prefixed() -> None:
    assert GREETING.startswith("caf")


@django_db_all
def test_greeting_saved() -> None:
    assert len(GREETING) == 4
