"""Shared setup for the events endpoint tests: an intermediate base, not a test file."""

from __future__ import annotations

from sentry.testutils.cases import APITestCase, SnubaTestCase
from sentry.testutils.helpers.datetime import before_now


class EventsBase(APITestCase, SnubaTestCase):
    endpoint = "sentry-api-0-organization-events"

    def setUp(self) -> None:
        super().setUp()
        self.ten_mins_ago = before_now(minutes=10)

    def do_request(self, query: dict[str, str]) -> dict:
        return self.get_success_response(self.organization["slug"], **query)
