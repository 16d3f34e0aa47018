class TestCase:
    pass


class SnubaTestCase(TestCase):
    pass
