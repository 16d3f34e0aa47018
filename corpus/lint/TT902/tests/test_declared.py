# -*- coding: latin-1 -*-
GREETING = "café"


def test_declared_encoding():
    assert GREETING
