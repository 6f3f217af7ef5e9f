#!/usr/bin/env bash
# `rung raters` against independent implementations: tests/scripts/lib/raters_check.py writes a
# generated review cycle straight into a data directory's database (people through
# `rung people import`; accounts, cycles, assessments, snapshots and the frozen ladder with
# plain SQL, as rung's own writes store them), with decoys that must not count (a draft, other
# cycles, an assessment outside any cycle, rating-table rows that disagree with the snapshots).
# It then recomputes every figure from the generated ratings with numpy, and kappa with
# Debian's python3-sklearn (cohen_kappa_score, weights="quadratic"), and compares them with
# `rung raters --format json`. Also: the text format names the managers, an unknown cycle and a
# missing database exit 2.
# Usage: tests/scripts/raters_check.sh path/to/rung   (run from the repository root)
set -euo pipefail
rung="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python=/usr/bin/python3

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

"$python" -c 'import numpy, sklearn' 2>/dev/null ||
  fail "python3-numpy and python3-sklearn are needed (scripts/install-deps.sh installs them)"

"$python" tests/scripts/lib/raters_check.py people "$work" >"$work/people.csv"
"$rung" people import "$work/people.csv" --apply --data "$work/data" >"$work/import.txt" ||
  fail "people import: $(cat "$work/import.txt")"
"$rung" export --format json >"$work/ladder.json"
"$python" tests/scripts/lib/raters_check.py generate "$work" ||
  fail "could not generate the cycle"

"$rung" raters --cycle 1 --data "$work/data" --format json >"$work/raters.json" ||
  fail "rung raters exited $?"
"$python" tests/scripts/lib/raters_check.py compare "$work" "$work/raters.json" ||
  fail "rung raters disagrees with numpy / sklearn"

"$rung" raters --cycle 1 --data "$work/data" >"$work/raters.txt"
grep -q "^Manager 1 " "$work/raters.txt" || fail "text: no row for Manager 1: $(cat "$work/raters.txt")"
grep -q "hidden: fewer than 4 people" "$work/raters.txt" || fail "text: no hidden rater"

status=0
"$rung" raters --cycle 99 --data "$work/data" >"$work/out.txt" 2>"$work/err.txt" || status=$?
[[ $status -eq 2 ]] || fail "unknown cycle: exit $status"
grep -q "review.not-found" "$work/err.txt" || fail "unknown cycle: $(cat "$work/err.txt")"
status=0
"$rung" raters --cycle 1 --data "$work/nothing" >"$work/out.txt" 2>"$work/err.txt" || status=$?
[[ $status -eq 2 ]] || fail "missing database: exit $status"
[[ ! -e "$work/nothing" ]] || fail "a missing database was created"
echo "ok: rung raters agrees with numpy and sklearn"
