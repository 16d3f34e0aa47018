import pytest

pytestmark = [pytest.mark.snuba]  # expect: TT003


def test_parse_interval():
    assert 60 * 60 == 3600
