from app import cycle_a

VALUE = 2
