#!/usr/bin/env bash
# Acknowledged means durable: `rung serve` killed with SIGKILL at random moments while three
# writers save ratings and an admin applies a 600-person import through the web, restarted each
# time; afterwards every acknowledged save is there, the import is all or nothing, and
# PRAGMA integrity_check is ok (tests/scripts/lib/crash_saves.py). Usage: crash_saves.sh RUNG
set -euo pipefail
rung="$(realpath "$1")"
work="$(mktemp -d)"
trap 'pkill -KILL -f "$work/var" 2>/dev/null || true; rm -rf "$work"' EXIT

printf 'name,email,level,manager email\r\nMona Manager,mona@example.com,mgr-1,\r\n' >"$work/people.csv"
for i in 0 1 2; do
  printf 'Writer %s,writer%s@example.com,swe-2,mona@example.com\r\n' "$i" "$i" >>"$work/people.csv"
done
"$rung" people import "$work/people.csv" --apply --data "$work/var" >/dev/null
password() { sed -n "s/^one-time password for '.*': //p"; }
{
  echo "{"
  echo "\"admin\": \"$("$rung" user add admin --admin --data "$work/var" | password)\","
  for i in 0 1 2; do
    echo "\"writer$i@example.com\": \"$("$rung" user add "writer$i@example.com" --data "$work/var" | password)\"$([[ $i -lt 2 ]] && echo ,)"
  done
  echo "}"
} >"$work/accounts.json"
/usr/bin/python3 tests/scripts/lib/crash_saves.py "$rung" "$work"
