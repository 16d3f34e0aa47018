"""testtier: which external services each pytest test needs, read statically.

This package carries the ``testtier`` program (a native binary, built with CMake when the package
is built) and a pytest plugin, registered through the ``pytest11`` entry point, that selects the
tests of one tier and shard (``pytest --testtier-tier=postgres_only --testtier-shard=1/4``).
"""

from testtier._binary import binary_path, version

__all__ = ["binary_path", "version"]
__version__ = version()
