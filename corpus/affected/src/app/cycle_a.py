from app import cycle_b

VALUE = 1
