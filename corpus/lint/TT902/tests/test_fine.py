# -*- coding: latin-1 -*-
GREETING = "caf"


def test_fine():
    assert GREETING
