def test_before_the_error():
    assert True


VALUES = [1, 2,  # expect: TT901


def test_after_the_error():
    assert True
