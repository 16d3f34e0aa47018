"""Snuba query building (only the types tests import live here)."""
