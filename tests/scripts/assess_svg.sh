#!/usr/bin/env bash
# The committed radar charts (tests/golden/assess/*/expected.svg, which the AssessGolden test
# keeps equal to what radar_svg produces) are well-formed XML that an independent parser reads,
# labelled for assistive technology: role="img", aria-labelledby naming the <title> and <desc>,
# and a description that states every area's figure. Run by CTest with the rung binary as $1
# (unused: the charts come from the library).
set -euo pipefail
exec /usr/bin/python3 - tests/golden/assess <<'PY'
import pathlib, re, sys
import xml.etree.ElementTree as ET

NS = "{http://www.w3.org/2000/svg}"
files = sorted(pathlib.Path(sys.argv[1]).glob("*/expected.svg"))
if len(files) < 5:
    sys.exit(f"expected at least 5 charts, found {len(files)}")
for path in files:
    root = ET.parse(path).getroot()
    assert root.tag == NS + "svg", (path, root.tag)
    assert root.get("role") == "img", path
    ids = root.get("aria-labelledby").split()
    title, desc = root.find(NS + "title"), root.find(NS + "desc")
    assert [title.get("id"), desc.get("id")] == ids, (path, ids)
    assert title.text and desc.text, path
    figures = re.findall(r"\d+ of \d+ met \(\d+%\)", desc.text)
    labels = [t for t in root.iter(NS + "tspan") if re.fullmatch(r"\d+ of \d+ met \(\d+%\)", t.text or "")]
    # One figure per area in the description (plus the overall one), each drawn as a label.
    assert len(figures) == len(labels) + 1, (path, figures, len(labels))
    for x in root.iter():
        assert not x.tag.endswith("script") and "href" not in "".join(x.keys()), path
    print(f"ok {path.parent.name}: {len(labels)} areas")
PY
