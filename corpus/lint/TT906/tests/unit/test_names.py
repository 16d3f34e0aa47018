# Every name of the shared rules appears here, so that only the mistakes are reported.
import pytest

from app.cases import SnubaTestCase


@pytest.mark.snuba  # testtier: ignore[TT003]
def test_marked():
    pass


@pytest.mark.django_db
def test_database(_requires_snuba):
    pass


class TestEvents(SnubaTestCase):
    def test_query(self):
        pass
