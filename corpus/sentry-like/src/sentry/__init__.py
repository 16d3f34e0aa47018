"""A small Sentry-shaped package for testtier's corpus, written for it."""

__version__ = "0.0.0.dev0"
