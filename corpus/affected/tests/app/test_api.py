from app.api import get_thing


def test_get_thing():
    assert get_thing()
