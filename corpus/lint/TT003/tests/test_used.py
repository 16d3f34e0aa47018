import pytest

pytestmark = [pytest.mark.snuba]


def test_store(factories):
    factories.store_event(data={})
