# Sourced by the export_*.sh script tests (kept out of tests/scripts/*.sh, which CTest runs).

# The ladders every export check runs on: a fixture full of hard texts, and the built-in
# ladder ("builtin").
export_ladders() {
  echo tests/golden/export/specials.yaml
  echo builtin
}

# Sets the array LADDER_ARGS to the --ladder option for one of export_ladders.
set_ladder_args() {
  LADDER_ARGS=()
  if [[ $1 != builtin ]]; then
    LADDER_ARGS=(--ladder "$1")
  fi
}
