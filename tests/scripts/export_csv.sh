#!/usr/bin/env bash
# The CSV export read back by an independent reader (Python's csv module): the header, one row
# per statement plus a row per statement of each level that shares another's description,
# every field equal to the model that `rung show --all --format json` prints (a field a
# spreadsheet would run as a formula with a leading apostrophe, and as it is with --lossless),
# CRLF row ends, and --bom adding exactly a UTF-8 byte order mark.
# Usage: export_csv.sh RUNG_BINARY
set -euo pipefail
rung=$1
source tests/scripts/lib/export_ladders.bash
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for ladder in $(export_ladders); do
  set_ladder_args "$ladder"
  "$rung" export --format csv -o "$tmp/plain.csv" "${LADDER_ARGS[@]}"
  "$rung" export --format csv --bom -o "$tmp/bom.csv" "${LADDER_ARGS[@]}"
  "$rung" export --format csv "${LADDER_ARGS[@]}" >"$tmp/stdout.csv"
  "$rung" export --format csv --lossless -o "$tmp/lossless.csv" "${LADDER_ARGS[@]}"
  "$rung" show --all --format json "${LADDER_ARGS[@]}" >"$tmp/model.json"
  /usr/bin/python3 - "$tmp" "$ladder" <<'PY'
import csv, io, json, sys

tmp, ladder = sys.argv[1], sys.argv[2]
raw = open(f"{tmp}/plain.csv", "rb").read()
assert raw == open(f"{tmp}/stdout.csv", "rb").read(), "-o and stdout differ"
bom = open(f"{tmp}/bom.csv", "rb").read()
assert not raw.startswith(b"\xef\xbb\xbf"), "BOM without --bom"
assert bom == b"\xef\xbb\xbf" + raw, "--bom must add exactly the BOM"

# Row ends: CRLF, and no bare LF or CR outside quoted fields.
quoted = False
for i, byte in enumerate(raw):
    if byte == ord('"'):
        quoted = not quoted
    elif not quoted and byte == ord("\n"):
        assert raw[i - 1] == ord("\r"), f"bare LF at byte {i}"
    elif not quoted and byte == ord("\r"):
        assert raw[i + 1] == ord("\n"), f"bare CR at byte {i}"
assert raw.endswith(b"\r\n")

rows = list(csv.reader(io.StringIO(raw.decode("utf-8"), newline="")))
header = ["track", "level", "grade", "title", "area", "statement_id", "text", "shared_from"]
assert rows[0] == header, rows[0]

model = json.load(open(f"{tmp}/model.json", encoding="utf-8"))
levels = {lv["id"]: lv for tr in model["tracks"] for lv in tr["levels"]}
expected, statements, shared_rows = [], 0, 0
for track in model["tracks"]:
    for level in track["levels"]:
        holder = levels[level["shares"]] if "shares" in level else level
        for area, items in holder.get("statements", {}).items():
            for item in items:
                expected.append([track["id"], level["id"], level.get("grade", ""),
                                 level["title"], area, item["id"], item["text"],
                                 holder["id"] if holder is not level else ""])
                if holder is level:
                    statements += 1
                else:
                    shared_rows += 1
if ladder == "builtin":
    assert statements == 184, f"the built-in ladder has {statements} statements, not 184"
assert len(rows) == 1 + statements + shared_rows, (len(rows), statements, shared_rows)
def guarded(field):
    return "'" + field if field[:1] in ("=", "+", "-", "@", "\t", "\r") else field
risky = 0
for got, want in zip(rows[1:], expected):
    assert got == [guarded(f) for f in want], f"\n got  {got}\n want {want}"
    risky += got != want
lossless = list(csv.reader(io.StringIO(open(f"{tmp}/lossless.csv", encoding="utf-8",
                                            newline="").read(), newline="")))
assert lossless[1:] == expected, "--lossless must keep every field as it is"
if ladder != "builtin":
    assert risky >= 2, f"the fixture's formula-like statements were not guarded ({risky})"
print(f"{ladder}: {statements} statements + {shared_rows} shared rows read back, "
      f"{risky} guarded against formulas")
PY
done
