from __future__ import annotations

from sentry.testutils.cases import TestCase
from sentry.testutils.skips import requires_snuba

pytestmark = [requires_snuba]


class EventsSnubaSearchTest(TestCase):
    def search(self, query: str, environment: str | None = None) -> list[int]:
        return []

    def test_query_by_message(self) -> None:
        assert self.search("foo") == []

    def test_query_by_environment(self) -> None:
        assert self.search("foo", environment="production") == []


def test_search_backend_name() -> None:
    assert "snuba" in "sentry.search.snuba.EventsDatasetSnubaSearchBackend"
