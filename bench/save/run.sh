#!/usr/bin/env bash
# Saving ratings under load (issue 6), through rung serve and straight into SQLite, in one run.
#
# 1. `rung_save_bench setup` writes a fresh data directory through rung's own store and
#    services: WRITERS people (default 64) on the built-in ladder, each with an account, a
#    session and a self-assessment draft; a copy of the database is kept for step 4.
# 2. `rung serve` (built-in ladder, no access log) serves it on a free loopback port.
# 3. `rung_save_bench load`: one keep-alive connection per writer, each saving ratings of its
#    own draft one after another (PUT .../ratings/{statement}, the version from each answer)
#    for DURATION seconds (default 30); then the server's peak RSS is read and it is stopped.
# 4. `rung_save_bench raw`: the same saves, one thread per writer, into the copy through one
#    SQLite connection and its prepared statements, one transaction per save, same duration.
# 5. `rung_save_bench check`: with nothing running, reads both databases and checks that every
#    acknowledged save is there (versions, ratings, and for rung one audit entry per save),
#    then prints saves/s, p50/p90/p99, errors and the ratios. Exit 1 on any error or mismatch.
#
# Usage: bench/save/run.sh path/to/rung path/to/rung_save_bench
#   (make bench-save builds both in release and runs this). WORK=dir keeps the files there.
set -euo pipefail
rung="$(realpath "${1:?usage: run.sh path/to/rung path/to/rung_save_bench}")"
tool="$(realpath "${2:?usage: run.sh path/to/rung path/to/rung_save_bench}")"
duration="${DURATION:-30}"
writers="${WRITERS:-64}"
# SYNC=normal runs rung serve --sync normal and the raw baseline with synchronous = NORMAL.
sync="${SYNC:-full}"
if [[ -n "${WORK:-}" ]]; then
  work="$WORK"
  keep=1
else
  work="$(mktemp -d)"
  keep=""
fi
mkdir -p "$work"
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  [[ -n "$keep" ]] || rm -rf "$work"
}
trap cleanup EXIT

free_port() {
  /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}
wait_for() {
  for _ in $(seq 200); do
    curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.05
  done
  echo "run.sh: no answer from $1; rung serve said:" >&2
  cat "$work/serve.err" >&2
  exit 1
}
status_kib() { awk -v key="$2:" '$1 == key {print $2}' "/proc/$1/status"; }

"$tool" setup --data "$work/served" --writers "$writers" --plan "$work/plan.json"
# setup closed its store, so the database is one file (no -wal beside it) and a copy is whole.
[[ ! -e "$work/served/rung.db-wal" ]] || { echo "run.sh: setup left a -wal file" >&2; exit 1; }
mkdir -p "$work/raw"
cp "$work/served/rung.db" "$work/raw/rung.db"

port="$(free_port)"
"$rung" serve --listen "127.0.0.1:$port" --data "$work/served" --no-access-log --sync "$sync" \
  >"$work/serve.out" 2>"$work/serve.err" &
server_pid=$!
wait_for "http://127.0.0.1:$port/healthz"
idle_rss="$(status_kib "$server_pid" VmRSS)"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"

load_status=0
"$tool" load --plan "$work/plan.json" --port "$port" --seconds "$duration" \
  --out "$work/rung-http.json" || load_status=$?
peak_rss="$(status_kib "$server_pid" VmHWM)"
kill -TERM "$server_pid"
serve_status=0
wait "$server_pid" || serve_status=$?
server_pid=""
if ((load_status != 0 || serve_status != 0)); then
  echo "run.sh: the load exited with $load_status, rung serve with $serve_status" >&2
  cat "$work/serve.err" >&2
  exit 1
fi

raw_sync=()
[[ "$sync" == normal ]] && raw_sync=(--sync-normal)
"$tool" raw --plan "$work/plan.json" --database "$work/raw/rung.db" --seconds "$duration" \
  --out "$work/raw-sqlite.json" "${raw_sync[@]}"
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

echo "Saving ratings under load: ${writers} writers, ${duration} s per run, loopback, $(nproc) cores, --sync ${sync}"
echo "  load average before: ${load_before}, after: ${load_after}"
echo "  rung serve RSS: idle ${idle_rss} KiB, peak ${peak_rss} KiB"
"$tool" check --plan "$work/plan.json" \
  --rung-report "$work/rung-http.json" --rung-database "$work/served/rung.db" \
  --raw-report "$work/raw-sqlite.json" --raw-database "$work/raw/rung.db"
