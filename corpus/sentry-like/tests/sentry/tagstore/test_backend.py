from __future__ import annotations

from sentry.testutils.cases import SnubaTestCase, TestCase


class TagStorageChecks:
    """What every tag storage must do; mixed into one test class per backend."""

    backend_name: str

    def get_tag_keys(self) -> list[str]:
        return []

    def test_get_tag_keys_empty(self) -> None:
        assert self.get_tag_keys() == []

    def test_backend_name(self) -> None:
        assert self.backend_name in ("django", "snuba")


class DjangoTagStorageTest(TagStorageChecks, TestCase):
    backend_name = "django"


class SnubaTagStorageTest(TagStorageChecks, TestCase, SnubaTestCase):
    backend_name = "snuba"

    def test_group_tag_value_count(self) -> None:
        assert len(self.get_tag_keys()) == 0
