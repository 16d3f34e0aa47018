"""``testtier`` and ``python -m testtier``: run the bundled program with the same arguments."""

from __future__ import annotations

import os
import sys

from testtier._binary import binary_path


def main() -> None:
    program = binary_path()
    # exec, not a child process: signals, exit status and the terminal are the program's own.
    os.execv(program, [program, *sys.argv[1:]])


if __name__ == "__main__":
    main()
