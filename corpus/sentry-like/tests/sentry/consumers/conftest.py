"""Consumer tests run against a real Kafka broker."""

from __future__ import annotations

import pytest


@pytest.fixture
def kafka_admin(_requires_kafka):
    from confluent_kafka.admin import AdminClient

    return AdminClient({"bootstrap.servers": "127.0.0.1:9092"})


@pytest.fixture(autouse=True)
def consumer_topics(kafka_admin) -> list[str]:
    topics = ["ingest-occurrences-test"]
    kafka_admin.list_topics(timeout=5)
    return topics
