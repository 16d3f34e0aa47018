"""Root conftest: make `src/` importable and load Sentry's pytest plugin."""

import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "src"))

pytest_plugins = ["sentry.testutils.pytest"]
