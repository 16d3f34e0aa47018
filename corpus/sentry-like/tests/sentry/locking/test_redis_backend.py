"""A Redis-backed implementation imported into a test module and reached only through a property."""

from unittest import TestCase

from sentry.utils.locking.backends.redis import RedisLockBackend
from sentry.utils.redis import clusters


class RedisBackendChecks:
    @property
    def backend(self):
        # Analysis does not follow `self.backend` into this property; the import above is what
        # tells that this module's tests need Redis.
        return RedisLockBackend(clusters.get("default"))

    def test_acquire(self):
        self.backend.acquire("lock", 10)


class RedisLockBackendTest(RedisBackendChecks, TestCase):
    pass


def test_prefix_is_pure():
    # Needs no Redis, but its module imports the backend: over-approximated, on purpose.
    assert RedisLockBackend.__name__ == "RedisLockBackend"
