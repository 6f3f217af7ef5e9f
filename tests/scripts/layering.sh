#!/usr/bin/env bash
# Dependencies between folders point only downwards, in the order ARCHITECTURE.md draws them
# (tests/scripts/lib/layering.py). First the checker is shown to catch what it is for, on a
# copy of the tree with planted faults (a folder including one above it, two folders of one
# line including each other, a folder missing from the list); then the real tree must pass.
# Run by CTest with the rung binary as $1 (unused).
set -euo pipefail
checker=tests/scripts/lib/layering.py
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

plant() {  # plant NAME FILE LINE: a copy of the tree with LINE appended to FILE must fail
  local copy="$scratch/$1"
  mkdir -p "$copy"
  cp ARCHITECTURE.md "$copy/"
  cp -r src "$copy/"
  mkdir -p "$(dirname "$copy/$2")"
  echo "$3" >>"$copy/$2"
  if python3 "$checker" "$copy" >"$copy.out"; then
    echo "layering: the checker missed a planted fault ($1)"; cat "$copy.out"; exit 1
  fi
  grep -q "$(dirname "$2")/" "$copy.out" || { echo "layering: fault $1 not named"; exit 1; }
}
plant upward src/rung/html/links.cpp '#include "rung/web/app.hpp"'
plant sideways src/rung/web/people/views.cpp '#include "rung/web/review/json.hpp"'
plant below src/rung/core/text.cpp '#include "rung/store/store.hpp"'
plant unlisted src/rung/nowhere/thing.cpp '#include "rung/core/text.hpp"'

python3 "$checker" .
