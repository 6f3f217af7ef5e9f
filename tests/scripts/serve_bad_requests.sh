#!/usr/bin/env bash
# `rung serve` over a real socket: bad requests get clear answers and the server keeps serving.
# Sends a path with '..' (raw, as a browser never would), an overlong URL (414), one far past
# any sane size (the connection is dropped), an overlong header (431), a body on GET (400), a
# method it does not route (405); a greedy client holding 40 connections from one address
# (its first 4 served, the next ones answered 503 with Retry-After, the rest closed at accept)
# while another address is still served; a connection closed after its request limit; the
# counters in /metrics; then checks /healthz, the access log, and a clean SIGTERM stop.
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
  --max-connections-per-address 4 --max-requests-per-connection 3 \
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

/usr/bin/python3 - "$port" <<'PY' || fail "connection limits"
import socket, sys, urllib.request
port = int(sys.argv[1])
def connect(source):
    s = socket.socket()
    s.settimeout(10)
    s.bind((source, 0))
    s.connect(("127.0.0.1", port))
    return s
def answer(s, path="/healthz"):
    try:
        s.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = s.recv(4096)
            if not chunk:
                break
            data += chunk
        return data.decode("latin-1")
    except (ConnectionResetError, BrokenPipeError):
        return ""
greedy = [connect("127.0.0.2") for _ in range(40)]
# Someone else is served while the greedy client holds its connections.
with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=10) as r:
    assert r.status == 200 and r.read().startswith(b"ok\n"), "another address was not served"
answers = [answer(s) for s in greedy]
statuses = [a.split(" ")[1] if a.startswith("HTTP/1.1 ") else "closed" for a in answers]
# Which connection gets which depends on the order the server's workers accept them in.
assert sorted(statuses) == ["200"] * 4 + ["503"] * 16 + ["closed"] * 20, statuses
busy = [a for a in answers if a.startswith("HTTP/1.1 503")]
assert all("\r\nretry-after: 2\r\n" in a.lower() for a in busy), busy[0]
for s in greedy:
    s.close()
# Three requests on one connection, then the server closes it.
s = connect("127.0.0.3")
first, second, third = answer(s), answer(s), answer(s)
assert first.startswith("HTTP/1.1 200") and "connection: close" not in first.lower(), first
assert third.startswith("HTTP/1.1 200") and "connection: close" in third.lower(), third
assert s.recv(10) == b"", "the connection stayed open past its request limit"
s.close()
with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=10) as r:
    metrics = r.read().decode()
for line in ('rung_connections_refused_total{limit="address"} 20',
             "rung_http_busy_answers_total 16",
             "rung_connections_closed_at_request_limit_total "):
    assert line in metrics, (line, [l for l in metrics.splitlines() if "connection" in l])
print("ok: a greedy client gets 4 connections, 16 answers 503, 20 closed; others are served")
PY

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
