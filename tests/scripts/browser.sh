#!/usr/bin/env bash
# The browser tests (tests/browser/README.md), run by CTest with the rung binary as $1.
exec tests/browser/run.sh "$1"
