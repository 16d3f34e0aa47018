from __future__ import annotations

from sentry.testutils.cases import TestCase
from sentry.testutils.skips import requires_snuba


@requires_snuba
class EventFrequencyConditionTest(TestCase):
    interval = "1h"

    def passes(self, value: int, threshold: int) -> bool:
        return value > threshold

    def test_one_hour_above_threshold(self) -> None:
        assert self.passes(value=10, threshold=5)

    def test_one_hour_below_threshold(self) -> None:
        assert not self.passes(value=1, threshold=5)


class EventUniqueUserFrequencyConditionTest(EventFrequencyConditionTest):
    def test_counts_distinct_users(self) -> None:
        assert len({"a", "b", "a"}) == 2


class FrequencyIntervalParsingTest(TestCase):
    def test_parse_interval(self) -> None:
        assert int("1h".rstrip("h")) == 1
