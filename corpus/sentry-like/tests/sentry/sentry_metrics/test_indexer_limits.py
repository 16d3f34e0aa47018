from __future__ import annotations

import pytest as pt
from pytest import mark

from sentry.testutils.pytest.fixtures import django_db_all


@pt.fixture
def tag_limits() -> dict[str, int]:
    return {"max_tag_keys": 10, "max_tag_values": 100}


def test_limits_are_positive(tag_limits: dict[str, int]) -> None:
    assert all(value > 0 for value in tag_limits.values())


@mark.django_db
def test_limits_stored_per_org(tag_limits: dict[str, int]) -> None:
    assert tag_limits["max_tag_keys"] < tag_limits["max_tag_values"]


@pt.mark.sentry_metrics
@django_db_all
def test_indexer_rejects_over_limit(tag_limits: dict[str, int]) -> None:
    over = tag_limits["max_tag_keys"] + 1
    assert over > tag_limits["max_tag_keys"]
