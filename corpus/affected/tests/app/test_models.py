from app.models import Thing


def test_name():
    assert Thing().name() == "THING"


def test_other():
    assert True
