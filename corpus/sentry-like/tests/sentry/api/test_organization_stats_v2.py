from __future__ import annotations

from tests.sentry.api.test_organization_stats import OrganizationStatsTestBase


class OrganizationStatsV2Test(OrganizationStatsTestBase):
    endpoint = "sentry-api-0-organization-stats-v2"

    def test_interval_is_passed_through(self) -> None:
        response = self.do_request(interval="1d", field="sum(quantity)")
        assert response["params"]["interval"] == "1d"
