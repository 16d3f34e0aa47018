from __future__ import annotations

import json
import unittest


class JSONRoundTripChecks(unittest.TestCase):
    def test_round_trip(self) -> None:
        assert json.loads(json.dumps({"a": [1, 2]})) == {"a": [1, 2]}

    def test_sorted_keys(self) -> None:
        assert json.dumps({"b": 1, "a": 2}, sort_keys=True) == '{"a": 2, "b": 1}'


class TestPayload:
    """Named like a test class, but pytest does not collect a class that has __init__."""

    def __init__(self, body: dict) -> None:
        self.body = body

    def test_encodes(self) -> bool:
        return bool(json.dumps(self.body))


def test_payload_helper() -> None:
    assert TestPayload({"a": 1}).test_encodes()
