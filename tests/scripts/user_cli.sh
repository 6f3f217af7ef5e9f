#!/usr/bin/env bash
# `rung user add|reset|disable|enable|delete|list` against a real store under --data: the one-time password is
# printed once and works only until reset, the list never shows a hash, refusals exit 1,
# a malformed login exits 2, and every change is in the audit log with the actor cli:<the account running it>
# (from the uid; $USER set to something else must not change it).
# Usage: tests/scripts/user_cli.sh path/to/rung   (run from the repository root)
set -euo pipefail
rung=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
data=$tmp/data

fail() { echo "FAIL: $*" >&2; exit 1; }

run() {
  set +e
  USER=tester "$rung" "$@" >"$tmp/out" 2>"$tmp/err"
  code=$?
  set -e
}

expect_code() {
  [[ $code == "$1" ]] || fail "rung ${*:2}: exit $code, expected $1; stderr: $(cat "$tmp/err")"
}

# The password printed by add/reset: the text after "': " on the "one-time password" line.
password() { sed -n "s/^one-time password for '[^']*': //p" "$tmp/out"; }

run user add Ada@Example.com --data "$data"
expect_code 0 "user add"
grep -q "^created account 'ada@example.com'$" "$tmp/out" || fail "add: $(cat "$tmp/out")"
first=$(password)
[[ $first =~ ^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$ ]] || fail "add: password '$first'"
[[ -f $data/rung.db ]] || fail "no $data/rung.db"

run user add root --admin --data "$data"
expect_code 0 "user add --admin"
grep -q "(admin)" "$tmp/out" || fail "add --admin: $(cat "$tmp/out")"

# The store holds an Argon2id hash, never the password.
if grep -a -q -- "$first" "$data"/rung.db*; then fail "the password is in the database"; fi

run user add ada@example.com --data "$data"
expect_code 1 "user add (taken)"
grep -q "error\[auth.login-taken\]" "$tmp/err" || fail "taken: $(cat "$tmp/err")"

run user add "two words" --data "$data"
expect_code 2 "user add (malformed)"
grep -q "error\[auth.bad-login\]" "$tmp/err" || fail "malformed: $(cat "$tmp/err")"

run user reset adda@example.com --data "$data"
expect_code 1 "user reset (unknown)"
grep -q "did you mean 'ada@example.com'" "$tmp/err" || fail "reset unknown: $(cat "$tmp/err")"

run user reset ada@example.com --data "$data"
expect_code 0 "user reset"
second=$(password)
[[ -n $second && $second != "$first" ]] || fail "reset: password '$second'"

run user list --data "$data" --format json
expect_code 0 "user list --format json"
/usr/bin/python3 - "$tmp/out" <<'PY' || fail "list json: $(cat "$tmp/out")"
import json, sys
accounts = json.load(open(sys.argv[1]))
assert [a["login"] for a in accounts] == ["ada@example.com", "root"], accounts
assert [a["admin"] for a in accounts] == [False, True], accounts
assert all(a["must_change_password"] for a in accounts), accounts
assert all("password_hash" not in a for a in accounts), accounts
PY
grep -q argon2 "$tmp/out" && fail "list shows a hash"

run user list --data "$data"
expect_code 0 "user list"
grep -q "^ID " "$tmp/out" || fail "list: $(cat "$tmp/out")"

run audit --data "$data" --format json
expect_code 0 "audit --format json"
/usr/bin/python3 - "$tmp/out" "$first" "$second" <<'PY' || fail "audit: $(cat "$tmp/out")"
import json, sys
text = open(sys.argv[1]).read()
entries = json.loads(text)["entries"]
actions = sorted(e["action"] for e in entries)
assert actions == ["account.create", "account.create", "account.password-reset"], actions
import pwd, os
me = "cli:" + pwd.getpwuid(os.geteuid()).pw_name
assert all(e["actor"] == me for e in entries), (me, entries)
assert sys.argv[2] not in text and sys.argv[3] not in text and "argon2" not in text
PY

# Disable, enable and delete (schema 11) on SQLite: the last enabled admin stays; an account
# nothing names (ada has never signed in) can be deleted.
run user disable ada@example.com --data "$data"
expect_code 0 "user disable"
grep -q "^disabled 'ada@example.com'" "$tmp/out" || fail "disable: $(cat "$tmp/out")"
run user list --data "$data" --format json
/usr/bin/python3 - "$tmp/out" <<'PY' || fail "list after disable: $(cat "$tmp/out")"
import json, sys
accounts = json.load(open(sys.argv[1]))
assert accounts[0]["disabled_at"] > 0 and accounts[1]["disabled_at"] == 0, accounts
PY
run user enable ada@example.com --data "$data"
expect_code 0 "user enable"
run user disable root --data "$data"
expect_code 1 "user disable (last admin)"
grep -q "error\[auth.last-admin\]" "$tmp/err" || fail "last admin: $(cat "$tmp/err")"
run user delete ada@example.com --data "$data"
expect_code 0 "user delete"
run user delete ada@example.com --data "$data"
expect_code 1 "user delete (gone)"
run user delete --help
expect_code 0 "user delete --help"
grep -q "can only be disabled" "$tmp/out" || fail "delete --help: $(cat "$tmp/out")"

echo "ok"
