from __future__ import annotations

from sentry.testutils.cases import TestCase


class ReleaseVersionParsingTest(TestCase):
    def test_semver_parts(self) -> None:
        assert "1.2.3".split(".") == ["1", "2", "3"]


def test_build_number() -> None:
    assert int("42") == 42


# A half-finished edit: the bracket below is never closed.
RELEASE_PREFIXES = ["v", "release-",
