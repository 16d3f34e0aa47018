import pytest

from app.snuba import raw_query

pytestmark = [pytest.mark.snuba]


def test_query():
    assert raw_query(dataset="events")
