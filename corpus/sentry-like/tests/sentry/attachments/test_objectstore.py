from __future__ import annotations

import pytest

from sentry.testutils.cases import TestCase


class ObjectstoreMixin:
    @pytest.fixture(autouse=True)
    def _objectstore_bucket(self, _requires_objectstore) -> None:
        self.bucket = f"attachments-{type(self).__name__.lower()}"
        self.blobs: dict[str, bytes] = {}


class AttachmentBlobTest(ObjectstoreMixin, TestCase):
    def put(self, data: bytes) -> str:
        key = f"{self.bucket}/{len(self.blobs)}"
        self.blobs[key] = data
        return key

    def test_put_and_get(self) -> None:
        key = self.put(b"minidump")
        assert self.blobs[key] == b"minidump"
