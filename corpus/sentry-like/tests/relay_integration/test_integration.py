from __future__ import annotations

from sentry.testutils.cases import TransactionTestCase
from sentry.testutils.relay import RelayStoreHelper


class SentryRemoteTest(RelayStoreHelper, TransactionTestCase):
    def test_simple_event(self) -> None:
        event = self.post_and_retrieve_event({"event_id": "a" * 32, "message": "hello"})
        assert event["message"] == "hello"
