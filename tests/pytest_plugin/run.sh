#!/usr/bin/env bash
# The pytest plugin (python/testtier/pytest_plugin.py) under Debian's pytest, on a small project
# the real testtier classifies, and on the sample corpus:
#  - each tier selects exactly its tests, parametrized ids fold onto their function, an unknown
#    tier is refused; without an option the plugin changes nothing;
#  - the plugin classifies by itself (through testtier's cache) when --testtier-json is not given;
#  - tier order is the classification's `tiers` list: a test generated at run time goes to the
#    last tier, even when that tier has no classified tests, with a warning, and never elsewhere;
#  - --testtier-shard=K/N runs the shards `testtier plan` makes: disjoint, together the tier;
#  - --testtier-report names a test that connected to a service port its tier does not start.
# Usage: run.sh TESTTIER SOURCE_DIR WORK_DIR
set -euo pipefail
testtier=${1:?usage: run.sh TESTTIER SOURCE_DIR WORK_DIR} source_dir=${2:?} work=${3:?}
testtier=$(cd "$(dirname "$testtier")" && pwd)/$(basename "$testtier")
python=/usr/bin/python3  # Debian's, with python3-pytest, even where another python3 comes first on PATH
"$python" -c "import pytest" || { echo "FAIL: Debian's python3-pytest is missing (scripts/bootstrap installs it)"; exit 1; }
fail() { echo "FAIL: $*" >&2; exit 1; }
rm -rf "$work" && mkdir -p "$work/project/tests"
cd "$work/project"
cat > testtier.toml <<'TOML'
version = 1
[project]
test_files = ["tests/test_*.py"]
[services.postgres]
ports = [5432]
[services.redis]
ports = [REDIS_PORT]
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
provides = ["postgres", "snuba"]
[[tier]]
name = "everything"
provides = ["*"]
TOML
# A port nothing listens on: the report test's connection is refused, and still recorded.
redis_port=$("$python" -c "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])")
sed -i "s/REDIS_PORT/$redis_port/" testtier.toml
cat > pytest.ini <<'INI'
[pytest]
markers =
    django_db: needs the database
    snuba: needs snuba
INI
cat > tests/test_mixed.py <<PY
import socket

import pytest


def test_pure():
    assert True


def test_touches_redis():
    with socket.socket() as s:
        s.settimeout(1)
        s.connect_ex(("127.0.0.1", $redis_port))


@pytest.mark.django_db
def test_database():
    assert True


@pytest.mark.django_db
@pytest.mark.parametrize("n", [1, 2, 3])
def test_database_parametrized(n):
    assert n


@pytest.mark.django_db
@pytest.mark.parametrize("n", range(8))
def test_many(n):
    assert n >= 0


@pytest.mark.snuba
class TestSnuba:
    def test_query(self):
        assert True


def _generated(self):
    assert True


# Made at import time: no static reading can know this test.
TestGenerated = type("TestGenerated", (), {"test_made_at_run_time": _generated})
PY
"$testtier" classify --quiet -o classification.json .

pytest_run() {
  PYTHONPATH="$source_dir/python" "$python" -m pytest -p testtier.pytest_plugin -p no:cacheprovider \
    -q -W error::pytest.PytestUnknownMarkWarning "$@" 2>&1
}
collected() { pytest_run --collect-only "$@" | grep '::' | sort | tr '\n' ' '; }
expect() {  # expect WHAT GOT WANT...
  local what=$1 got=$2; shift 2
  local want
  want=$(printf '%s\n' "$@" | sort | tr '\n' ' ')
  [ "$got" = "$want" ] || fail "$what: selected [$got], expected [$want]"
}
many=()
for n in 0 1 2 3 4 5 6 7; do many+=("tests/test_mixed.py::test_many[$n]"); done
postgres=(tests/test_mixed.py::test_database "tests/test_mixed.py::test_database_parametrized[1]"
  "tests/test_mixed.py::test_database_parametrized[2]" "tests/test_mixed.py::test_database_parametrized[3]"
  "${many[@]}")

json=(--testtier-json=classification.json)
expect "no_services" "$(collected "${json[@]}" --testtier-tier=no_services)" \
  tests/test_mixed.py::test_pure tests/test_mixed.py::test_touches_redis
expect "postgres_only" "$(collected "${json[@]}" --testtier-tier=postgres_only)" "${postgres[@]}"
expect "snuba_tier" "$(collected "${json[@]}" --testtier-tier=snuba_tier)" tests/test_mixed.py::TestSnuba::test_query
# `everything` holds no classified test: only the generated one, which goes there and nowhere else.
expect "everything" "$(collected "${json[@]}" --testtier-tier=everything)" \
  tests/test_mixed.py::TestGenerated::test_made_at_run_time
warned=$(pytest_run "${json[@]}" --testtier-tier=everything)
grep -q "not in the classification; it runs in the last tier (everything)" <<<"$warned" ||
  fail "no warning for the generated test: $warned"
echo "ok: each tier selects its tests; a test unknown to the classification runs in the last tier only, warned"

refused=$(pytest_run "${json[@]}" --testtier-tier=nope || true)
grep -q "no tier nope; the classification has no_services, postgres_only, snuba_tier, everything" <<<"$refused" ||
  fail "an unknown tier was not refused: $refused"
all=$(PYTHONPATH="$source_dir/python" "$python" -m pytest -p testtier.pytest_plugin -p no:cacheprovider -q \
  --collect-only 2>&1 | grep -c '::')
