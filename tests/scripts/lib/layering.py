#!/usr/bin/env python3
"""Checks that dependencies between folders of src/rung/ point only downwards.

The order is the one ARCHITECTURE.md draws in its first fenced block: one line per layer, top
to bottom, each line starting with the folders of that layer ("web/shell/", "auth/ people/").
A file in a folder may include its own folder and any folder on a lower line; never a folder
on a higher line, nor another folder of its own line. A file belongs to the longest listed
folder its path starts with. Every folder of src/rung/ must be listed.

Usage: layering.py ROOT   (the repository root). Prints each violation, exits 1 if any.
"""
import pathlib
import re
import sys


def layers(architecture: str) -> list[list[str]]:
    block = re.search(r"```\n(.*?)```", architecture, re.S)
    if block is None:
        sys.exit("layering: ARCHITECTURE.md has no fenced block of folders")
    out = []
    for line in block.group(1).splitlines():
        folders = []
        for word in line.split():
            if not word.endswith("/"):
                break
            folders.append(word.rstrip("/"))
        if folders:
            out.append(folders)
    return out


def main() -> int:
    root = pathlib.Path(sys.argv[1])
    rank = {}
    for index, line in enumerate(layers((root / "ARCHITECTURE.md").read_text())):
        for folder in line:
            rank[folder] = index
    src = root / "src" / "rung"

    def folder_of(relative: str) -> str | None:
        best = None
        for folder in rank:
            if relative.startswith(folder + "/") and (best is None or len(folder) > len(best)):
                best = folder
        return best

    problems = []
    for directory in sorted(p for p in src.rglob("*") if p.is_dir() and p.name != "assets"
                            and "assets" not in p.parts):
        relative = directory.relative_to(src).as_posix()
        if any(f.suffix in (".cpp", ".hpp") for f in directory.iterdir()) and \
                folder_of(relative + "/x") is None:
            problems.append(f"src/rung/{relative}/: not in ARCHITECTURE.md's list of folders")
    include = re.compile(r'^\s*#\s*include\s+"rung/([^"]+)"', re.M)
    for path in sorted(src.rglob("*.[ch]pp")):
        relative = path.relative_to(src).as_posix()
        own = folder_of(relative)
        if own is None:
            continue
        for target in include.findall(path.read_text()):
            other = folder_of(target)
            if other is None or other == own:
                continue
            if rank[other] < rank[own]:
                problems.append(f"src/rung/{relative}: includes rung/{target}, "
                                f"but {other}/ is above {own}/ in ARCHITECTURE.md")
            elif rank[other] == rank[own]:
                problems.append(f"src/rung/{relative}: includes rung/{target}, "
                                f"but {other}/ and {own}/ are on one line of ARCHITECTURE.md")
    for problem in problems:
        print(problem)
    print(f"layering: {len(problems)} problem(s) in {len(rank)} folders")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
