def test_cycle(first):
    assert first


def test_no_cycle(standalone):
    assert standalone
