#!/usr/bin/env bash
# `rung serve --ladder FILE` reloads FILE on SIGHUP: a changed title is served from the next
# request on, the history page lists both versions, and a broken file keeps the ladder in use,
# saying why in the log and on /healthz. Usage: serve_reload.sh path/to/rung
set -euo pipefail
rung="$1"
work="$(mktemp -d)"
pid=""
cleanup() {
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid"; fi
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; echo "--- log:"; cat "$work/err" "$work/out" 2>/dev/null || true; exit 1; }

"$rung" export --format yaml -o "$work/ladder.yaml"
grep -q 'title: Software Engineer II$' "$work/ladder.yaml" || fail "no 'Software Engineer II' in the export"
port="$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
url="http://127.0.0.1:$port"
"$rung" serve --listen "127.0.0.1:$port" --data "$work/var" --ladder "$work/ladder.yaml" \
  --public-ladder --no-access-log >"$work/out" 2>"$work/err" &
pid=$!
for _ in $(seq 100); do
  curl -fsS "$url/healthz" >/dev/null 2>&1 && break
  sleep 0.1
done
level_url="$url/levels/$(curl -fsS "$url/api/v1/levels" | /usr/bin/python3 -c '
import json, sys
print(next(l["id"] for l in json.load(sys.stdin)["levels"] if l["title"] == "Software Engineer II"))')"
# A page is fetched whole before it is searched: `curl | grep -q` can fail under pipefail when
# grep stops reading early (curl: failed writing body).
fetch() { curl -fsS "$1"; }
has() { local body; body="$(fetch "$1")" && grep -q -- "$2" <<<"$body"; }
has "$level_url" 'Software Engineer II' || fail "the level page before the reload"

# Waits until the page at `url` has the text (polling for up to ten seconds).
wait_for() {
  local text="$1" page="$2"
  for _ in $(seq 100); do
    has "$page" "$text" && return 0
    sleep 0.1
  done
  fail "never saw '$text' at $page"
}

sed -i 's/title: Software Engineer II$/title: Software Engineer Two/' "$work/ladder.yaml"
kill -HUP "$pid"
wait_for 'Software Engineer Two' "$level_url"
grep -q 'SIGHUP: reloaded .*1 level added, removed or renamed' "$work/err" || fail "no reload line in the log"
wait_for 'Software Engineer II is now called Software Engineer Two.' "$url/ladder/history"

printf 'tracks: [\n' >>"$work/ladder.yaml"
kill -HUP "$pid"
wait_for 'last reload: failed' "$url/healthz"
grep -q 'SIGHUP: kept the current ladder: .*ladder.yaml' "$work/err" || fail "no refusal in the log"
has "$level_url" 'Software Engineer Two' || fail "the broken file replaced the ladder"
kill -0 "$pid" || fail "the server died on a broken file"

kill -TERM "$pid"
wait "$pid" || fail "rung serve exited with $? after SIGTERM"
pid=""
echo "serve: SIGHUP reloads the ladder, keeps it when the file is broken, records the history"
