import pytest

pytestmark = [pytest.mark.snuba]  # testtier: ignore[TT003]


def test_parse_interval():
    assert 60 * 60 == 3600
