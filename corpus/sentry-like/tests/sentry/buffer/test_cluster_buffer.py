"""Redis and Redis Cluster reached the ways Sentry's buffer and backpressure tests reach them."""

import pytest
from django.test.utils import override_settings

from sentry.testutils.helpers.redis import use_redis_cluster
from sentry.utils import redis

# Module level: runs at import, so every test of this file needs Redis.
default_client = redis.clusters.get("default")


@pytest.fixture(params=["single", "cluster"])
def buffer_client(request):
    if request.param == "cluster":
        with use_redis_cluster("default"):
            yield redis.clusters.get("default")
    else:
        yield default_client


def test_roundtrip(buffer_client):
    buffer_client.flushdb()
    buffer_client.set("k", "v")
    assert buffer_client.get("k") == b"v"


@use_redis_cluster()
def test_cluster_only():
    assert redis.clusters.get("cluster") is not None


@override_settings(SENTRY_PROCESSING_SERVICES={"redis": {"redis": "default"}})
def test_processing_services_setting():
    assert default_client is not None
