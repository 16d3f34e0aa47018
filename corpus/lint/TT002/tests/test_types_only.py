from app.snuba import Dataset  # expect: TT002


def test_dataset_name():
    assert Dataset.EVENTS == "events"
