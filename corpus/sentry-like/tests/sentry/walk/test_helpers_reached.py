"""Tests that reach services only through the repository's own helpers (see walk_expectations.json)."""

from __future__ import annotations

from unittest import mock

from sentry.testutils.cases import TestCase
from sentry.testutils.helpers.events import (
    EventStoreMixin,
    GroupFactory,
    build_events_query,
    level_1,
    maybe_flush,
)


class EventHelpersTest(TestCase, EventStoreMixin):
    def test_mixin_helper(self):
        # self.insert_events is EventStoreMixin's, found through this class's MRO
        assert len(self.insert_events(2)) == 2

    def test_factory_two_deep(self):
        assert GroupFactory.make_group(self.project)["id"] == 1

    def test_query_object_only(self):
        assert build_events_query(self.project["id"])["match"] == "events"

    @mock.patch("sentry.utils.snuba.raw_query")
    def test_mocked_client(self, raw_query):
        self.insert_events(1)
        assert raw_query.called

    def test_dead_code(self):
        maybe_flush()

    def test_too_deep(self):
        level_1()

    def test_own_helper(self):
        assert self.make_event(0)["event_id"]


class SuperCallTest(EventHelpersTest):
    def insert_events(self, count):
        return super().insert_events(count)

    def test_through_super(self):
        self.insert_events(1)
