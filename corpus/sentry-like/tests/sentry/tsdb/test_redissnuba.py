from __future__ import annotations

from django.test import override_settings

from sentry.testutils.cases import TestCase
from sentry.testutils.helpers.datetime import before_now


class TSDBBackendSelectionTest(TestCase):
    def test_default_backend_is_dummy(self) -> None:
        from django.conf import settings

        assert settings.SENTRY_TSDB.endswith("DummyTSDB")

    @override_settings(SENTRY_TSDB="sentry.tsdb.redissnuba.RedisSnubaTSDB")
    def test_redis_snuba_range(self) -> None:
        end = before_now(minutes=1)
        assert end.tzinfo is not None

    def test_redis_buffer_flush(self) -> None:
        with self.settings(SENTRY_BUFFER="sentry.buffer.redis.RedisBuffer"):
            assert self.project["id"] > 0

    def test_snuba_search_backend(self) -> None:
        with override_settings(SENTRY_SEARCH="sentry.search.snuba.EventsDatasetSnubaSearchBackend"):
            assert self.organization["slug"] == "baz"
