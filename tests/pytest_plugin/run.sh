#!/usr/bin/env bash
# Run the pytest plugin on a small project classified by the real testtier: each tier selects
# exactly its tests, parametrized ids fold onto their function, unknown tiers are refused.
# Exits 77 (CTest: skipped) with a message when python3-pytest is not installed.
# Usage: run.sh TESTTIER SOURCE_DIR WORK_DIR
set -euo pipefail
testtier=${1:?usage: run.sh TESTTIER SOURCE_DIR WORK_DIR} source_dir=${2:?} work=${3:?}
# Debian's python3 (with python3-pytest), even where another python3 comes first on PATH.
python=/usr/bin/python3
[ -x "$python" ] || python=python3
if ! "$python" -c "import pytest" 2>/dev/null; then
  echo "SKIPPED: python3-pytest is not installed (scripts/bootstrap installs it); the plugin was not tested"
  exit 77
fi
rm -rf "$work" && mkdir -p "$work/project/tests"
cd "$work/project"
cat > testtier.toml <<'TOML'
version = 1
[project]
test_files = ["tests/test_*.py"]
[services.postgres]
ports = [5432]
[services.snuba]
ports = [1218]
[[signal]]
marker = ["django_db"]
needs = ["postgres"]
[[signal]]
marker = ["snuba"]
needs = ["snuba"]
[[tier]]
name = "no_services"
provides = []
[[tier]]
name = "postgres_only"
provides = ["postgres"]
[[tier]]
name = "snuba_tier"
provides = ["*"]
TOML
cat > pytest.ini <<'INI'
[pytest]
markers =
    django_db: needs the database
    snuba: needs snuba
INI
cat > tests/test_mixed.py <<'PY'
import pytest


def test_pure():
    assert True


@pytest.mark.django_db
def test_database():
    assert True


@pytest.mark.django_db
@pytest.mark.parametrize("n", [1, 2, 3])
def test_database_parametrized(n):
    assert n


@pytest.mark.snuba
class TestSnuba:
    def test_query(self):
        assert True
PY
"$testtier" classify --quiet --no-cache -o classification.json .
run() {
  PYTHONPATH="$source_dir/examples/pytest_plugin" "$python" -m pytest -p pytest_testtier -p no:cacheprovider \
    --testtier-json=classification.json -q --collect-only "$@" 2>&1
}
expect_selected() {
  local tier=$1; shift
  local got
  got=$(run --testtier-tier="$tier" | grep '::' | sort | tr '\n' ' ')
  local want
  want=$(printf '%s\n' "$@" | sort | tr '\n' ' ')
  if [ "$got" != "$want" ]; then
    echo "tier $tier: selected [$got], expected [$want]" >&2
    exit 1
  fi
}
expect_selected no_services tests/test_mixed.py::test_pure
expect_selected postgres_only tests/test_mixed.py::test_database \
  "tests/test_mixed.py::test_database_parametrized[1]" "tests/test_mixed.py::test_database_parametrized[2]" \
  "tests/test_mixed.py::test_database_parametrized[3]"
expect_selected snuba_tier tests/test_mixed.py::TestSnuba::test_query
refused=$(run --testtier-tier=nope || true)
if ! grep -q "unknown tier nope" <<<"$refused"; then
  echo "an unknown tier was not refused: $refused" >&2
  exit 1
fi
# Without the option, the plugin changes nothing.
all=$(PYTHONPATH="$source_dir/examples/pytest_plugin" "$python" -m pytest -p pytest_testtier -p no:cacheprovider -q --collect-only 2>&1 | grep -c '::')
[ "$all" = 6 ] || { echo "without --testtier-tier, $all tests were collected instead of 6" >&2; exit 1; }
echo "pytest plugin: every tier selects exactly its tests"
