"""Where the bundled ``testtier`` program is, and the package's version."""

from __future__ import annotations

import shutil
from pathlib import Path

_BUNDLED = Path(__file__).resolve().parent / "bin" / "testtier"
_VERSION_FILE = Path(__file__).resolve().parent / "VERSION"


def binary_path() -> str:
    """Return the bundled program, else ``testtier`` on PATH (a source checkout on PYTHONPATH)."""
    if _BUNDLED.is_file():
        return str(_BUNDLED)
    found = shutil.which("testtier")
    if found is None or _is_script(found):  # a script is this package's own launcher: it would loop
        raise FileNotFoundError("testtier: the program is neither bundled with this package nor on PATH")
    return found


def _is_script(path: str) -> bool:
    with open(path, "rb") as program:
        return program.read(2) == b"#!"


def version() -> str:
    """Return the version the package was built as ("0+unknown" in a source checkout)."""
    try:
        return _VERSION_FILE.read_text(encoding="utf-8").strip()
    except OSError:
        return "0+unknown"
