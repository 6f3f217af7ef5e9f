#!/usr/bin/env bash
# Installs what Rung needs to build, test and run, on Debian 12, as root.
# cmark-gfm (GitHub's Markdown renderer) is for tests only: it checks that the Markdown export
# renders as written.
# Idempotent and quiet when everything is present: it asks dpkg first and only then apt.
set -euo pipefail

packages=(
  build-essential cmake ninja-build ccache pkg-config
  libyaml-cpp-dev nlohmann-json3-dev libcli11-dev libfmt-dev libexpected-dev
  libsqlite3-dev libsodium-dev libxlsxwriter-dev librestinio-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  python3 python3-jsonschema python3-yaml
  cmark-gfm
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if ((${#missing[@]})); then
  echo "install-deps: installing ${missing[*]}"
  sudo_cmd=()
  if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
fi
