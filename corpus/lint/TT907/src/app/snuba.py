class Dataset:
    EVENTS = "events"


def raw_query(**kwargs):
    return kwargs
