from __future__ import annotations

import json

from sentry.testutils.cases import TestCase


class OccurrenceConsumerTest(TestCase):
    def test_payload_round_trip(self) -> None:
        payload = {"id": "1", "project_id": self.project["id"], "fingerprint": ["a"]}
        assert json.loads(json.dumps(payload)) == payload


def test_topic_names(consumer_topics: list[str]) -> None:
    assert all(topic.endswith("-test") for topic in consumer_topics)
