#!/usr/bin/env bash
# rung serve against nginx serving the same bytes, side by side in one run.
#
# Starts `rung serve` (built-in ladder, no access log) and Debian's nginx (its own config in a
# temporary directory, static files, no access log) on loopback; saves what rung answers for /
# and /levels/swe-3 as nginx's files; runs wrk against both servers for both pages at 8 and 64
# connections (10 s each, DURATION to change), alternating rung and nginx REPEAT times (default
# 3) so that both see the same background load, and prints the medians of requests/s and p99
# latency and the ratios rung/nginx, then rung's resident memory idle and after the load.
# Target (issue 4): rung >= 0.9x nginx's requests/s and a p99 within 1.5x of nginx's.
#
# Usage: bench/http/run.sh path/to/rung   (make bench-http builds a release binary and runs it)
set -euo pipefail
rung="$(realpath "${1:?usage: run.sh path/to/rung}")"
duration="${DURATION:-10s}"
repeat="${REPEAT:-3}"
threads="$(nproc)"
work="$(mktemp -d)"
rung_pid=""
nginx_pid=""
cleanup() {
  [[ -n "$rung_pid" ]] && kill "$rung_pid" 2>/dev/null || true
  [[ -n "$nginx_pid" ]] && kill "$nginx_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  [[ -n "${KEEP:-}" ]] || rm -rf "$work"
}
trap cleanup EXIT

free_port() {
  /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}
wait_for() {
  for _ in $(seq 100); do
    curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
    sleep 0.1
  done
  echo "no answer from $1" >&2
  exit 1
}
rss_kib() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status"; }

rung_port="$(free_port)"
"$rung" serve --listen "127.0.0.1:$rung_port" --data "$work/var" --no-access-log --public-ladder \
  >"$work/rung.out" 2>"$work/rung.err" &
rung_pid=$!
wait_for "http://127.0.0.1:$rung_port/healthz"
idle_rss="$(rss_kib "$rung_pid")"

mkdir -p "$work/www/levels"
curl -fsS "http://127.0.0.1:$rung_port/" -o "$work/www/index.html"
curl -fsS "http://127.0.0.1:$rung_port/levels/swe-3" -o "$work/www/levels/swe-3"
# nginx's workers run as an unprivileged user: let them read the files (mktemp -d is 0700).
chmod 711 "$work"
chmod -R a+rX "$work/www"

nginx_port="$(free_port)"
cat >"$work/nginx.conf" <<CONF
worker_processes $threads;
daemon off;
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  tcp_nodelay on;
  keepalive_requests 1000000;
  keepalive_timeout 60s;
  client_body_temp_path $work/nginx-body;
  proxy_temp_path $work/nginx-proxy;
  fastcgi_temp_path $work/nginx-fastcgi;
  uwsgi_temp_path $work/nginx-uwsgi;
  scgi_temp_path $work/nginx-scgi;
  default_type "text/html; charset=utf-8";
  server {
    listen 127.0.0.1:$nginx_port;
    root $work/www;
    index index.html;
  }
}
CONF
/usr/sbin/nginx -c "$work/nginx.conf" -p "$work" &
nginx_pid=$!
wait_for "http://127.0.0.1:$nginx_port/levels/swe-3"
cmp -s <(curl -fsS "http://127.0.0.1:$nginx_port/levels/swe-3") "$work/www/levels/swe-3"

# Prints "requests_per_second p99_in_ms" for one wrk run.
measure() {
  local url="$1" connections="$2"
  wrk -t"$threads" -c"$connections" -d"$duration" --latency "$url" >"$work/wrk.txt"
  awk '
    function ms(v) {
      if (v ~ /us$/) { sub(/us$/, "", v); return v / 1000 }
      if (v ~ /ms$/) { sub(/ms$/, "", v); return v + 0 }
      if (v ~ /s$/)  { sub(/s$/, "", v);  return v * 1000 }
      return v
    }
    /Requests\/sec:/ { rps = $2 }
    $1 == "99%" { p99 = ms($2) }
    / Non-2xx or 3xx responses:/ { bad = $NF }
    END { if (bad > 0) { print "non-2xx responses: " bad > "/dev/stderr"; exit 1 } printf "%.0f %.3f\n", rps, p99 }
  ' "$work/wrk.txt"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

echo "rung serve vs nginx, same bytes, loopback, ${duration} per run, medians of ${repeat} alternating runs,"
echo "  wrk -t${threads}, $(nproc) cores, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "  page size: / $(stat -c %s "$work/www/index.html") B, /levels/swe-3 $(stat -c %s "$work/www/levels/swe-3") B"
printf '%-15s %5s | %12s %12s %7s | %10s %10s %7s\n' page conns "rung req/s" "nginx req/s" ratio \
  "rung p99" "nginx p99" ratio
verdict=ok
for path in / /levels/swe-3; do
  for connections in 8 64; do
    : >"$work/rung.runs"
    : >"$work/nginx.runs"
    for _ in $(seq "$repeat"); do
      measure "http://127.0.0.1:$rung_port$path" "$connections" >>"$work/rung.runs"
      measure "http://127.0.0.1:$nginx_port$path" "$connections" >>"$work/nginx.runs"
    done
    rung_rps="$(cut -d' ' -f1 "$work/rung.runs" | median)"
    rung_p99="$(cut -d' ' -f2 "$work/rung.runs" | median)"
    nginx_rps="$(cut -d' ' -f1 "$work/nginx.runs" | median)"
    nginx_p99="$(cut -d' ' -f2 "$work/nginx.runs" | median)"
    rps_ratio="$(awk -v a="$rung_rps" -v b="$nginx_rps" 'BEGIN { printf "%.2f", a / b }')"
    p99_ratio="$(awk -v a="$rung_p99" -v b="$nginx_p99" 'BEGIN { printf "%.2f", a / b }')"
    awk -v r="$rps_ratio" -v p="$p99_ratio" 'BEGIN { exit !(r >= 0.9 && p <= 1.5) }' || verdict="below target"
    printf '%-15s %5s | %12s %12s %6sx | %8sms %8sms %6sx\n' "$path" "$connections" "$rung_rps" \
      "$nginx_rps" "$rps_ratio" "$rung_p99" "$nginx_p99" "$p99_ratio"
  done
done
loaded_rss="$(rss_kib "$rung_pid")"
peak_rss="$(awk '/^VmHWM:/ {print $2}' "/proc/$rung_pid/status")"
echo "rung serve RSS: idle ${idle_rss} KiB, after load ${loaded_rss} KiB, peak ${peak_rss} KiB"
echo "target (>= 0.9x requests/s, p99 <= 1.5x): $verdict"
