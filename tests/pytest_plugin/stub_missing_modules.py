"""pytest plugin for the plugin's test: stand-ins for third-party modules the sample corpus imports.

corpus/sentry-like is a Sentry-shaped repository, not a working one: its tests import Django,
Django REST framework, redis and the like, which the test machine does not have. Loaded with
`-p stub_missing_modules`, this makes those modules (STAND_INS, and what is under them) importable
as stand-ins when they are not installed, so that pytest collects the corpus's test files and the testtier plugin's selection can be
checked test for test. A stand-in's CamelCase names ending in "Case" are unittest.TestCase
subclasses (as Django's test cases are); its other names are callables that return their
argument when used as a decorator.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys
import types
import unittest


class StandIn:
    def __init__(self, *args, **kwargs):
        pass

    def __call__(self, *args, **kwargs):
        return args[0] if len(args) == 1 and callable(args[0]) and not kwargs else StandIn()

    def __getattr__(self, name):
        return StandIn()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


class StandInModule(types.ModuleType):
    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        value = type(name, (unittest.TestCase,), {}) if name[:1].isupper() and name.endswith("Case") else StandIn
        setattr(self, name, value)
        return value


# The third-party modules the corpus imports. Not every missing module: the corpus also imports
# one inside `try: ... except ImportError:` on purpose, and that must stay missing.
STAND_INS = {"django", "rest_framework", "redis", "rediscluster", "confluent_kafka"}


class StandInFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Last on sys.meta_path: answers only for STAND_INS that no other finder found."""

    def find_spec(self, name, path, target=None):
        if name.partition(".")[0] not in STAND_INS:
            return None
        return importlib.machinery.ModuleSpec(name, self, is_package=True)

    def create_module(self, spec):
        module = StandInModule(spec.name)
        module.__path__ = []
        return module

    def exec_module(self, module):
        pass


sys.meta_path.append(StandInFinder())
