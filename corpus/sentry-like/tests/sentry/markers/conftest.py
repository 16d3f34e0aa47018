import pytest


@pytest.fixture
def kafka_admin(_requires_kafka):
    return object()
