"""Event helpers that tests reach only through calls: the call walk's corpus cases.

Nothing here is a declaration. Which tests these helpers put in the Snuba tier is worked out by
hand in walk_expectations.json at the corpus root.
"""

from __future__ import annotations

import os
from typing import Any

from sentry.utils import snuba
from sentry.utils.snuba import raw_snql_query


class EventStoreMixin:
    """Mixed into a test class: `self.insert_events(...)` writes through the Snuba client."""

    def insert_events(self, count: int) -> list[dict[str, Any]]:
        events = [self.make_event(i) for i in range(count)]
        snuba.raw_query(dataset="events", selected_columns=["id"], filter_keys={})
        return events

    def make_event(self, index: int) -> dict[str, Any]:
        return {"event_id": f"{index:032x}"}


class GroupFactory:
    """Two calls deep: make_group -> _save_grouped_event -> raw_snql_query."""

    @classmethod
    def make_group(cls, project: dict[str, Any]) -> dict[str, Any]:
        return cls._save_grouped_event(project)

    @staticmethod
    def _save_grouped_event(project: dict[str, Any]) -> dict[str, Any]:
        raw_snql_query({"project": project["id"]}, referrer="tests.factory")
        return {"id": 1, "project": project["id"]}


def build_events_query(project_id: int) -> dict[str, Any]:
    """A decoy: builds a query object, sends nothing."""
    return {"match": "events", "where": [("project_id", "=", project_id)]}


def maybe_flush(flush: bool = False) -> None:
    """Dead code counts: the walk does not judge conditions, so this reaches Snuba."""
    if False:
        snuba.raw_query(dataset="events", selected_columns=[], filter_keys={})


def symbolicator_url() -> str:
    """An env-configured client: where Symbolicator listens comes from the environment."""
    return os.environ.get("SENTRY_SYMBOLICATOR_URL", "http://127.0.0.1:3021")


def level_1() -> None:
    level_2()


def level_2() -> None:
    level_3()


def level_3() -> None:
    level_4()


def level_4() -> None:
    level_5()


def level_5() -> None:
    snuba.raw_query(dataset="events", selected_columns=[], filter_keys={})
