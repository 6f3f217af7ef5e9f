#!/usr/bin/env bash
# Exported JSON and YAML are ladder files again: `rung export --ladder` of either gives back the
# same ladder (compared as its YAML export and as the JSON model Python reads); the JSON
# export is valid JSON to an independent parser (Python's json, strict: no NaN, no duplicate
# keys) and valid against schema/ladder.schema.json (python3-jsonschema).
# Usage: export_roundtrip.sh RUNG_BINARY
set -euo pipefail
rung=$1
source tests/scripts/lib/export_ladders.bash
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for ladder in $(export_ladders); do
  set_ladder_args "$ladder"
  "$rung" export --format json -o "$tmp/ladder.json" "${LADDER_ARGS[@]}"
  "$rung" export --format yaml -o "$tmp/ladder.yaml" "${LADDER_ARGS[@]}"
  "$rung" export --format yaml --ladder "$tmp/ladder.json" >"$tmp/from-json.yaml"
  "$rung" export --format yaml --ladder "$tmp/ladder.yaml" >"$tmp/from-yaml.yaml"
  "$rung" export --format json --ladder "$tmp/ladder.yaml" >"$tmp/from-yaml.json"
  cmp "$tmp/ladder.yaml" "$tmp/from-json.yaml"
  cmp "$tmp/ladder.yaml" "$tmp/from-yaml.yaml"
  /usr/bin/python3 - "$tmp" <<'PY'
import json, sys
import jsonschema
tmp = sys.argv[1]
def strict(pairs):
    keys = [k for k, _ in pairs]
    assert len(keys) == len(set(keys)), f"duplicate keys {keys}"
    return dict(pairs)
def bad_constant(name):
    raise AssertionError(f"non-JSON constant {name}")
load = lambda p: json.load(open(p, encoding="utf-8"), object_pairs_hook=strict,
                           parse_constant=bad_constant)
exported = load(f"{tmp}/ladder.json")
assert exported == load(f"{tmp}/from-yaml.json")
schema = json.load(open("schema/ladder.schema.json", encoding="utf-8"))
errors = list(jsonschema.Draft7Validator(schema).iter_errors(exported))
assert not errors, [("/".join(map(str, e.absolute_path)), e.message) for e in errors[:5]]
PY
  echo "$ladder: json and yaml exports load back as the same ladder"
done
