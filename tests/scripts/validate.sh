#!/usr/bin/env bash
# Runs the real `rung validate` ($1) on fixture files and checks what a user or a CI job sees:
# exit codes 0 / 1 / 2, "FILE: ok (...)" for a valid ladder, and file:line:col on every error.
set -uo pipefail
rung=$1
failures=0
out=$(mktemp)
err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT

fail() {
  echo "FAIL: $*"
  echo "--- stdout:"; cat "$out"
  echo "--- stderr:"; cat "$err"
  failures=$((failures + 1))
}

# expect CODE ARGS...: runs `rung validate ARGS...` and checks the exit code.
expect() {
  local want=$1
  shift
  "$rung" validate "$@" >"$out" 2>"$err"
  local got=$?
  if [[ $got -ne $want ]]; then
    fail "rung validate $* exited $got, expected $want"
    return 1
  fi
}

valid=tests/fixtures/yaml/valid/handwritten.yaml
if expect 0 "$valid"; then
  grep -qx "$valid: ok (2 tracks, 4 levels, 4 statements)" "$out" || fail "no ok line for $valid"
fi

# Malformed YAML: unusable (2), with the place of the problem.
bad=tests/fixtures/yaml/bad/syntax-colon-in-value.yaml
if expect 2 "$bad"; then
  grep -q "^$bad:15:25: error\[yaml.syntax\]: " "$err" || fail "no file:line:col in the error"
  grep -q "hint: " "$err" || fail "no hint for a colon in a value"
  [[ -s "$out" ]] && fail "something was written to stdout for a bad file"
fi

# Well-formed, but breaks ladder rules (duplicate ids): findings (1), every one with a place.
dups=tests/fixtures/yaml/bad/duplicate-ids.yaml
if expect 1 "$dups"; then
  count=$(grep -c "^$dups:[0-9]*:[0-9]*: error\[ladder\." "$err")
  [[ $count -eq 5 ]] || fail "expected 5 located errors for $dups, found $count"
fi

# A missing file is unusable input.
expect 2 tests/fixtures/yaml/no-such-file.yaml &&
  grep -q "error\[file.not-found\]" "$err" || fail "no file.not-found error"

# JSON output: a list of {code, message, file, line, column, hint}, read with a real JSON parser.
if expect 2 "$bad" --format json; then
  /usr/bin/python3 - "$out" "$bad" <<'PY' || fail "bad JSON output"
import json, sys
errors = json.load(open(sys.argv[1]))
assert isinstance(errors, list) and len(errors) == 1, errors
e = errors[0]
assert list(e) == ["code", "message", "file", "line", "column", "hint"], list(e)
assert (e["code"], e["file"], e["line"], e["column"]) == ("yaml.syntax", sys.argv[2], 15, 25), e
PY
fi
if expect 0 "$valid" --format json; then
  [[ $(cat "$out") == "[]" ]] || fail "a valid ladder should give [] in JSON"
fi

# Bad arguments are unusable input too.
expect 2 "$valid" --format xml

exit $((failures > 0))
