def test_on_the_line(factories):
    factories.store_event(data={})  # testtier: ignore[TT001]


def test_on_the_def(factories):  # testtier: ignore[TT001]
    event = {}
    factories.store_event(data=event)


class TestEvents:  # testtier: ignore
    def test_in_a_class(self, factories):
        factories.store_event(data={})


def test_other_code_does_not_silence(factories):
    factories.store_event(data={})  # testtier: ignore[TT002]  # expect: TT001
