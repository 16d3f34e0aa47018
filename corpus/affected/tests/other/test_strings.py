from app.utils import strings


def test_shout():
    assert strings.shout("a") == "A"
