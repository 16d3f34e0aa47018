from .models import Thing


def get_thing():
    return Thing()
