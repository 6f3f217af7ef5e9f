#!/usr/bin/env bash
# Browser tests: starts `rung serve` (the built-in ladder) on a free loopback port, runs the specs
# in this folder with node's test runner in Debian's Chromium, then stops the server with SIGTERM
# and checks that it shut down cleanly. Usage: tests/browser/run.sh path/to/rung
# Screenshots go to build/browser-shots/ (look at them: they are how a user sees the pages).
set -euo pipefail
rung="$(realpath "$1")"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$(mktemp -d)"
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then kill -KILL "$server_pid"; fi
  rm -rf "$work"
}
trap cleanup EXIT

[[ -d "$here/node_modules/playwright-core" ]] || { echo "run scripts/install-deps.sh first"; exit 1; }
port="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
# --public-ladder: the ladder specs read it anonymously; people.spec.mjs signs in.
"$rung" serve --listen "127.0.0.1:$port" --data "$work/var" --public-ladder \
  >"$work/serve.out" 2>"$work/serve.log" &
server_pid=$!
for _ in $(seq 100); do
  curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  sleep 0.1
done
export RUNG_URL="http://127.0.0.1:$port"
# Specs that need a server of their own (assess.spec.mjs directly, growth.spec.mjs through
# server.mjs: own data, own people) start this binary.
export RUNG_BIN="$rung"
# The first run creates "admin" and prints its one-time password on the line after the notice.
export RUNG_ADMIN_PASSWORD="$(grep -A1 'one-time password' "$work/serve.out" | tail -n1 | tr -d ' ')"
export RUNG_SHOTS="$root/build/browser-shots"
if "$rung" export --help 2>/dev/null | grep -q '\bhtml\b'; then
  "$rung" export --format html -o "$work/site"
  export RUNG_SITE_DIR="$work/site"
fi
status=0
(cd "$here" && node --test --test-reporter=spec ./*.spec.mjs) || status=$?

kill -TERM "$server_pid"
wait "$server_pid" || { echo "rung serve exited with $? after SIGTERM"; status=1; }
server_pid=""
grep -q "stopped" "$work/serve.out" || { echo "rung serve did not report a clean stop"; status=1; }
exit "$status"
