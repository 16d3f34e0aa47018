"""Point the code under test at the Redis Cluster of devservices (ports 7000-7005).

Written for this corpus after the shape of Sentry's helper of the same name: a context manager,
also usable as a decorator, that swaps the cluster options and the processing-services setting.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.test.utils import override_settings

from sentry.testutils.helpers.options import override_options

CLUSTER_PORTS = range(7000, 7006)


@contextmanager
def use_redis_cluster(name: str = "cluster") -> Iterator[None]:
    hosts = [{"host": "127.0.0.1", "port": port} for port in CLUSTER_PORTS]
    with override_options({"redis.clusters": {name: {"is_redis_cluster": True, "hosts": hosts}}}):
        with override_settings(SENTRY_PROCESSING_SERVICES={"redis": {"redis": name}}):
            yield
