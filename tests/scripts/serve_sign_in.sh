#!/usr/bin/env bash
# `rung serve` with its store: the first start creates "admin" and prints its one-time password
# once (the second start does not); without --public-ladder the ladder needs a session
# (anonymous: 401 with the sign-in page); signing in with curl (the form's double-submit cookie,
# then the session cookie) sends the one-time password to /account; and a ladder that lacks a
# level someone holds is refused at start, naming them. Usage: serve_sign_in.sh path/to/rung
set -euo pipefail
rung="$1"
work="$(mktemp -d)"
pid=""
cleanup() {
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid"; fi
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; exit 1; }

start() {
  port="$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
  "$rung" serve --listen "127.0.0.1:$port" --data "$work/var" --no-access-log "$@" >"$work/out" 2>"$work/err" &
  pid=$!
  for _ in $(seq 100); do
    curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  fail "rung serve did not start: $(cat "$work/err")"
}
stop() {
  kill -TERM "$pid"
  wait "$pid" || fail "rung serve exited with $? after SIGTERM"
  pid=""
}
status() { curl -s -o /dev/null -w '%{http_code}' "$@"; }

start
password="$(grep -A1 "created the account 'admin'" "$work/out" | tail -n1 | tr -d ' ')"
[[ "$password" =~ ^[^-]{4}-[^-]{4}-[^-]{4}-[^-]{4}$ ]] || fail "no one-time password: $(cat "$work/out")"
url="http://127.0.0.1:$port"
[[ "$(status "$url/")" == 401 ]] || fail "the ladder is open without --public-ladder"
# Fetched whole first: `curl | grep -q` can fail under pipefail when grep stops reading early.
gate="$(curl -s "$url/levels/swe-3")"
grep -q 'name="next" value="/levels/swe-3"' <<<"$gate" || fail "401 without the sign-in form"
[[ "$(status "$url/healthz")" == 200 ]] || fail "healthz needs a session"

jar="$work/cookies"
csrf="$(curl -s -c "$jar" "$url/sign-in" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p')"
[[ -n "$csrf" ]] || fail "no CSRF token in the sign-in form"
headers="$(curl -s -b "$jar" -c "$jar" -D - -o /dev/null --data-urlencode "csrf=$csrf" \
  --data-urlencode login=admin --data-urlencode "password=$password" --data-urlencode next=/lint \
  "$url/sign-in")"
grep -qi '^location: /account' <<<"$headers" || fail "a one-time password did not lead to /account: $headers"
grep -qi '^set-cookie: rung_session=.*HttpOnly; SameSite=Lax' <<<"$headers" || fail "no session cookie: $headers"
[[ "$(status -b "$jar" "$url/account")" == 200 ]] || fail "the session does not open /account"
[[ "$(status -b "$jar" "$url/lint")" == 303 ]] || fail "the ladder before the password change is not redirected"
grep -q "$password" "$work/err" && fail "the password reached the log"
stop

start
grep -q "one-time password" "$work/out" && fail "the second start printed a password again"
stop

/usr/bin/python3 - "$work/var/rung.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("INSERT INTO person (name, email, track, level, start_date, status) "
           "VALUES ('Ada Lovelace', 'ada@example.com', 'swe', 'swe-6', '', 'active')")
db.commit()
PY
if "$rung" serve --listen 127.0.0.1:1 --data "$work/var" --ladder tests/fixtures/web/ladder.yaml \
    >"$work/out" 2>"$work/err"; then
  fail "serve started with a ladder that lacks a held level"
fi
grep -q "Ada Lovelace <ada@example.com>" "$work/err" || fail "the refusal does not name the person: $(cat "$work/err")"
echo "serve: first-run admin, sign-in, public ladder off, held levels checked"
