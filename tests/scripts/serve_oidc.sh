#!/usr/bin/env bash
# `rung serve` with OpenID Connect against the test provider (tests/support/oidc_provider.py,
# Debian's python3-jwcrypto), walked with curl: the sign-in page offers it; the flow signs a
# person the store knows in and goes on to `next`; a replayed state, a forged signature, a
# wrong audience, an expired token, a wrong nonce, alg none, an unverified email and an unknown
# email each get a 403 page and no session; a rotated key is fetched again, and another unknown
# kid within the minute is not; bad option combinations and an unreachable issuer stop the
# start with a clear message; the secret, codes and tokens never reach the output.
# Usage: serve_oidc.sh path/to/rung
set -euo pipefail
rung="$(realpath "$1")"
here="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
pid=""
provider=""
cleanup() {
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid"; fi
  if [[ -n "$provider" ]] && kill -0 "$provider" 2>/dev/null; then
    kill -TERM "$provider"
    wait "$provider" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
fail() {
  echo "FAIL: $*"
  echo "--- rung serve's stderr:"; cat "$work/err" 2>/dev/null || true
  exit 1
}

secret="s3cret-$RANDOM-$RANDOM"
echo "$secret" >"$work/secret"
/usr/bin/python3 "$here/tests/support/oidc_provider.py" --port-file "$work/idp-port" \
  --secret-file "$work/secret" --user ed@example.com 2>"$work/idp-err" &
provider=$!
for _ in $(seq 200); do [[ -f "$work/idp-port" ]] && break; sleep 0.1; done
[[ -f "$work/idp-port" ]] || fail "the test provider did not start: $(cat "$work/idp-err")"
idp="http://127.0.0.1:$(cat "$work/idp-port")"
control() { curl -fsS "$idp/control?$1" >/dev/null; }
jwks_fetches() { curl -fsS "$idp/stats" | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["jwks_fetches"])'; }

# A person the HRIS import knows, without an account yet.
printf 'Name,Email,Manager Email,Track,Level,Start Date,Status\nEd Engineer,ed@example.com,,swe,swe-2,2020-01-01,Active\n' >"$work/people.csv"
"$rung" people import "$work/people.csv" --apply --data "$work/var" >/dev/null || fail "people import failed"
port="$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
url="http://127.0.0.1:$port"

refuses() {  # refuses "what the message must say" serve-options... (--listen 127.0.0.1:PORT unless given)
  local want="$1"; shift
  local listen=(--listen "127.0.0.1:$port")
  [[ "$1" == --listen ]] && listen=()
  if "$rung" serve "${listen[@]}" --data "$work/var" "$@" >"$work/out" 2>"$work/err"; then
    fail "serve started with $*"
  fi
  grep -q -- "$want" "$work/err" || fail "the refusal of '$*' does not say '$want': $(cat "$work/err")"
}
refuses "needs --oidc-client-id" --oidc-issuer "$idp"
refuses "must be an https URL" --oidc-issuer http://idp.example.com --oidc-client-id rung \
  --oidc-client-secret-file "$work/secret"
refuses "need --oidc-issuer" --oidc-client-id rung
refuses "cannot read the client secret" --oidc-issuer "$idp" --oidc-client-id rung \
  --oidc-client-secret-file "$work/missing"
refuses "could not reach the identity provider" --oidc-issuer http://127.0.0.1:1 \
  --oidc-client-id rung --oidc-client-secret-file "$work/secret"
refuses "not '$idp/'" --oidc-issuer "$idp/" --oidc-client-id rung \
  --oidc-client-secret-file "$work/secret"
refuses "--oidc-redirect-url is needed" --listen 0.0.0.0:1 --oidc-issuer "$idp" \
  --oidc-client-id rung --oidc-client-secret-file "$work/secret"


"$rung" serve --listen "127.0.0.1:$port" --data "$work/var" --oidc-issuer "$idp" \
  --oidc-client-id rung --oidc-client-secret-file "$work/secret" --oidc-name "Test IdP" \
  --no-password-sign-in >"$work/out" 2>"$work/err" &
pid=$!
for _ in $(seq 100); do
  curl -fsS "$url/healthz" >/dev/null 2>&1 && break
  sleep 0.1
done
curl -fsS "$url/healthz" >/dev/null || fail "rung serve did not start"
grep -q "signing people in at $idp (OpenID Connect" "$work/out" || fail "no start line: $(cat "$work/out")"
sign_in_page="$(curl -s "$url/sign-in")"
grep -q "Sign in with Test IdP" <<<"$sign_in_page" || fail "the sign-in page does not offer the provider"

# walk NEXT: through Rung to the provider and back; sets $status, $location, $page, $callback
# and leaves the session cookie (if any) in $work/jar.
walk() {
  rm -f "$work/jar"
  local to_idp
  to_idp="$(curl -s -o /dev/null -w '%{redirect_url}' "$url/sign-in/oidc?next=$1")"
  [[ "$to_idp" == "$idp/authorize?"* ]] || fail "/sign-in/oidc did not redirect to the provider: $to_idp"
  callback="$(curl -s -o /dev/null -w '%{redirect_url}' "$to_idp")"
  [[ "$callback" == "$url/sign-in/oidc/callback?"* ]] || fail "the provider did not send back: $callback"
  back
}
back() {
  status="$(curl -s -c "$work/jar" -o "$work/page" -D "$work/headers" -w '%{http_code}' "$callback")"
  location="$(sed -n 's/^[Ll]ocation: \(.*\)\r$/\1/p' "$work/headers")"
  page="$(cat "$work/page")"
}
no_session() { ! grep -q rung_session "$work/jar" 2>/dev/null; }

walk /people/1
[[ "$status" == 303 && "$location" == /people/1 ]] || fail "the flow answered $status to $location: $page"
grep -q rung_session "$work/jar" || fail "no session cookie after the flow"
[[ "$(curl -s -b "$work/jar" -o /dev/null -w '%{http_code}' "$url/account")" == 200 ]] \
  || fail "the session does not open /account"
back
[[ "$status" == 403 ]] && no_session || fail "a replayed state answered $status"
grep -q "expired or was already used" <<<"$page" || fail "the replay page does not say why: $page"

expect_refused() {  # expect_refused MODE "what the page says"
  control "mode=$1"
  walk /
  [[ "$status" == 403 ]] || fail "mode $1 answered $status ($location)"
  no_session || fail "mode $1 left a session cookie"
  grep -q "$2" <<<"$page" || fail "mode $1: the page does not say '$2': $page"
}
expect_refused forged "signature does not verify"
expect_refused wrong-audience "made for another application"
expect_refused expired "has expired"
expect_refused wrong-nonce "belongs to another sign-in"
expect_refused alg-none "does not accept"
expect_refused unverified "has not verified the email"
control "mode=normal&user=stranger@example.com"
walk /
[[ "$status" == 403 ]] && no_session || fail "an unknown email answered $status"
grep -q "Rung has no person with that email" <<<"$page" || fail "the unknown-email page: $page"
control "user=ed@example.com"

before="$(jwks_fetches)"
control mode=rotated
walk /
[[ "$status" == 303 ]] || fail "a rotated key was not fetched again: $status $page"
[[ "$(jwks_fetches)" == $((before + 1)) ]] || fail "the keys were not fetched once on the rotation"
expect_refused unknown-kid "a key the identity provider does not publish"
[[ "$(jwks_fetches)" == $((before + 1)) ]] || fail "an unknown kid within the minute fetched the keys again"

# Password sign-in is off, but for 'admin'.
csrf="$(curl -s -c "$work/pjar" "$url/sign-in" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p')"
code="$(curl -s -b "$work/pjar" -o /dev/null -w '%{http_code}' --data-urlencode "csrf=$csrf" \
  --data-urlencode login=ed@example.com --data-urlencode password=whatever "$url/sign-in")"
[[ "$code" == 401 ]] || fail "password sign-in with --no-password-sign-in answered $code"

kill -TERM "$pid"
wait "$pid" || fail "rung serve exited with $? after SIGTERM"
pid=""
for leak in "$secret" "[?&](code|state)=(?!REDACTED)" "eyJ"; do
  if grep -qP -- "$leak" "$work/out" "$work/err"; then fail "'$leak' reached the output"; fi
done
grep -q "OpenID Connect sign-in refused (oidc.bad-token)" "$work/err" || fail "refusals are not logged"
echo "serve: OpenID Connect flow, replay, each misbehaviour, key rotation, options checked"
