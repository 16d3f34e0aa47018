"""Old import paths kept working: everything of django.test, then Sentry's own cases.

The first star import names a module outside the repository, which may or may not define a
name; it must not hide the Sentry classes the second one defines.
"""

from django.test import *  # noqa: F401,F403
from sentry.testutils.cases import *  # noqa: F401,F403
