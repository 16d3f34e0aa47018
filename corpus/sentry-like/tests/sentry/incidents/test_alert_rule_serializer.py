from __future__ import annotations

from sentry.snuba.dataset import Dataset
from sentry.testutils.cases import TestCase


class AlertRuleSerializerTest(TestCase):
    def test_dataset_defaults_to_events(self) -> None:
        rule = self.create_alert_rule(dataset=Dataset.Events, query="level:error")
        assert rule["dataset"] is Dataset.Events

    def test_transactions_dataset_value(self) -> None:
        rule = self.create_alert_rule(dataset=Dataset.Transactions)
        assert rule["dataset"].value == "transactions"
