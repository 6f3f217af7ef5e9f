#!/usr/bin/env bash
# Checks schema/ladder.schema.json with an independent validator (Debian's python3-jsonschema
# and python3-yaml, not Rung's own loader):
#   - every tests/fixtures/yaml/valid/*.yaml and ladders/engineering.yaml is accepted;
#   - every tests/fixtures/yaml/schema-invalid/*.yaml is rejected, at the place its comment
#     line "# rejected at: <path>" names (e.g. tracks/0/levels/0/id; "(top)" for the root).
# Run from the repository root. ($1, the rung binary, is not needed here.)
set -euo pipefail

exec /usr/bin/python3 - <<'PY'
import glob
import json
import re
import sys

import jsonschema
import yaml


class TextDates(yaml.SafeLoader):
    """A safe loader that reads dates (published: 2019-12-17) as text, as Rung does."""


TextDates.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

with open("schema/ladder.schema.json", encoding="utf-8") as f:
    schema = json.load(f)
jsonschema.Draft7Validator.check_schema(schema)
validator = jsonschema.Draft7Validator(schema)


def problems(path):
    """(place, message) for every schema violation in the YAML file at path."""
    with open(path, "rb") as f:
        document = yaml.load(f, Loader=TextDates)
    return [("/".join(map(str, e.absolute_path)) or "(top)", e.message)
            for e in validator.iter_errors(document)]


def expected_place(path):
    with open(path, encoding="utf-8") as f:
        found = re.search(r"^# rejected at: (\S+)$", f.read(), re.MULTILINE)
    return found.group(1) if found else None


failures = 0
valid = sorted(glob.glob("tests/fixtures/yaml/valid/*.yaml"))
invalid = sorted(glob.glob("tests/fixtures/yaml/schema-invalid/*.yaml"))
if not valid or not invalid:
    print("schema.sh: no fixtures found; run from the repository root")
    sys.exit(1)

with open("ladders/engineering.yaml", encoding="utf-8") as f:
    if re.search(r"^schema:", f.read(), re.MULTILINE):
        valid.append("ladders/engineering.yaml")
    else:
        print("skip ladders/engineering.yaml: still a placeholder (no 'schema:' key)")

for path in valid:
    found = problems(path)
    if found:
        failures += 1
        print(f"FAIL {path}: a valid ladder is rejected by the schema")
        for place, message in found:
            print(f"    {place}: {message}")
    else:
        print(f"ok   {path}: accepted")

for path in invalid:
    place = expected_place(path)
    found = problems(path)
    at_place = [message for where, message in found if where == place]
    if place is None:
        failures += 1
        print(f"FAIL {path}: no '# rejected at: <path>' line")
    elif not at_place:
        failures += 1
        print(f"FAIL {path}: not rejected at {place}; schema errors: {found or 'none'}")
    else:
        print(f"ok   {path}: rejected at {place}: {at_place[0]}")

sys.exit(1 if failures else 0)
PY
