from __future__ import annotations

from .base import EventsBase


class OrganizationEventsEndpointTest(EventsBase):
    def test_no_projects(self) -> None:
        response = self.do_request({"field": "id"})
        assert response["status_code"] == 200

    def test_simple_query(self) -> None:
        self.store_event(
            data={"message": "how to make fast", "timestamp": self.ten_mins_ago.isoformat()},
            project_id=self.project["id"],
        )
        response = self.do_request({"field": "message", "query": "fast"})
        assert response["params"]["query"] == "fast"
