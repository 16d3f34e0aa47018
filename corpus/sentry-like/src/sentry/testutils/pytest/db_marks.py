"""Database marks in the shapes recent Sentry versions write them (hand-written, not copied).

`django_db_all` here is the function form: bare (`@django_db_all`) it marks the test at once;
called with options (`@django_db_all(transaction=True)`) it returns a partial of itself, which
then marks the test.
"""

from __future__ import annotations

import functools
from functools import partial

import pytest

try:
    from pytest_sentry_extras import snuba_marker  # not installed: the except branch binds it
except ImportError:
    snuba_marker = pytest.mark.snuba


def django_db_all(func=None, *, transaction=None, reset_sequences=None, databases="__all__"):
    if func is None:
        return functools.partial(
            django_db_all, transaction=transaction, reset_sequences=reset_sequences, databases=databases
        )
    return pytest.mark.django_db(
        transaction=transaction, reset_sequences=reset_sequences, databases=databases
    )(func)


db_transaction = partial(pytest.mark.django_db, transaction=True, databases="__all__")
