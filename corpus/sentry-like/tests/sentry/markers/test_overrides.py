import pytest

from sentry.testutils.compat import SnubaTestCase, TestCase


class AnyFloat(float):
    """Compares equal to any float: a builtin base, which resolves (no TT904)."""

    def __eq__(self, other):
        return isinstance(other, float)


@pytest.fixture
def kafka_admin(kafka_admin):
    """Overrides the conftest's `kafka_admin` and requests it: that one needs Kafka."""
    return kafka_admin


def test_overridden_fixture(kafka_admin):
    assert kafka_admin is not None


def test_any_float():
    assert AnyFloat() == 1.5


class CompatSnubaTest(TestCase, SnubaTestCase):
    def test_star_reexport(self):
        assert True
