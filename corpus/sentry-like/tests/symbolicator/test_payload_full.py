from __future__ import annotations

import pytest

from sentry.testutils.cases import TransactionTestCase
from sentry.testutils.skips import requires_symbolicator

pytestmark = [requires_symbolicator]


@pytest.mark.symbolicator
class SymbolicatorResolvingIntegrationTest(TransactionTestCase):
    def symbolicate(self, frames: list[dict]) -> list[dict]:
        return [{"status": "missing", **frame} for frame in frames]

    def test_missing_debug_file(self) -> None:
        frames = self.symbolicate([{"instruction_addr": "0x1000"}])
        assert frames[0]["status"] == "missing"

    def test_empty_stacktrace(self) -> None:
        assert self.symbolicate([]) == []
