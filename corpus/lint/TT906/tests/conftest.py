import pytest


@pytest.fixture
def _requires_snuba():
    yield
