from __future__ import annotations

from sentry.snuba.dataset import Dataset
from sentry.testutils.cases import TestCase
from sentry.utils.snuba import raw_query


class DiscoverRawCountsTest(TestCase):
    def test_count_for_project(self) -> None:
        result = raw_query(
            dataset=Dataset.Events,
            selected_columns=["count()"],
            filter_keys={"project_id": [self.project["id"]]},
            tenant_ids={"organization_id": self.organization["id"]},
        )
        assert result["data"] == [{"count()": 0}]

    def test_dataset_names(self) -> None:
        assert Dataset.Discover.value == "discover"
