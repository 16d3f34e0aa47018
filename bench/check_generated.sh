#!/usr/bin/env bash
# Classify a generated corpus and check that the file tiers equal the ones the generator intended
# (it records them in .generator.json): the classifier against an answer written independently.
# Also check that one thread and four give the same classification, every per-test reason included.
# Usage: check_generated.sh TESTTIER SOURCE_DIR WORK_DIR [SCALE]
set -euo pipefail
testtier=${1:?usage: check_generated.sh TESTTIER SOURCE_DIR WORK_DIR [SCALE]} source_dir=${2:?} work=${3:?}
scale=${4:-0.1}
python3 "$source_dir/bench/generate_corpus.py" --scale "$scale" "$work" >/dev/null
"$testtier" classify --quiet --no-cache -o "$work.json" "$work"
"$testtier" classify --quiet --no-cache --test-reasons -j 1 -o "$work.j1.json" "$work"
"$testtier" classify --quiet --no-cache --test-reasons -j 4 -o "$work.j4.json" "$work"
cmp "$work.j1.json" "$work.j4.json" || { echo "check_generated.sh: -j 1 and -j 4 classify differently" >&2; exit 1; }
python3 - "$work/.generator.json" "$work.json" <<'PY'
import json, sys
intended = json.load(open(sys.argv[1]))["intended_file_tiers"]
got = json.load(open(sys.argv[2]))["summary"]["file_tier_counts"]
intended = {tier: n for tier, n in intended.items() if n}
if intended != got:
    sys.exit(f"file tiers: classified {got}, generator intended {intended}")
print(f"file tiers as intended: {got}")
PY
