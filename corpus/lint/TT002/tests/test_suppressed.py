from app.snuba import Dataset  # testtier: ignore[TT002]


def test_dataset_name():
    assert Dataset.EVENTS == "events"
