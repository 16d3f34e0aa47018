import pytest

requires_snuba = pytest.mark.usefixtures("_requires_snuba")
