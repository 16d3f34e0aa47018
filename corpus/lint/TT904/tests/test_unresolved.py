from app.cases import TestCase


class ThingTest(MissingBase):  # expect: TT904
    def test_thing(self):
        pass


class OtherTest(TestCase):
    def test_other(self):
        pass
