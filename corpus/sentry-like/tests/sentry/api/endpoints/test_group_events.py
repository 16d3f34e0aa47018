from __future__ import annotations

from tests.snuba.api.base import EventsBase


class GroupEventsTest(EventsBase):
    endpoint = "sentry-api-0-group-events"

    def test_empty_group(self) -> None:
        response = self.do_request({"query": "issue:none"})
        assert response["status_code"] == 200

    def test_environment_filter(self) -> None:
        response = self.do_request({"environment": "production"})
        assert response["params"]["environment"] == "production"
