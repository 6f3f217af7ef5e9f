#!/usr/bin/env bash
# The Markdown export rendered by GitHub's own renderer (cmark-gfm, with the table,
# strikethrough and autolink extensions): every statement, level title, area name and the
# ladder name come out as the literal text of the model that `rung show --all --format json`
# prints, with no stray emphasis, links, headings or nested lists, and each level title is a
# cell of its track's table (a '|' in it does not split the row); every link to an anchor
# (#swe-3) lands on an anchor the page defines. Usage: export_markdown.sh RUNG_BINARY
set -euo pipefail
rung=$1
source tests/scripts/lib/export_ladders.bash
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for ladder in $(export_ladders); do
  set_ladder_args "$ladder"
  "$rung" export --format md -o "$tmp/ladder.md" "${LADDER_ARGS[@]}"
  cmark-gfm --unsafe -e table -e strikethrough -e autolink "$tmp/ladder.md" >"$tmp/ladder.html"
  "$rung" show --all --format json "${LADDER_ARGS[@]}" >"$tmp/model.json"
  /usr/bin/python3 - "$tmp" "$ladder" <<'PY'
import json, re, sys
from html.parser import HTMLParser

tmp, ladder = sys.argv[1], sys.argv[2]

class Page(HTMLParser):
    """Collects the text of headings and list items, anchors, and links."""
    def __init__(self):
        super().__init__()
        self.blocks, self.open, self.anchors, self.links, self.nested = [], [], set(), [], []
    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and "id" in attrs:
            self.anchors.add(attrs["id"])
        if tag == "a" and attrs.get("href", "").startswith("#"):
            self.links.append(attrs["href"][1:])
        if tag in ("h1", "h2", "h3", "h4", "li", "td"):
            self.open.append([tag, ""])
        elif tag in ("em", "strong", "del", "code", "ul", "ol", "blockquote", "b") and \
                any(b[0] == "li" for b in self.open):
            if tag != "code":
                self.nested.append((tag, self.open[-1][1]))
    def handle_endtag(self, tag):
        if self.open and self.open[-1][0] == tag:
            self.blocks.append(tuple(self.open.pop()))
    def handle_data(self, data):
        for block in self.open:
            block[1] += data

def norm(text):
    return re.sub(r"\s+", " ", text).strip()

page = Page()
page.feed(open(f"{tmp}/ladder.html", encoding="utf-8").read())
assert not page.nested, f"markup inside list items: {page.nested[:3]}"
items = [norm(t) for tag, t in page.blocks if tag == "li"]
cells = {norm(t) for tag, t in page.blocks if tag == "td"}
headings = {(tag, norm(t)) for tag, t in page.blocks if tag not in ("li", "td")}

model = json.load(open(f"{tmp}/model.json", encoding="utf-8"))
titles = {lv["id"]: lv["title"] for tr in model["tracks"] for lv in tr["levels"]}
areas = {a["id"]: a["name"] for a in model["areas"]}
assert ("h1", norm(model["name"])) in headings, "ladder name"
want = []
for track in model["tracks"]:
    assert ("h2", norm(track["name"])) in headings, track["name"]
    for level in track["levels"]:
        assert ("h3", norm(level["title"])) in headings, level["title"]
        assert norm(level["title"]) in cells, f"no table cell {level['title']!r}"
        for area, statements in level.get("statements", {}).items():
            assert ("h4", norm(areas[area])) in headings, areas[area]
            for item in statements:
                see = ", ".join(titles[r] for r in item.get("refs", []))
                want.append(norm(item["text"]) + (f" (see {see})" if see else ""))
want += [norm(c) for c in model.get("credits", [])]
assert items == want, "\n".join(f"got  {g}\nwant {w}" for g, w in zip(items, want) if g != w)
dangling = sorted(set(page.links) - page.anchors)
assert not dangling, f"links to missing anchors: {dangling}"
print(f"{ladder}: {len(want)} list items and {len(headings)} headings render as written")
PY
done
