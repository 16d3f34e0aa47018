"""Object factories mixed into every Sentry test case class."""

from __future__ import annotations

import itertools
from typing import Any

_ids = itertools.count(1)


class Fixtures:
    """Lazily created organization and project, available as `self.organization` and friends."""

    @property
    def organization(self) -> dict[str, Any]:
        if not hasattr(self, "_organization"):
            self._organization = self.create_organization(name="Baz")
        return self._organization

    @property
    def project(self) -> dict[str, Any]:
        if not hasattr(self, "_project"):
            self._project = self.create_project(organization=self.organization)
        return self._project

    def create_organization(self, name: str) -> dict[str, Any]:
        return {"id": next(_ids), "name": name, "slug": name.lower()}

    def create_project(self, organization: dict[str, Any], name: str = "Bar") -> dict[str, Any]:
        return {"id": next(_ids), "slug": name.lower(), "organization_id": organization["id"]}

    def create_alert_rule(self, dataset: Any = None, **kwargs: Any) -> dict[str, Any]:
        return {"id": next(_ids), "dataset": dataset, **kwargs}

    def store_event(self, data: dict[str, Any], project_id: int) -> dict[str, Any]:
        # The real one sends the event through ingestion into Snuba. What matters to testtier is
        # the tests that call it, so the body here stays trivial.
        event = {"event_id": f"{next(_ids):032x}", "project_id": project_id}
        event.update(data)
        return event
