def test_typo(factories):
    factories.store_event(data={})  # testtier: ignore[TT01]  # expect: TT001 TT004


def test_good_code(factories):
    factories.store_event(data={})  # testtier: ignore[TT001]


def test_mixed(factories):
    factories.store_event(data={})  # testtier: ignore[TT001, XY123]  # expect: TT004
