# no coding declaration
GREETING = "café"  # expect: TT902


def test_greeting():
    assert GREETING
