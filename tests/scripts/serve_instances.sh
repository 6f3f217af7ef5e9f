#!/usr/bin/env bash
# Two `rung serve` on one database behave as one service (docs/deploy.md, "Several instances"):
# first on one SQLite file, then on one PostgreSQL database (a throwaway cluster: make test's,
# else one of its own from tests/support/postgres_cluster.sh). Requests alternate between the
# two with curl: a session made on one is used on the other; failed sign-ins made through both
# lock the login on both; a dry run uploaded on one is applied on the other, once; a dry run
# whose people changed through the other instance gets a 409 with the new dry run; a rating
# saved on one makes the same stale save on the other a 409; the people page of one follows an
# import applied through the other. Usage: serve_instances.sh path/to/rung (from the repository
# root).
set -euo pipefail
rung="$(realpath "$1")"
work="$(mktemp -d)"
pids=()
own_cluster=""
cleanup() {
  for p in "${pids[@]}"; do kill -KILL "$p" 2>/dev/null || true; done
  if [[ -n "$own_cluster" ]]; then bash tests/support/postgres_cluster.sh stop "$own_cluster"; fi
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL ($backend): $*"; exit 1; }
backend=setup
url_a=""
url_b=""
where=()

free_port() {
  /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# start NAME: a `rung serve` on $where; sets url_NAME.
start() {
  local port
  port="$(free_port)"
  "$rung" serve --listen "127.0.0.1:$port" "${where[@]}" --no-access-log >"$work/$1.out" 2>"$work/$1.err" &
  pids+=("$!")
  for _ in $(seq 150); do
    if curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; then
      printf -v "url_$1" '%s' "http://127.0.0.1:$port"
      return 0
    fi
    sleep 0.1
  done
  fail "rung serve $1 did not start: $(cat "$work/$1.err")"
}
stop_all() {
  for p in "${pids[@]}"; do
    kill -TERM "$p"
    wait "$p" || fail "rung serve exited with $? after SIGTERM"
  done
  pids=()
}

code() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
# The value of the first hidden field NAME in the HTML on stdin.
field() { sed -n "s/.*name=\"$1\" value=\"\([^\"]*\)\".*/\1/p" | head -n1; }
json() { /usr/bin/python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }

# sign_in JAR URL LOGIN PASSWORD: prints the HTTP status.
sign_in() {
  curl -s -c "$1" -b "$1" -b 'rung_signin=x' -o /dev/null -w '%{http_code}' \
    --data-urlencode csrf=x --data-urlencode "login=$3" --data-urlencode "password=$4" \
    --data-urlencode next=/ "$2/sign-in"
}

# first_sign_in JAR URL LOGIN ONE_TIME: signs in with the one-time password and chooses a new one.
first_sign_in() {
  [[ "$(sign_in "$1" "$2" "$3" "$4")" == 303 ]] || fail "$3 cannot sign in on $2"
  local csrf
  csrf="$(curl -s -b "$1" "$2/account" | field csrf)"
  [[ "$(code -b "$1" -c "$1" --data-urlencode "csrf=$csrf" --data-urlencode "current_password=$4" \
    --data-urlencode "new_password=$new_password" --data-urlencode "confirm_password=$new_password" \
    "$2/account/password")" == 303 ]] || fail "$3 could not choose a password"
}

# upload JAR URL FILE: the dry run page.
upload() {
  local csrf
  csrf="$(curl -s -b "$1" "$2/admin/people/import" | field csrf)"
  curl -s -b "$1" -F "csrf=$csrf" -F "file=@$3;type=text/csv" "$2/admin/people/import"
}

# apply JAR URL TOKEN: the status; the page in $work/applied.
apply() {
  local csrf
  csrf="$(curl -s -b "$1" "$2/admin/people/import" | field csrf)"
  curl -s -b "$1" -o "$work/applied" -w '%{http_code}' --data-urlencode "csrf=$csrf" \
    --data-urlencode "upload=$3" "$2/admin/people/import/apply"
}

new_password="a long new passphrase for tests"
cat >"$work/people.csv" <<'CSV'
Name,Email,Manager Email,Track,Level,Start Date,Status
Maya Lindqvist,maya@acme.example,,mgr,mgr-3,2016-03-01,Active
Ada Okafor,ada@acme.example,maya@acme.example,swe,swe-3,2019-01-07,Active
Sam Patel,sam@acme.example,maya@acme.example,swe,swe-1,,Active
CSV
{ cat "$work/people.csv"; echo "Noor Haddad,noor@acme.example,maya@acme.example,swe,swe-2,,Active"; } \
  >"$work/more.csv"
{ cat "$work/more.csv"; echo "Omar Reyes,omar@acme.example,maya@acme.example,swe,swe-2,,Active"; } \
  >"$work/most.csv"
{ cat "$work/most.csv"; echo "Pia Holm,pia@acme.example,maya@acme.example,swe,swe-2,,Active"; } \
  >"$work/all.csv"

one_store() {
  "$rung" people import "$work/people.csv" --apply "${where[@]}" >/dev/null
  local admin_once sam_once
  admin_once="$("$rung" user add hr@acme.example --admin "${where[@]}" | sed -n "s/^one-time password for '[^']*': //p")"
  sam_once="$("$rung" user add sam@acme.example "${where[@]}" | sed -n "s/^one-time password for '[^']*': //p")"
  [[ -n "$admin_once" && -n "$sam_once" ]] || fail "no one-time passwords"
  start a
  start b
  local jar="$work/jar-$backend" status url

  # A session made on one instance is used on the other.
  first_sign_in "$jar" "$url_a" hr@acme.example "$admin_once"
  [[ "$(code -b "$jar" "$url_b/admin/people/import")" == 200 ]] || fail "b does not know a's session"

  # Failed sign-ins through both lock the login on both (5 per login; a login without an
  # account is throttled like any other).
  for i in 1 2 3 4 5; do
    url="$url_a"; (( i % 2 == 0 )) && url="$url_b"
    status="$(sign_in /dev/null "$url" ghost@acme.example "wrong password $i")"
    [[ "$status" == 401 ]] || fail "failure $i was a $status, not a 401: $(cat "$work/a.err" "$work/b.err")"
  done
  [[ "$(sign_in /dev/null "$url_a" ghost@acme.example "any password")" == 429 ]] || fail "a: no lock"
  [[ "$(sign_in /dev/null "$url_b" ghost@acme.example "any password")" == 429 ]] || fail "b: no lock"

  # The people page of a, shown once (its snapshot kept), then an upload on a applied on b.
  curl -s -b "$jar" "$url_a/people" >"$work/page"
  grep -q "Sam Patel" "$work/page" || fail "a's people page lacks Sam"
  grep -q "Noor Haddad" "$work/page" && fail "Noor is there before the import"
  local token
  token="$(upload "$jar" "$url_a" "$work/more.csv" | field upload)"
  [[ -n "$token" ]] || fail "no Apply form on a's dry run"
  [[ "$(apply "$jar" "$url_b" "$token")" == 200 ]] || fail "b did not apply a's dry run: $(cat "$work/applied")"
  grep -q "Applied" "$work/applied" || fail "b's page does not say Applied"
  [[ "$(apply "$jar" "$url_a" "$token")" == 409 ]] || fail "a applied the same upload again"
  grep -q "This file was applied already" "$work/applied" || fail "the second apply's message"
  curl -s -b "$jar" "$url_a/people" >"$work/page"
  grep -q "Noor Haddad" "$work/page" || fail "a's people page did not follow b's import"

  # A dry run on a, then people changed through b: applying it on a is a 409 with the new dry
  # run, which can then be applied.
  token="$(upload "$jar" "$url_a" "$work/all.csv" | field upload)"
  local other
  other="$(upload "$jar" "$url_b" "$work/most.csv" | field upload)"
  [[ "$(apply "$jar" "$url_b" "$other")" == 200 ]] || fail "b's own import"
  [[ "$(apply "$jar" "$url_a" "$token")" == 409 ]] || fail "a applied a stale dry run"
  grep -q "People changed since this dry run was made" "$work/applied" || fail "the stale message"
  [[ "$(apply "$jar" "$url_a" "$token")" == 200 ]] || fail "the new dry run did not apply"
  curl -s -b "$jar" "$url_b/people" >"$work/page"
  grep -q "Pia Holm" "$work/page" || fail "b's people page did not follow a's import"

  # A stale edit across instances: Sam saves a rating on a, then the same version on b: 409.
  local sam="$work/sam-$backend" sam_id
  first_sign_in "$sam" "$url_b" sam@acme.example "$sam_once"
  sam_id="$(curl -s -b "$jar" "$url_b/api/v1/people?q=sam" | json '["people"][0]["id"]')"
  local csrf_token statement draft
  csrf_token="$(curl -s -b "$sam" "$url_a/api/v1/me" | json '["csrf_token"]')"
  statement="$(curl -s -b "$sam" "$url_a/api/v1/statements?level=swe-1" | json '["statements"][0]["id"]')"
  api() {  # api URL METHOD PATH JSON: the status; the body in $work/api
    curl -s -b "$sam" -X "$2" -H "X-CSRF-Token: $csrf_token" -H 'Content-Type: application/json' \
      --data "$4" -o "$work/api" -w '%{http_code}' "$1/api/v1$3"
  }
  [[ "$(api "$url_a" POST "/people/$sam_id/assessments" '{"role": "self"}')" == 201 ]] ||
    fail "no draft: $(cat "$work/api")"
  draft="$(json '["id"]' <"$work/api")"
  [[ "$(api "$url_a" PUT "/people/$sam_id/assessments/$draft/ratings/$statement" \
    '{"version": 1, "rating": "consistently"}')" == 200 ]] || fail "a's save: $(cat "$work/api")"
  [[ "$(api "$url_b" PUT "/people/$sam_id/assessments/$draft/ratings/$statement" \
    '{"version": 1, "rating": "sometimes"}')" == 409 ]] || fail "b took a stale save: $(cat "$work/api")"
  stop_all
}

backend=sqlite
where=(--data "$work/var")
one_store

backend=postgresql
socket="${RUNG_TEST_POSTGRES:-}"
if [[ -z "$socket" || ! -S "$socket/.s.PGSQL.5432" ]]; then
  socket="/tmp/rung-pg-inst-$$"
  own_cluster="$socket"
  bash tests/support/postgres_cluster.sh start "$socket" $$
fi
database="instances_$$_$RANDOM"
createdb -h "$socket" -U rung "$database"
where=(--database "postgresql:///$database?host=$socket&user=rung")
one_store
dropdb -h "$socket" -U rung "$database"

echo "serve: two instances on one SQLite file and on one PostgreSQL database act as one"
