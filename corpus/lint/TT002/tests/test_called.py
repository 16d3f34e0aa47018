from app import snuba  # expect: TT002


def test_query():
    assert snuba.raw_query(dataset="events")
