#!/usr/bin/env bash
# Installs what Rung needs to build, test and run, on Debian 12, as root.
# cmark-gfm (GitHub's Markdown renderer) is for tests only: it checks that the Markdown export
# renders as written.
# Idempotent and quiet when everything is present: it asks dpkg first and only then apt.
set -euo pipefail

packages=(
  build-essential cmake ninja-build ccache pkg-config
  # lld: make test links its large sanitized binaries with it (Makefile)
  lld
  libyaml-cpp-dev nlohmann-json3-dev libcli11-dev libfmt-dev libexpected-dev
  libsqlite3-dev libsodium-dev libxlsxwriter-dev librestinio-dev libasio-dev zlib1g-dev
  # libpq: the PostgreSQL store (src/rung/store/postgres/). postgresql-15: its server binaries
  # (initdb, pg_ctl, postgres) for make test, which starts a throwaway cluster of its own
  # (tests/support/postgres_cluster.sh; Debian's package also starts a system cluster, which
  # rung's tests do not use)
  libpq-dev postgresql-15
  # rung import of XLSX workbooks: minizip unzips them, expat parses their XML
  libminizip-dev libexpat1-dev
  # OpenID Connect sign-in: cjose (JWK, JWS verification), libcurl (HTTPS to the provider);
  # python3-jwcrypto for the test identity provider (tests/support/oidc_provider.py)
  # (libjansson-dev: cjose.pc requires it, and Debian's libcjose-dev does not pull it in)
  libcjose-dev libjansson-dev libcurl4-openssl-dev python3-jwcrypto
  libgtest-dev libgmock-dev libbenchmark-dev
  # the sqlite3 shell: bench/people_bench.cpp times its `.import` against rung's people import
  sqlite3
  python3 python3-jsonschema python3-yaml
  # tests/scripts/raters_check.sh: kappa against scikit-learn's, the other figures against numpy
  python3-sklearn python3-numpy
  cmark-gfm
  # the browser tests (tests/browser): Debian's Chromium driven by playwright-core from npm
  chromium nodejs fonts-dejavu-core
)
# `make bench-http` also needs nginx (to compare against) and wrk; nothing else installs them.
if [[ "${1:-}" == "--bench-http" ]]; then packages+=(nginx-light wrk); fi
# `make fuzz` builds with clang-14 and its libFuzzer (libclang-rt-14-dev); only it installs them.
if [[ "${1:-}" == "--fuzz" ]]; then packages+=(clang-14 libclang-rt-14-dev); fi
# `make stemmer-eval` compares Rung's stemmer with Snowball's (libstemmer); only it installs it.
if [[ "${1:-}" == "--stemmer" ]]; then packages+=(libstemmer-dev); fi
# Debian's nodejs comes without npm (a separate package); other builds of nodejs bundle it.
if ! command -v npm >/dev/null; then packages+=(npm); fi

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

# The browser tests' npm packages (playwright-core, axe-core): installed from the committed lock
# file, again only when node_modules is missing or the lock file changed since the last install.
browser_dir="$(cd "$(dirname "$0")/.." && pwd)/tests/browser"
stamp="$browser_dir/node_modules/.package-lock.stamp"
if [[ ! -d "$browser_dir/node_modules" ]] || ! cmp -s "$browser_dir/package-lock.json" "$stamp"; then
  echo "install-deps: npm ci in tests/browser"
  (cd "$browser_dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  cp "$browser_dir/package-lock.json" "$stamp"
fi
