"""Test helpers, re-exported so tests can write `from sentry.testutils.helpers import ...`."""

from .datetime import before_now  # noqa: F401
from .options import *  # noqa: F401,F403
