from __future__ import annotations

from sentry.testutils.cases import APITestCase
from sentry.testutils.skips import requires_snuba

pytestmark = [requires_snuba]


class OrganizationStatsTestBase(APITestCase):
    endpoint = "sentry-api-0-organization-stats"

    def do_request(self, **query: str) -> dict:
        return self.get_success_response(self.organization["slug"], **query)


class OrganizationStatsTest(OrganizationStatsTestBase):
    def test_received_counts(self) -> None:
        response = self.do_request(stat="received")
        assert response["params"]["stat"] == "received"
