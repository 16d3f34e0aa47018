#!/usr/bin/env bash
# The Python package as a user installs it: build the wheel with Debian's python3-build and
# setuptools (no network: --no-isolation), install it into a fresh virtual environment with pip,
# and install the checkout with pipx; in each, with no PYTHONPATH, `testtier --version` answers
# and `pytest --testtier-tier=TIER` runs exactly that tier's tests through the installed plugin.
# The program is the one already built in BUILD_DIR (setup.py reuses a configured build).
# Usage: install_wheel.sh BUILD_DIR SOURCE_DIR WORK_DIR
set -euo pipefail
build_dir=$(cd "${1:?usage: install_wheel.sh BUILD_DIR SOURCE_DIR WORK_DIR}" && pwd)
source_dir=$(cd "${2:?}" && pwd) work=${3:?}
python=/usr/bin/python3  # Debian's, with python3-build, python3-setuptools, python3-wheel
unset PYTHONPATH
export TESTTIER_BUILD_DIR="$build_dir" PIP_NO_INDEX=1 PIP_DISABLE_PIP_VERSION_CHECK=1
rm -rf "$work" && mkdir -p "$work"
version=$(sed -n 's/^project(testtier VERSION \([0-9.]*\).*/\1/p' "$source_dir/CMakeLists.txt")

echo "== python3 -m build --wheel --no-isolation"
"$python" -m build --wheel --no-isolation --outdir "$work/dist" "$source_dir" > "$work/build.log" 2>&1 ||
  { cat "$work/build.log"; exit 1; }
wheel=$(ls "$work"/dist/testtier-"$version"-py3-none-*.whl)
echo "built $(basename "$wheel")"
"$python" - "$wheel" <<'PY'
import sys, zipfile
names = zipfile.ZipFile(sys.argv[1]).namelist()
for want in ("testtier/bin/testtier", "testtier/pytest_plugin.py", "testtier/VERSION"):
    assert want in names, f"{want} is not in the wheel: {names}"
entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
text = zipfile.ZipFile(sys.argv[1]).read(entry_points).decode()
assert "[pytest11]" in text and "testtier = testtier.pytest_plugin" in text, text
assert "[console_scripts]" in text and "testtier = testtier.__main__:main" in text, text
print("ok: the wheel holds the program, the plugin and both entry points")
PY

# A project to select tiers in: three tiers, tests of each, a parametrized one.
project="$work/project"
mkdir -p "$project/tests"
cat > "$project/testtier.toml" <<'TOML'
version = 1
[services.postgres]
ports = [5432]
[[signal]]
marker = ["django_db"]
needs = ["postgres"]
[[tier]]
name = "no_services"
provides = []
[[tier]]
name = "postgres_only"
provides = ["postgres"]
[[tier]]
name = "everything"
provides = ["*"]
TOML
printf '[pytest]\nmarkers =\n    django_db: needs the database\n' > "$project/pytest.ini"
cat > "$project/tests/test_tiers.py" <<'PY'
import pytest


def test_pure():
    pass


@pytest.mark.django_db
@pytest.mark.parametrize("n", [1, 2])
def test_database(n):
    pass
PY

# Run pytest in ENV_BIN's environment, on the project, selecting TIER; print the selected ids.
selected() {
  local bin=$1 tier=$2
  (cd "$project" && env -i HOME="$HOME" PATH="$bin:/usr/bin:/bin" "$bin/python" -m pytest -p no:cacheprovider \
    --testtier-tier="$tier" -q --collect-only 2>&1) | grep '::' | sort | tr '\n' ' '
}
check_environment() {
  local label=$1 bin=$2
  local said
  said=$(env -i HOME="$HOME" PATH="$bin:/usr/bin:/bin" testtier --version)
  [ "$said" = "testtier $version" ] || { echo "FAIL: $label: testtier --version said '$said'"; exit 1; }
  local got
  got=$(selected "$bin" postgres_only)
  [ "$got" = "tests/test_tiers.py::test_database[1] tests/test_tiers.py::test_database[2] " ] ||
    { echo "FAIL: $label: --testtier-tier=postgres_only selected: $got"; exit 1; }
  got=$(selected "$bin" no_services)
  [ "$got" = "tests/test_tiers.py::test_pure " ] || { echo "FAIL: $label: no_services selected: $got"; exit 1; }
  [ -d "$project/.testtier_cache" ] ||
    { echo "FAIL: $label: the plugin's classification left no cache"; exit 1; }
  echo "ok: $label: testtier --version, and pytest --testtier-tier selects each tier's tests, no PYTHONPATH"
}

echo "== pip install into a fresh virtual environment"
# --system-site-packages: Debian's pytest, as a project's own environment would hold its pytest.
"$python" -m venv --system-site-packages "$work/venv"
"$work/venv/bin/python" -m pip install --quiet --no-deps "$wheel"
check_environment "pip" "$work/venv/bin"

echo "== pipx install of the checkout"
if ! command -v pipx >/dev/null; then echo "FAIL: pipx is not installed (scripts/bootstrap installs it)"; exit 1; fi
# pipx's own shared environment wants pip, setuptools and wheel: from Debian's wheels, offline.
export PIPX_HOME="$work/pipx" PIPX_BIN_DIR="$work/pipx-bin" PIP_FIND_LINKS=/usr/share/python-wheels
pipx install --system-site-packages --pip-args=--no-build-isolation "$source_dir" > "$work/pipx.log" 2>&1 ||
  { cat "$work/pipx.log"; exit 1; }
said=$("$PIPX_BIN_DIR/testtier" --version)
[ "$said" = "testtier $version" ] || { echo "FAIL: pipx: testtier --version said '$said'"; exit 1; }
echo "ok: pipx: $PIPX_BIN_DIR/testtier --version says '$said'"
