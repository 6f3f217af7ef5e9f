#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for the tests of the PostgreSQL store (docs/store.md).
#
#   postgres_cluster.sh start DIR [PID]   initdb into DIR/data, start postgres on a Unix socket
#                                         in DIR (no TCP), print nothing; with PID, stop and
#                                         remove it all by itself once process PID has ended
#   postgres_cluster.sh stop DIR          stop it (immediately) and remove DIR
#
# make test's CTest fixture (tests/CMakeLists.txt) starts one cluster for the whole run and
# stops it at the end, pass or fail; a test binary run by hand starts its own through
# tests/support/postgres.cpp, with its own pid as PID. As root, the cluster runs as `nobody`
# (postgres refuses to run as root): DIR is given to that user. The superuser is `rung`, trust
# authentication on the socket only; fsync is off (a test cluster keeps nothing).
# Debian's server binaries are required (scripts/install-deps.sh installs postgresql-15): when
# they are missing this fails with a message saying so, and so do the tests that need it.
set -euo pipefail

bin=${RUNG_POSTGRES_BIN:-/usr/lib/postgresql/15/bin}
command=${1:-}
dir=${2:-}
if [[ -z "$command" || -z "$dir" ]]; then
  echo "usage: $0 start DIR [PID] | stop DIR" >&2
  exit 2
fi

as_owner=()
if [[ $(id -u) -eq 0 ]]; then as_owner=(runuser -u nobody --); fi

stop() {
  if [[ -f "$dir/data/postmaster.pid" ]]; then
    "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}

case "$command" in
  start)
    for tool in initdb pg_ctl postgres; do
      if [[ ! -x "$bin/$tool" ]]; then
        echo "postgres_cluster: $bin/$tool is missing; the PostgreSQL store's tests need" \
          "Debian's postgresql-15 (run scripts/install-deps.sh)" >&2
        exit 1
      fi
    done
    stop  # a cluster left behind by an interrupted run
    mkdir -p "$dir"
    chmod 700 "$dir"
    if [[ $(id -u) -eq 0 ]]; then chown nobody: "$dir"; fi
    if ! "${as_owner[@]}" "$bin/initdb" -D "$dir/data" -U rung --auth=trust -E UTF8 \
      --locale=C --no-sync >"$dir/initdb.log" 2>&1; then
      echo "postgres_cluster: initdb failed:" >&2
      cat "$dir/initdb.log" >&2
      exit 1
    fi
    options="-c listen_addresses='' -c unix_socket_directories='$dir' -c fsync=off"
    options+=" -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=16MB"
    options+=" -c max_connections=200"
    if ! "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -o "$options" \
      -w -t 60 start >/dev/null 2>&1; then
      echo "postgres_cluster: postgres did not start:" >&2
      cat "$dir/postgres.log" >&2
      exit 1
    fi
    if [[ -n "${3:-}" ]]; then
      # The watcher holds none of our output open, so a caller reading it is not kept waiting.
      setsid bash -c 'while kill -0 "$1" 2>/dev/null; do sleep 1; done; exec "$2" stop "$3"' \
        watcher "$3" "$(realpath "$0")" "$dir" </dev/null >/dev/null 2>&1 &
    fi
    ;;
  stop)
    stop
    ;;
  *)
    echo "usage: $0 start DIR [PID] | stop DIR" >&2
    exit 2
    ;;
esac
