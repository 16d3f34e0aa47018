from __future__ import annotations

import pytest

from sentry.testutils.helpers.events import symbolicator_url


@pytest.fixture
def redis_buffer(settings):
    # A fixture that swaps in a Redis backend by assignment.
    settings.SENTRY_BUFFER = "sentry.buffer.redis.RedisBuffer"
    return settings.SENTRY_BUFFER


@pytest.fixture
def symbolicator_client():
    return {"url": symbolicator_url()}