[ "$all" = 16 ] || fail "without --testtier-tier, $all tests were collected instead of 16"
echo "ok: an unknown tier is refused; without options the plugin changes nothing"

# Classifying by itself: the installed program (here: --testtier-bin), through the cache.
rm -rf .testtier_cache
expect "self-classified postgres_only" \
  "$(collected --testtier-bin="$testtier" --testtier-tier=postgres_only)" "${postgres[@]}"
[ -d .testtier_cache ] || fail "the plugin's classification left no cache"
expect "self-classified, warm" "$(collected --testtier-bin="$testtier" --testtier-tier=postgres_only)" "${postgres[@]}"
echo "ok: without --testtier-json the plugin classifies the rootdir itself, cold then warm"

# Shards: K/N of a tier, as `testtier plan` makes them; disjoint, and together the tier.
"$testtier" plan --quiet --shards postgres_only=3 --format json -o plan.json .
union=""
for k in 1 2 3; do
  shard=$(collected "${json[@]}" --testtier-plan=plan.json --testtier-tier=postgres_only --testtier-shard=$k/3)
  [ -n "$shard" ] || fail "shard $k/3 is empty"
  planned=$("$python" -c "
import json, sys
plan = json.load(open('plan.json'))
print(' '.join(sorted(t for s in plan['shards'] if s['tier'] == 'postgres_only' and s['shard'] == $k for t in s['tests'])))")
  for id in $shard; do
    grep -qw -- "${id%%\[*}" <<<"$planned" || fail "shard $k/3 ran $id, which the plan put elsewhere"
  done
  union+="$shard"
done
expect "shards 1-3 of 3 together" "$(tr ' ' '\n' <<<"$union" | grep . | sort | tr '\n' ' ')" "${postgres[@]}"
expect "shard 2/3 planned by the plugin itself" \
  "$(collected --testtier-bin="$testtier" --testtier-tier=postgres_only --testtier-shard=2/3)" \
  $(collected "${json[@]}" --testtier-plan=plan.json --testtier-tier=postgres_only --testtier-shard=2/3)
mismatch=$(pytest_run "${json[@]}" --testtier-plan=plan.json --testtier-tier=postgres_only --testtier-shard=1/2 || true)
grep -q "the plan splits postgres_only into 3 shards" <<<"$mismatch" || fail "a plan for 3 shards ran as 2: $mismatch"
bad=$(pytest_run "${json[@]}" --testtier-tier=postgres_only --testtier-shard=4/3 || true)
grep -q "expected K/N with 1 <= K <= N" <<<"$bad" || fail "--testtier-shard=4/3 was not refused: $bad"
echo "ok: --testtier-shard=K/N runs the plan's shard K; the shards are disjoint and make the tier"

# The run-time report: test_touches_redis is in no_services, which starts no redis.
report=$(pytest_run "${json[@]}" --testtier-tier=no_services --testtier-report)
grep -q "tests/test_mixed.py::test_touches_redis: redis (port $redis_port); tier no_services starts nothing" \
  <<<"$report" || fail "the report did not name the redis connection: $report"
grep -q "1 connection to a service the test's tier does not start" <<<"$report" || fail "report count: $report"
clean=$(pytest_run "${json[@]}" --testtier-tier=postgres_only --testtier-report)
grep -q "each touched only services its tier starts" <<<"$clean" || fail "a clean run's report: $clean"
echo "ok: --testtier-report names the test that touched a service its tier does not start"

# The sample corpus: the plugin's selection is the classification's tier, test for test. The
# corpus imports Django and others that are not installed here: stub_missing_modules stands in.
cp -r "$source_dir/corpus/sentry-like" "$work/sentry-like"
cd "$work/sentry-like"
"$testtier" classify --quiet -o "$work/sentry-like.json" .
for tier in no_services postgres_only other_services snuba_tier; do
  PYTHONPATH="$source_dir/python:$source_dir/tests/pytest_plugin" "$python" -m pytest -p stub_missing_modules \
    -p testtier.pytest_plugin -p no:cacheprovider -q --collect-only --continue-on-collection-errors \
    --testtier-json="$work/sentry-like.json" --testtier-tier=$tier > "$work/collected-$tier.txt" 2>&1 || true
done
"$python" - "$work" <<'PY'
import json, re, sys
work = sys.argv[1]
document = json.load(open(f"{work}/sentry-like.json"))
for tier in ["no_services", "postgres_only", "other_services", "snuba_tier"]:
    text = open(f"{work}/collected-{tier}.txt").read()
    got = {re.sub(r"\[.*", "", line) for line in text.splitlines() if "::" in line and not line.startswith("ERROR")}
    broken = set(re.findall(r"^ERROR (\S+)", text, re.M))  # files Python cannot import (syntax, encoding)
    want = {t["id"] for f in document["files"] for t in f["tests"] if t["tier"] == tier}
    expected = {test for test in want if test.split("::")[0] not in broken}
    if got != expected:
        sys.exit(f"FAIL: sample corpus, {tier}: selected {sorted(got - expected)} too many, "
                 f"{sorted(expected - got)} missing")
    print(f"ok: sample corpus, {tier}: {len(got)} tests selected, exactly the classification's "
          f"({len(want) - len(expected)} more in files Python cannot import: {', '.join(sorted(broken))})")
PY
