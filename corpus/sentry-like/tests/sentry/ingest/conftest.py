"""Kafka fixtures shaped like Sentry's plugin ones: factories taking Django settings."""

import pytest


@pytest.fixture
def kafka_producer():
    def make(settings):
        from confluent_kafka import Producer

        return Producer({"bootstrap.servers": "127.0.0.1:9092"})

    return make


@pytest.fixture
def kafka_admin(request):
    def make(settings):
        from confluent_kafka.admin import AdminClient

        return AdminClient({"bootstrap.servers": "127.0.0.1:9092"})

    return make


@pytest.fixture
def wait_for_ingest_consumer(kafka_admin):
    def make(settings):
        admin = kafka_admin(settings)
        return lambda predicate: predicate()

    return make
