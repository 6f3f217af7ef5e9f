#!/usr/bin/env bash
# A big `rung people import --apply` against the database a running `rung serve` uses, while
# writers save ratings through the server (issue 14, item 3; docs/deploy.md): does any save
# fail ("database is locked", store.busy), and how long do saves wait while the import holds
# the write lock? Not part of make test (minutes with the sanitized build).
#
#   bench/save/import_while_serving.sh RUNG RUNG_SAVE_BENCH            # SQLite, 100,000 people
#   PEOPLE=20000 DATABASE=postgresql:///db?host=/tmp/pg&user=rung \
#     bench/save/import_while_serving.sh RUNG RUNG_SAVE_BENCH          # PostgreSQL (empty db)
#
# Steps: rung_save_bench setup (WRITERS people with drafts, default 8); for PostgreSQL the
# setup is moved there with `rung store copy`; a CSV of PEOPLE new people (a reporting tree,
# fan-out 10) plus the writers' own rows; `rung serve`; the load for SECONDS (default 90); two
# seconds in, the import with --apply, timed. Prints the import's time and exit status and the
# load's figures (saves, non-200 answers, socket errors, p50/p99/max latency).
set -euo pipefail
rung="$(realpath "${1:?usage: import_while_serving.sh path/to/rung path/to/rung_save_bench}")"
tool="$(realpath "${2:?usage: import_while_serving.sh path/to/rung path/to/rung_save_bench}")"
people="${PEOPLE:-100000}"
writers="${WRITERS:-8}"
seconds="${SECONDS_LOAD:-90}"
database="${DATABASE:-}"
work="${WORK:-$(mktemp -d)}"
mkdir -p "$work"
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]]; then kill "$server_pid" 2>/dev/null || true; fi
}
trap cleanup EXIT

"$tool" setup --data "$work/served" --writers "$writers" --plan "$work/plan.json" >/dev/null
where=(--data "$work/served")
if [[ -n "$database" ]]; then
  "$rung" store copy --from "sqlite:$work/served/rung.db" --to "$database" >/dev/null
  where=(--database "$database")
fi

# The writers' own rows first (an import deactivates whoever the file leaves out), then the
# new people.
/usr/bin/python3 - "$work/served/rung.db" "$people" >"$work/big.csv" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
print("Name,Email,Manager Email,Track,Level,Start Date,Status")
for name, email, track, level in db.execute("SELECT name, email, track, level FROM person"):
    print(f"{name},{email},,{track},{level},,Active")
count = int(sys.argv[2])
for i in range(count):
    manager = "" if i == 0 else f"p{(i - 1) // 10}@big.example"
    print(f"Person {i},p{i}@big.example,{manager},swe,swe-2,2024-01-01,Active")
PY

port="$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
"$rung" serve --listen "127.0.0.1:$port" "${where[@]}" --no-access-log >"$work/serve.out" 2>"$work/serve.err" &
server_pid=$!
for _ in $(seq 300); do
  curl -fsS -o /dev/null "http://127.0.0.1:$port/healthz" 2>/dev/null && break
  sleep 0.1
done

"$tool" load --plan "$work/plan.json" --port "$port" --seconds "$seconds" --out "$work/load.json" &
load_pid=$!
sleep 2
start="$(date +%s.%N)"
import_status=0
"$rung" people import "$work/big.csv" --apply "${where[@]}" >"$work/import.out" 2>"$work/import.err" ||
  import_status=$?
end="$(date +%s.%N)"
wait "$load_pid" || true
kill -TERM "$server_pid"
wait "$server_pid" || true
server_pid=""

echo "import of $people people (+ $writers writers) with --apply while $writers writers save:"
echo "  import: $(/usr/bin/python3 -c "print(f'{$end - $start:.1f}')") s, exit $import_status"
[[ $import_status -eq 0 ]] || sed 's/^/    /' "$work/import.err"
/usr/bin/python3 - "$work/load.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
l = r["latency_ms"]
print(f"  saves: {r['ok']} acknowledged in {r['seconds']:.1f} s, {r['rejected']} non-200, "
      f"{r['socket_errors']} socket errors")
print(f"  save latency: p50 {l['p50']:.1f} ms, p99 {l['p99']:.1f} ms, max {l['max']:.1f} ms")
PY
grep -i "busy\|locked" "$work/serve.err" | head -3 || true
