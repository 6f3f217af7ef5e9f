#!/usr/bin/env bash
# `rung lint` as CI uses it: exit codes, --strict, --disable, --format json, bad input.
# Usage: tests/scripts/lint_cli.sh path/to/rung   (run from the repository root)
set -euo pipefail
rung=$1
dir=tests/golden/lint
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }

# Runs rung with the given arguments; sets $code and leaves stdout/stderr in $tmp/out, $tmp/err.
run() {
  set +e
  "$rung" "$@" >"$tmp/out" 2>"$tmp/err"
  code=$?
  set -e
}

expect_code() {
  [[ $code == "$1" ]] || fail "rung ${*:2}: exit $code, expected $1; stderr: $(cat "$tmp/err")"
}

# Clean ladder: exit 0 even with --strict.
run lint "$dir/clean/ladder.yaml" --strict
expect_code 0 "clean --strict"
grep -q 'no findings' "$tmp/out" || fail "clean: no 'no findings' line"

# An error fails the run; the output is the golden text.
run lint "$dir/duplicate-title/ladder.yaml"
expect_code 1 "duplicate-title"
diff -u "$dir/duplicate-title/expected.txt" "$tmp/out" || fail "duplicate-title: output differs"

# A warning passes, and fails with --strict; a note passes even with --strict.
run lint "$dir/missing-area/ladder.yaml"
expect_code 0 "missing-area"
run lint "$dir/missing-area/ladder.yaml" --strict
expect_code 1 "missing-area --strict"
run lint "$dir/experience-overlap/ladder.yaml" --strict
expect_code 0 "experience-overlap --strict"

# --disable by code or by name turns the rule off for the run.
run lint "$dir/duplicate-title/ladder.yaml" --disable L001
expect_code 0 "duplicate-title --disable L001"
grep -q 'turned off: L001' "$tmp/out" || fail "--disable: summary does not say so"
run lint "$dir/missing-area/ladder.yaml" --strict --disable missing-area --disable L012
expect_code 0 "missing-area --strict --disable missing-area"

# An unknown rule on the command line is a usage error: exit 2, nothing on stdout.
run lint "$dir/clean/ladder.yaml" --disable L999
expect_code 2 "--disable L999"
[[ ! -s $tmp/out ]] || fail "--disable L999: something on stdout"
grep -q 'no such lint rule' "$tmp/err" || fail "--disable L999: no message"

# JSON: parses, has the documented shape, agrees with the text report.
run lint "$dir/repeated-statement/ladder.yaml" --format json
expect_code 0 "--format json"
/usr/bin/python3 - "$tmp/out" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
assert report["file"].endswith("repeated-statement/ladder.yaml"), report["file"]
assert report["summary"] == {"errors": 0, "warnings": 1, "notes": 0}, report["summary"]
(d,) = report["diagnostics"]
assert d["code"] == "L007" and d["rule"] == "repeated-statement" and d["severity"] == "warning"
assert d["element"] == "swe-2-craft-2" and d["line"] > 0 and d["column"] > 0
assert "word for word" in d["message"] and d["hint"]
PY

# Unusable input: a missing file and a file that does not load give exit 2, errors on stderr.
run lint "$tmp/missing.yaml"
expect_code 2 "missing file"
[[ ! -s $tmp/out ]] || fail "missing file: something on stdout"
printf 'schema: rung/ladder/v1\nname: [unclosed\n' >"$tmp/broken.yaml"
run lint "$tmp/broken.yaml"
expect_code 2 "broken yaml"
grep -q "broken.yaml:" "$tmp/err" || fail "broken yaml: error does not name the file"

# No FILE: the built-in ladder, whose real defects include errors.
run lint
expect_code 1 "built-in"
diff -u "$dir/builtin/expected.txt" "$tmp/out" || fail "built-in: output differs"
run lint --format json
diff -u "$dir/builtin/expected.json" "$tmp/out" || fail "built-in json: output differs"

# The rule list names every rule once.
run lint --list-rules
expect_code 0 "--list-rules"
[[ $(grep -c '^L0' "$tmp/out") == 16 ]] || fail "--list-rules: expected 16 rules"

echo "lint_cli: ok"
