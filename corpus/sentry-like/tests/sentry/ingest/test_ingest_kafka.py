"""Kafka needed through fixtures only: no mark, no base class, no client in the test itself."""

from django.conf import settings

from sentry.testutils.pytest.fixtures import django_db_all


@django_db_all
def test_consumes_produced_event(kafka_producer, wait_for_ingest_consumer):
    producer = kafka_producer(settings)
    producer.produce("ingest-events", b"{}")
    wait = wait_for_ingest_consumer(settings)
    assert wait(lambda: True)


def test_topic_is_recreated(kafka_admin):
    kafka_admin(settings).delete_topics(["ingest-events"])


def test_no_kafka_here():
    assert settings is not None
