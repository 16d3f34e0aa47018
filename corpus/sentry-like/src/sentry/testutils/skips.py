"""Marks that make a test request a service guard fixture.

The guards themselves live in sentry.testutils.pytest.fixtures; they fail fast when the service
is not listening.
"""

import pytest

requires_snuba = pytest.mark.usefixtures("_requires_snuba")
requires_kafka = pytest.mark.usefixtures("_requires_kafka")
requires_symbolicator = pytest.mark.usefixtures("_requires_symbolicator")
requires_objectstore = pytest.mark.usefixtures("_requires_objectstore")
