"""Sentry's pytest plugin: the root conftest loads it, and it loads the modules below."""

pytest_plugins = [
    "sentry.testutils.pytest.fixtures",
]
