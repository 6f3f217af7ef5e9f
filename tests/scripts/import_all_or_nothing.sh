#!/usr/bin/env bash
# `rung import` writes all or nothing: a bad input exits with 2 and creates or changes no file;
# a good one writes the file, and importing it again over itself changes nothing.
# Usage: tests/scripts/import_all_or_nothing.sh path/to/rung   (run from the repository root)
set -euo pipefail

rung="$1"
cases=tests/golden/import
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

# 1. A bad input and a new output path: exit code 2, no file, no temporary file left behind.
for bad in bad-truncated-level bad-binary bad-invalid-utf8 bad-empty bad-unknown-track; do
  set +e
  "$rung" import "$cases/$bad/input.txt" -o "$work/out.yaml" 2>"$work/err.txt"
  code=$?
  set -e
  [[ $code -eq 2 ]] || fail "$bad: exit code $code, expected 2"
  [[ ! -e "$work/out.yaml" ]] || fail "$bad: out.yaml was created"
  [[ -z "$(ls -A "$work" | grep -v '^err.txt$' || true)" ]] || fail "$bad: files left: $(ls "$work")"
  grep -q "error\[import\." "$work/err.txt" || fail "$bad: no import error on stderr"
  grep -q "nothing written" "$work/err.txt" || fail "$bad: stderr does not say nothing was written"
done

# 2. A good input writes a ladder that rung itself can load.
"$rung" import "$cases/acme-robotics/input.txt" -o "$work/out.yaml" 2>"$work/err.txt" ||
  fail "good input: exit code $?"
[[ -s "$work/out.yaml" ]] || fail "good input: no output file"
"$rung" show --ladder "$work/out.yaml" >/dev/null || fail "the written ladder does not load"
cp "$work/out.yaml" "$work/before.yaml"

# 3. A bad input over an existing output file leaves that file exactly as it was.
set +e
"$rung" import "$cases/bad-level-number/input.txt" -o "$work/out.yaml" 2>/dev/null
code=$?
set -e
[[ $code -eq 2 ]] || fail "bad input over an existing file: exit code $code, expected 2"
cmp -s "$work/out.yaml" "$work/before.yaml" || fail "the existing output file was changed"

# 4. Importing the same text again over the file keeps it byte for byte (ids from the file).
"$rung" import "$cases/acme-robotics/input.txt" -o "$work/out.yaml" 2>"$work/err.txt"
cmp -s "$work/out.yaml" "$work/before.yaml" || fail "a re-import changed the file"
grep -q "22 kept, 0 reworded, 0 new, 0 removed" "$work/err.txt" || fail "summary: $(cat "$work/err.txt")"

# 5. Without -o the YAML goes to stdout and nothing to the current directory.
"$rung" import "$cases/acme-robotics/input.txt" >"$work/stdout.yaml" 2>/dev/null
cmp -s "$work/stdout.yaml" "$work/before.yaml" || fail "stdout differs from the written file"

echo "ok"
