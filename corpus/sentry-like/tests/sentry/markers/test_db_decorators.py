from sentry.testutils.pytest.db_marks import db_transaction, django_db_all, snuba_marker
from sentry.testutils.skips import requires_snuba


def with_snuba_guard(func):
    """A local wrapper: applies the Snuba guard mark to what it decorates."""
    return requires_snuba(func)


@django_db_all
def test_bare_function_decorator():
    assert True


@django_db_all(transaction=True)
def test_called_function_decorator():
    assert True


@db_transaction()
def test_partial_alias():
    assert True


@with_snuba_guard
def test_local_wrapper():
    assert True


@snuba_marker
def test_try_except_alias():
    assert True


def test_undecorated():
    assert True
