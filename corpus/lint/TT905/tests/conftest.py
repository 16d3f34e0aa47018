import pytest


@pytest.fixture
def first(second):
    return second


@pytest.fixture
def second(first):  # expect: TT905
    return first


@pytest.fixture
def standalone():
    return 1
