from __future__ import annotations

from sentry.testutils.cases import APITestCase
from sentry.testutils.helpers import before_now, override_options


class ProjectEventOwnersTest(APITestCase):
    endpoint = "sentry-api-0-event-owners"

    def test_no_ownership_rules(self) -> None:
        response = self.get_success_response(self.organization["slug"], self.project["slug"], "a" * 32)
        assert response["status_code"] == 200

    @override_options({"api.owners.max-rules": 10})
    def test_owners_from_stored_event(self) -> None:
        event = self.store_event(
            data={"message": "oh no", "timestamp": before_now(minutes=1).isoformat()},
            project_id=self.project["id"],
        )
        response = self.get_success_response(
            self.organization["slug"], self.project["slug"], event["event_id"]
        )
        assert response["status_code"] == 200
