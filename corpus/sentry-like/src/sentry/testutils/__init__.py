"""Helpers for Sentry's own tests."""
