#!/usr/bin/env bash
# Check lint_to_sarif() with Microsoft's SARIF Multitool: write a sample log, validate it against
# the SARIF 2.1.0 schema and the validator's rules, and fail on any error or warning. First make
# sure the check can fail: a broken log must be reported. Fails (never skips) without npm.
# Usage: validate.sh WRITE_SAMPLE_SARIF TESTTIER SOURCE_DIR TOOLS_DIR WORK_DIR
set -euo pipefail

writer=${1:?usage: validate.sh WRITE_SAMPLE_SARIF TESTTIER SOURCE_DIR TOOLS_DIR WORK_DIR}
testtier=${2:?} source_dir=${3:?} tools_dir=${4:?} work=${5:?}
here="$source_dir/tests/sarif"

tool=$("$source_dir/scripts/fetch-sarif-validator" "$tools_dir" | tail -n 1)
schema="$(dirname "$tool")/sarif-2.1.0.json"
[ -f "$schema" ] || { echo "validate.sh: no schema at $schema" >&2; exit 1; }
# The validator is a .NET program: run it without ICU rather than depend on a libicu version.
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

rm -rf "$work"
mkdir -p "$work"

# Validate $1 into $1.validation.sarif; fail when the validator does not run or writes nothing.
run_validator() {
  local input=$1 output=$1.validation.sarif
  if ! timeout 240 "$tool" validate --json-schema "$schema" --output "$output" "$input" >"$input.log" 2>&1; then
    cat "$input.log" >&2
    echo "validate.sh: the validator failed on $input" >&2
    exit 1
  fi
  [ -s "$output" ] || { cat "$input.log" >&2; echo "validate.sh: the validator wrote no $output" >&2; exit 1; }
}

# A log that breaks the schema (no message, line 0) must be reported, or the check proves nothing.
cat >"$work/broken.sarif" <<'JSON'
{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "broken", "version": "1"}},
 "results": [{"ruleId": "X1", "locations": [{"physicalLocation": {
   "artifactLocation": {"uri": "a.py"}, "region": {"startLine": 0}}}]}]}]}
JSON
run_validator "$work/broken.sarif"
if node "$here/problems.js" "$work/broken.sarif.validation.sarif" >"$work/broken.problems"; then
  echo "validate.sh: the validator reported nothing wrong in a broken log; the check is not working" >&2
  exit 1
fi

"$writer" "$work/sample.sarif"
run_validator "$work/sample.sarif"
if ! node "$here/problems.js" "$work/sample.sarif.validation.sarif"; then
  echo "validate.sh: lint_to_sarif() output does not validate (the log: $work/sample.sarif)" >&2
  exit 1
fi
echo "validate.sh: $work/sample.sarif is valid SARIF 2.1.0"

# The CLI's own output, rules and all (its golden file leaves the rules out), on a fixture with a
# whole-file finding, so that both accepted warnings must appear here too.
(cd "$source_dir/corpus/lint/TT903" && "$testtier" lint --no-cache --select ALL --ignore TT906 --format sarif) \
  >"$work/cli.sarif" || [ $? -eq 1 ]
run_validator "$work/cli.sarif"
if ! node "$here/problems.js" "$work/cli.sarif.validation.sarif"; then
  echo "validate.sh: testtier lint --format sarif output does not validate ($work/cli.sarif)" >&2
  exit 1
fi
echo "validate.sh: $work/cli.sarif (testtier lint --format sarif in corpus/lint/TT903) is valid SARIF 2.1.0"
