#!/usr/bin/env bash
# `rung people import` with the real binary and a real database file: a dry run creates no
# file; --apply writes everyone (audit entries included) all or nothing; a file with problems
# changes nothing; importing the same file again changes nothing; `rung people list` shows the
# result, also as JSON that Python reads back.
# Usage: tests/scripts/people_import_cli.sh path/to/rung   (run from the repository root)
set -euo pipefail

rung="$1"
cases=tests/golden/people_import
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
data="$work/data"

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

# 1. A dry run against a data directory that does not exist creates nothing.
"$rung" people import "$cases/basic/people.csv" --data "$data" >"$work/out.txt" ||
  fail "dry run: exit code $?"
grep -q "would create 5" "$work/out.txt" || fail "dry run: $(cat "$work/out.txt")"
[[ ! -e "$data" ]] || fail "a dry run created $data"

# 2. A file with problems, with --apply: exit 1, and no person written.
set +e
"$rung" people import "$cases/err-manager-cycle/people.csv" --apply --data "$data" >"$work/out.txt"
code=$?
set -e
[[ $code -eq 1 ]] || fail "a file with problems: exit code $code, expected 1"
grep -q "nothing was changed" "$work/out.txt" || fail "problems: $(cat "$work/out.txt")"

# 3. --apply writes everyone; the list shows managers resolved by email.
"$rung" people import "$cases/basic/people.csv" --apply --data "$data" >"$work/out.txt" ||
  fail "apply: exit code $?"
grep -q "created 5" "$work/out.txt" || fail "apply: $(cat "$work/out.txt")"
[[ -f "$data/rung.db" ]] || fail "no database at $data/rung.db"
"$rung" people list --data "$data" --format json >"$work/people.json"
/usr/bin/python3 - "$work/people.json" <<'PY' || fail "people list JSON does not match"
import json, sys
people = json.load(open(sys.argv[1]))
by_email = {p["email"]: p for p in people}
assert len(people) == 5, people
assert by_email["ada@acme.example"]["manager_email"] == "tomas@acme.example"
assert by_email["tomas@acme.example"]["manager"] == by_email["maya@acme.example"]["id"]
assert all(p["status"] == "active" for p in people)
PY

# 4. Every change is in the audit log, in the same database (read with the sqlite3 shell,
# which scripts/install-deps.sh installs for the benchmarks).
audits="$(sqlite3 "$data/rung.db" "select count(*) from audit where action = 'person.create'")"
[[ "$audits" == "5" ]] || fail "audit entries: $audits, expected 5"

# 5. The same file again: nothing to do.
"$rung" people import "$cases/basic/people.csv" --apply --data "$data" >"$work/out.txt"
grep -q "created 0, updated 0, deactivated 0, reactivated 0 (5 unchanged)" "$work/out.txt" ||
  fail "re-import: $(cat "$work/out.txt")"

# 6. A file that is not CSV: exit 2, nothing changed.
set +e
"$rung" people import "$cases/err-workbook/people.csv" --apply --data "$data" >/dev/null 2>"$work/err.txt"
code=$?
set -e
[[ $code -eq 2 ]] || fail "workbook: exit code $code, expected 2"
grep -q "csv.binary" "$work/err.txt" || fail "workbook: $(cat "$work/err.txt")"
[[ "$("$rung" people list --data "$data" | tail -1)" == "5 people" ]] || fail "people changed"
echo "ok"
