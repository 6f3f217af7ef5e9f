#!/usr/bin/env bash
# `rung serve` over a real socket: bad requests get clear answers and the server keeps serving.
# Sends a path with '..' (raw, as a browser never would), an overlong URL (414), one far past
# any sane size (the connection is dropped), an overlong header (431), a body on GET (400), a
# method it does not route (405); then checks /healthz, the access log, and a clean SIGTERM stop.
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

port="$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
"$rung" serve --listen "127.0.0.1:$port" --data "$work/var" --ladder tests/fixtures/web/ladder.yaml --public-ladder \
  >"$work/out" 2>"$work/log" &
pid=$!
for _ in $(seq 100); do
  curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  sleep 0.1
done
grep -q "at http://127.0.0.1:$port/" "$work/out" || fail "the URL was not printed: $(cat "$work/out")"
[[ -d "$work/var" ]] || fail "--data was not created"

# Sends raw bytes, prints the status code of the answer, or "closed" when there is none.
send() {
  /usr/bin/python3 - "$port" "$1" <<'PY'
import socket, sys
port, request = int(sys.argv[1]), sys.argv[2].encode().decode("unicode_escape").encode("latin-1")
with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
    try:
        s.sendall(request)
        answer = s.recv(200)
    except (ConnectionResetError, BrokenPipeError):
        answer = b""
print(answer.split(b" ")[1].decode() if answer.startswith(b"HTTP/1.1 ") else "closed")
PY
}
expect() {
  local what="$1" want="$2" got
  got="$(send "$3")"
  [[ "$got" == "$want" ]] || fail "$what: expected $want, got $got"
  echo "ok: $what -> $got"
}

expect "a path climbing out with .." 400 'GET /static/../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n'
expect "an encoded .." 400 'GET /static/%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n'
expect "a 5 kB URL" 414 "GET /levels/$(head -c 5000 /dev/zero | tr '\0' a) HTTP/1.1\r\nHost: x\r\n\r\n"
expect "a 100 kB URL" closed "GET /levels/$(head -c 100000 /dev/zero | tr '\0' a) HTTP/1.1\r\nHost: x\r\n\r\n"
expect "a 10 kB header" 431 "GET / HTTP/1.1\r\nHost: x\r\nX-Big: $(head -c 10000 /dev/zero | tr '\0' b)\r\n\r\n"
expect "a body on GET" 400 'GET /levels/swe-1 HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello'
expect "POST to a page" 405 'POST /levels/swe-1 HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n'
expect "a bad query parameter" 400 'GET /levels/swe-1?colour=red HTTP/1.1\r\nHost: x\r\n\r\n'
expect "an unknown level" 404 'GET /levels/swe-9 HTTP/1.1\r\nHost: x\r\n\r\n'
expect "garbage instead of HTTP" closed 'HELLO THERE\r\n\r\n'

curl -fsS "http://127.0.0.1:$port/healthz" | grep -qx ok || fail "the server stopped answering"
curl -fsS -H 'Accept-Encoding: gzip' "http://127.0.0.1:$port/levels/swe-2" -o "$work/page.gz"
gzip -dc "$work/page.gz" | grep -q "You help mentor new hires." || fail "the gzip body does not inflate"

kill -TERM "$pid"
wait "$pid" || fail "rung serve exited with $? after SIGTERM"
pid=""
grep -q '"GET /levels/swe-9" 404' "$work/log" || fail "no access log line for the 404: $(tail -3 "$work/log")"
grep -q "SIGTERM, finishing requests in flight" "$work/log" || fail "no shutdown note"
grep -q "stopped" "$work/out" || fail "no clean stop"
echo "all bad requests handled"
