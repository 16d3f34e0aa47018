import pytest

from app.cases import SnubaTestCase
from app.skips import requires_snuba

pytestmark = [requires_snuba]


def test_stores_an_event(factories):
    factories.store_event(data={})


class EventsTest(SnubaTestCase):
    def test_store(self):
        self.store_event(data={})


@pytest.mark.snuba
def test_marked(factories):
    factories.store_event(data={})
