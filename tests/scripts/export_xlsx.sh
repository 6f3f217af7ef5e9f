#!/usr/bin/env bash
# The XLSX export opened by an independent reader (Python's zipfile and xml.etree): the sheets
# (Overview, one per track, Matrix) exist, every statement text of the model that
# `rung show --all --format json` prints is among the shared strings, each track sheet has a
# row per statement (shared levels included), every sheet has a frozen header and widths, and
# every cell is typed text in the Text number format (a formula-like statement stays as it is
# and is never run, even after someone edits the cell).
# Usage: export_xlsx.sh RUNG_BINARY
set -euo pipefail
rung=$1
source tests/scripts/lib/export_ladders.bash
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for ladder in $(export_ladders); do
  set_ladder_args "$ladder"
  "$rung" export --format xlsx -o "$tmp/ladder.xlsx" "${LADDER_ARGS[@]}"
  "$rung" show --all --format json "${LADDER_ARGS[@]}" >"$tmp/model.json"
  /usr/bin/python3 - "$tmp" "$ladder" <<'PY'
import json, re, sys, zipfile
import xml.etree.ElementTree as ET

tmp, ladder = sys.argv[1], sys.argv[2]
NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"

def unescape(text):  # OOXML writes control characters as _xHHHH_
    return re.sub(r"_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m.group(1), 16)), text)

book = zipfile.ZipFile(f"{tmp}/ladder.xlsx")
assert book.testzip() is None
workbook = ET.fromstring(book.read("xl/workbook.xml"))
rels = ET.fromstring(book.read("xl/_rels/workbook.xml.rels"))
targets = {r.get("Id"): r.get("Target") for r in rels}
sheets = [(s.get("name"), "xl/" + targets[s.get(REL)]) for s in workbook.find("m:sheets", NS)]

model = json.load(open(f"{tmp}/model.json", encoding="utf-8"))
names = [name for name, _ in sheets]
assert names == ["Overview"] + [t["name"][:31] for t in model["tracks"]] + ["Matrix"], names

strings = ET.fromstring(book.read("xl/sharedStrings.xml"))
shared = [unescape("".join(t.text or "" for t in si.iter(f"{{{NS['m']}}}t")))
          for si in strings.findall("m:si", NS)]
texts = {item["text"] for tr in model["tracks"] for lv in tr["levels"]
         for items in lv.get("statements", {}).values() for item in items}
missing = [t for t in texts if t not in shared]
assert not missing, f"statements missing from the shared strings: {missing[:3]}"

levels = {lv["id"]: lv for tr in model["tracks"] for lv in tr["levels"]}
for (name, path), track in zip(sheets[1:-1], model["tracks"]):
    sheet = ET.fromstring(book.read(path))
    rows = sheet.findall("m:sheetData/m:row", NS)
    expected = 0
    for level in track["levels"]:
        holder = levels[level["shares"]] if "shares" in level else level
        count = sum(len(items) for items in holder.get("statements", {}).values())
        expected += max(count, 1)  # a level without statements still gets its row
    assert len(rows) == 1 + expected, (name, len(rows), expected)
styles = ET.fromstring(book.read("xl/styles.xml"))
xfs = styles.find("m:cellXfs", NS).findall("m:xf", NS)
text_styles = {i for i, xf in enumerate(xfs) if xf.get("numFmtId") == "49"}
formula_like = [t for t in texts if t[:1] in ("=", "+", "-", "@")]
if ladder != "builtin":
    assert formula_like, "the fixture has formula-like statements"
    missing = [t for t in formula_like if t not in shared]
    assert not missing, f"formula-like statements changed: {missing}"
for name, path in sheets:
    sheet = ET.fromstring(book.read(path))
    for cell in sheet.iter(f"{{{NS['m']}}}c"):
        assert cell.find("m:f", NS) is None, f"{name}!{cell.get('r')}: a formula"
        blank = cell.find("m:v", NS) is None and cell.get("t") is None
        assert blank or cell.get("t") == "s", f"{name}!{cell.get('r')}: not a text cell"
        assert int(cell.get("s", "0")) in text_styles, f"{name}!{cell.get('r')}: not Text format"
    pane = sheet.find("m:sheetViews/m:sheetView/m:pane", NS)
    assert pane is not None and pane.get("state") == "frozen", f"{name}: no frozen pane"
    assert pane.get("ySplit") in ("1", "2"), f"{name}: header rows not frozen"
    assert sheet.find("m:cols", NS) is not None, f"{name}: no column widths"
print(f"{ladder}: {len(sheets)} sheets, {len(texts)} statement texts found")
PY
done
