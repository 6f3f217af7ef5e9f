#!/usr/bin/env bash
# The save-load benchmark (make bench-save, bench/save/README.md) for one second with four
# writers: setup, HTTP saves against `rung serve`, the raw SQLite baseline, and the check that
# every acknowledged save is in each database. Then the check must catch a database that lost
# a rating, one whose version moved without an acknowledged save, and one that lost an audit
# entry: each exits 1 naming the assessment.
# Usage: save_load_smoke.sh path/to/rung (RUNG_SAVE_BENCH: path to rung_save_bench, which
# tests/CMakeLists.txt sets).
set -euo pipefail
rung="$1"
tool="${RUNG_SAVE_BENCH:-$(dirname "$rung")/bench/save/rung_save_bench}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

if ! WORK="$work/run" DURATION=1 WRITERS=4 bench/save/run.sh "$rung" "$tool" >"$work/out.txt" 2>&1; then
  cat "$work/out.txt" >&2
  fail "the one-second benchmark failed"
fi
grep -q '^rung-http: .*: every acknowledged save is stored$' "$work/out.txt" ||
  fail "no clean verdict for rung: $(cat "$work/out.txt")"
grep -q '^raw-sqlite: .*: every acknowledged save is stored$' "$work/out.txt" ||
  fail "no clean verdict for raw sqlite: $(cat "$work/out.txt")"
# Both rows: a positive number of saves and 0 non-200 and 0 socket errors.
for run in rung-http raw-sqlite; do
  awk -v run="$run" '$1 == run && $2 > 0 && $(NF-1) == 0 && $NF == 0 { found = 1 } END { exit !found }' \
    "$work/out.txt" || fail "$run row: $(grep "^$run " "$work/out.txt")"
done
# The verdict counts what the database holds: acknowledged == counted == audit entries.
acknowledged="$(sed -n 's/^rung-http: \([0-9]*\) saves acknowledged.*/\1/p' "$work/out.txt")"
stored="$(/usr/bin/python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("select sum(version - 1) from assessment").fetchone()[0])' "$work/run/served/rung.db")"
[[ "$acknowledged" == "$stored" ]] || fail "acknowledged $acknowledged, stored $stored"

# Each tampering on a fresh copy of the served database must fail the check.
tampered() {
  local name="$1" sql="$2" expect="$3"
  cp "$work/run/served/rung.db" "$work/$name.db"
  sqlite3 "$work/$name.db" "$sql"
  local status=0
  "$tool" check --plan "$work/run/plan.json" \
    --rung-report "$work/run/rung-http.json" --rung-database "$work/$name.db" \
    --raw-report "$work/run/raw-sqlite.json" --raw-database "$work/run/raw/rung.db" \
    >"$work/$name.txt" 2>&1 || status=$?
  [[ $status -eq 1 ]] || fail "$name: check exited $status: $(cat "$work/$name.txt")"
  grep -q "MISMATCH" "$work/$name.txt" || fail "$name: no MISMATCH: $(cat "$work/$name.txt")"
  grep -Eq "^  assessment [0-9]+: .*$expect" "$work/$name.txt" ||
    fail "$name: expected '$expect': $(cat "$work/$name.txt")"
}
tampered lost-rating \
  "DELETE FROM rating WHERE (assessment, statement) = (SELECT assessment, statement FROM rating LIMIT 1)" \
  "stored ratings \\["
tampered extra-version \
  "UPDATE assessment SET version = version + 1 WHERE id = (SELECT max(assessment) FROM rating)" \
  "saves acknowledged"
tampered lost-audit \
  "DELETE FROM audit WHERE id = (SELECT max(id) FROM audit WHERE action = 'assessment.rate')" \
  "audit entries 'assessment.rate'"
echo "ok: $acknowledged saves over HTTP counted in the database; tampering caught"
