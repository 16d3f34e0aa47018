"""Build the testtier program with CMake (scripts/build) and bundle it into the Python package.

pip install --no-build-isolation .   and   pipx install . --pip-args=--no-build-isolation
run this through setuptools. The program is built into build/wheel/ (TESTTIER_BUILD_DIR to
reuse a configured build, as the test suite does) with only the targets it needs; ccache keeps a
rebuild cheap. The wheel holds a native program linked against Debian's shared libraries (TBB,
fmt, jemalloc, pugixml): it runs where they are installed (scripts/bootstrap installs them).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

from setuptools import Distribution, setup
from setuptools.command.build_py import build_py

try:
    from wheel.bdist_wheel import bdist_wheel
except ImportError:  # building an sdist only
    bdist_wheel = None

SOURCE = Path(__file__).resolve().parent


def cmake_version() -> str:
    """Return the version in CMakeLists.txt's project() call: one version for program and package."""
    text = (SOURCE / "CMakeLists.txt").read_text(encoding="utf-8")
    found = re.search(r"project\(testtier VERSION ([0-9.]+)", text)
    if not found:
        raise RuntimeError("CMakeLists.txt: no `project(testtier VERSION ...)`")
    return found.group(1)


def build_program() -> Path:
    """Build the testtier program and return its path."""
    build_dir = Path(os.environ.get("TESTTIER_BUILD_DIR", SOURCE / "build" / "wheel")).resolve()
    if (build_dir / "CMakeCache.txt").is_file():  # configured already (by scripts/build, say): bring it up to date
        print(f"testtier: building the program in {build_dir}", flush=True)
        subprocess.run(["cmake", "--build", str(build_dir), "--target", "testtier_cli"], check=True)
    else:
        env = dict(os.environ, TESTTIER_BUILD_DIR=str(build_dir), TESTTIER_BUILD_TARGETS="testtier_cli",
                   TESTTIER_BOOTSTRAP="build")  # the program's packages, not the test suite's
        env.setdefault("TESTTIER_BUILD_TYPE", "Release")
        print(f"testtier: building the program into {build_dir} (scripts/build: Debian packages, npm, CMake)",
              flush=True)
        subprocess.run([str(SOURCE / "scripts" / "build")], check=True, env=env, cwd=SOURCE)
    program = build_dir / "cli" / "testtier"
    if not program.is_file():
        raise RuntimeError(f"scripts/build did not make {program}")
    return program


class BuildWithProgram(build_py):
    """build_py, then the program and the version file into the package."""

    def run(self) -> None:
        super().run()
        package = Path(self.build_lib) / "testtier"
        (package / "bin").mkdir(parents=True, exist_ok=True)
        program = package / "bin" / "testtier"
        shutil.copy2(build_program(), program)
        if shutil.which("strip"):  # debug information is most of a RelWithDebInfo build's size
            subprocess.run(["strip", "--strip-debug", str(program)], check=True)
        (package / "VERSION").write_text(cmake_version() + "\n", encoding="utf-8")


class NativeDistribution(Distribution):
    """A distribution holding native code: installed to platlib, its wheel tagged for the platform."""

    def has_ext_modules(self) -> bool:
        return True


commands = {"build_py": BuildWithProgram}
if bdist_wheel is not None:

    class PlatformWheel(bdist_wheel):
        """A wheel for this platform (it holds a native program), for any Python 3."""

        def get_tag(self) -> tuple[str, str, str]:
            _, _, platform = super().get_tag()
            return "py3", "none", platform

    commands["bdist_wheel"] = PlatformWheel

# setuptools' own files go under build/ beside CMake's build trees, not into python/ or build/lib.
(SOURCE / "build" / "setuptools").mkdir(parents=True, exist_ok=True)
setup(version=cmake_version(), cmdclass=commands, distclass=NativeDistribution,
      options={"build": {"build_base": "build/setuptools"}, "egg_info": {"egg_base": "build/setuptools"}})
