from app.cycle_a import VALUE


def test_value():
    assert VALUE == 1
