from app.utils.strings import shout


class Thing:
    def name(self):
        return shout("thing")
