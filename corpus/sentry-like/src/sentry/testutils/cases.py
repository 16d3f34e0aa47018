"""Base classes for Sentry's tests (a small made-up subset of the real module)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import TestCase as DjangoTestCase
from django.test import TransactionTestCase as DjangoTransactionTestCase
from rest_framework.test import APITestCase as BaseAPITestCase

from sentry.testutils.fixtures import Fixtures
from sentry.testutils.helpers.datetime import before_now


class BaseTestCase(Fixtures):
    def login_as(self, user: Any, superuser: bool = False) -> None:
        self.logged_in_user = user
        self.is_superuser = superuser


class TestCase(BaseTestCase, DjangoTestCase):
    pass


class TransactionTestCase(BaseTestCase, DjangoTransactionTestCase):
    pass


class APITestCase(BaseTestCase, BaseAPITestCase):
    endpoint: str
    method = "get"

    def get_success_response(self, *args: Any, **params: Any) -> dict[str, Any]:
        status_code = params.pop("status_code", 200)
        return {"status_code": status_code, "args": args, "params": params}


class SnubaTestCase(BaseTestCase):
    """Tests that write to and read from Snuba; each one starts from empty Snuba tables."""

    @pytest.fixture(autouse=True)
    def initialize(self, reset_snuba, call_snuba):
        self.init_snuba()

    def init_snuba(self) -> None:
        self.snuba_start = before_now(minutes=5)
