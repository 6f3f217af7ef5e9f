#!/usr/bin/env bash
# `rung export` refusing what it cannot do, with exit code 2, a clear message and nothing left
# behind: a missing directory, a directory as the target, a read-only directory (run as an
# unprivileged user when the test runs as root), a ladder that does not load (an existing
# file is kept as it was), xlsx without -o, --bom or --lossless with a format other
# than csv.
# Usage: export_errors.sh RUNG_BINARY
set -euo pipefail
rung=$(realpath "$1")
fixture=tests/golden/export/specials.yaml
tmp=$(mktemp -d)
trap 'chmod -R u+w "$tmp"; rm -rf "$tmp"' EXIT
chmod 755 "$tmp"
failures=0

# expect_failure DESCRIPTION EXPECTED_STDERR_PIECE COMMAND...: exit code 2, the message.
expect_failure() {
  local description=$1 message=$2
  shift 2
  local status=0
  "$@" >"$tmp/stdout" 2>"$tmp/stderr" || status=$?
  if [[ $status -ne 2 ]] || ! grep -qF -- "$message" "$tmp/stderr"; then
    echo "FAIL: $description: exit $status, stderr:"
    cat "$tmp/stderr"
    failures=$((failures + 1))
  fi
}

expect_only() {
  local dir=$1 expected=$2 listing
  listing=$(ls -A "$dir" | tr '\n' ' ')
  if [[ $listing != "$expected" ]]; then
    echo "FAIL: $dir holds '$listing', expected '$expected'"
    failures=$((failures + 1))
  fi
}

mkdir "$tmp/out" "$tmp/target-dir" "$tmp/read-only"
for format in md json yaml csv xlsx; do
  expect_failure "$format into a missing directory" \
    "cannot write '$tmp/out/missing/ladder.$format': No such file or directory" \
    "$rung" export --format "$format" --ladder "$fixture" -o "$tmp/out/missing/ladder.$format"
  expect_failure "$format onto a directory" "cannot write '$tmp/target-dir': Is a directory" \
    "$rung" export --format "$format" --ladder "$fixture" -o "$tmp/target-dir"
  expect_failure "$format onto a directory/" "cannot write '$tmp/target-dir/': Is a directory" \
    "$rung" export --format "$format" --ladder "$fixture" -o "$tmp/target-dir/"
done
expect_only "$tmp/out" ""
expect_only "$tmp/target-dir" ""

chmod 555 "$tmp/read-only"
as_user=()
if [[ $(id -u) -eq 0 ]]; then
  as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
fi
for format in md csv xlsx; do
  expect_failure "$format into a read-only directory" \
    "cannot write '$tmp/read-only/ladder.$format': Permission denied" \
    "${as_user[@]}" "$rung" export --format "$format" --ladder "$(realpath "$fixture")" \
    -o "$tmp/read-only/ladder.$format"
done
expect_only "$tmp/read-only" ""

echo "the old content" >"$tmp/out/kept.md"
expect_failure "a ladder that does not load" "duplicate-ids.yaml:5:6: error[ladder.duplicate-id]" \
  "$rung" export --format md --ladder tests/fixtures/yaml/bad/duplicate-ids.yaml -o "$tmp/out/kept.md"
if [[ $(cat "$tmp/out/kept.md") != "the old content" ]]; then
  echo "FAIL: the existing file was changed"
  failures=$((failures + 1))
fi
expect_only "$tmp/out" "kept.md "

expect_failure "xlsx to standard output" "--format xlsx writes a file, not text: give -o PATH" \
  "$rung" export --format xlsx --ladder "$fixture"
expect_failure "--bom with json" "--bom applies to --format csv only" \
  "$rung" export --format json --bom --ladder "$fixture"
expect_failure "--lossless with xlsx" "--lossless applies to --format csv only" \
  "$rung" export --format xlsx --lossless -o "$tmp/x.xlsx" --ladder "$fixture"
expect_failure "an unknown format" "--format: pdf not in {md,json,yaml,csv,xlsx,html}" \
  "$rung" export --format pdf --ladder "$fixture"

if [[ $failures -ne 0 ]]; then
  echo "$failures failures"
  exit 1
fi
echo "every refusal had exit code 2, its message, and left nothing behind"
