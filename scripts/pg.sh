#!/usr/bin/env bash
# A throwaway PostgreSQL 15 server for the tests, in a folder of its own, on loopback only.
#
#   eval "$(bash scripts/pg.sh start)"      # starts one; exports TONGSIN_TEST_POSTGRES and TONGSIN_TEST_PGDIR
#   bash scripts/pg.sh stop                  # stops it and removes its folder ($TONGSIN_TEST_PGDIR)
#
# `start [FOLDER]` installs postgresql-15 and postgresql-15-rum from Debian when they are missing
# (together, so their minor versions match), creates a cluster in FOLDER (default: a new temporary
# folder), starts it on a free port of 127.0.0.1 with its socket in FOLDER, and prints the shell
# lines that export the connection URL. Its messages go to stderr. `stop [FOLDER]` stops the
# server and removes FOLDER. The cluster trusts connections from this machine only: it is for tests.
set -euo pipefail

bin=/usr/lib/postgresql/15/bin

say() { echo "pg.sh: $*" >&2; }

install_postgres() {
  if [ -x "$bin/initdb" ] && [ -f /usr/share/postgresql/15/extension/rum.control ]; then return 0; fi
  if [ "$(id -u)" -ne 0 ]; then
    say "PostgreSQL 15 is missing; install it with: sudo apt-get install postgresql-15 postgresql-15-rum"
    exit 1
  fi
  say "installing postgresql-15 and postgresql-15-rum"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 postgresql-15-rum) >/dev/null 2>&1 || {
    say "apt-get could not install postgresql-15 and postgresql-15-rum"
    exit 1
  }
}

# initdb refuses to run as root: the cluster then belongs to the postgres user the package creates.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start() {
  install_postgres
  local dir=${1:-}
  if [ -z "$dir" ]; then dir=$(mktemp -d "${TMPDIR:-/tmp}/tongsin-pg.XXXXXX"); else mkdir -p "$dir"; fi
  dir=$(cd "$dir" && pwd)
  chmod 755 "$dir"
  if [ "$(id -u)" -eq 0 ]; then chown postgres: "$dir"; fi
  local user=tongsin
  as_owner "$bin/initdb" -D "$dir/data" -U "$user" -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || {
    say "initdb failed; see $dir/initdb.log"
    cat "$dir/initdb.log" >&2
    exit 1
  }
  local tries=0 port
  while :; do
    port=$((20000 + RANDOM % 40000))
    tries=$((tries + 1))
    port_free "$port" || continue
    # A throwaway cluster: durability is not wanted, speed is. TONGSIN_PG_DURABLE=1 (the benchmarks)
    # keeps fsync and full-page writes on, committing as SQLite's WAL mode does: durable at the next
    # flush, never corrupt.
    local safety="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    if [ "${TONGSIN_PG_DURABLE:-0}" = 1 ]; then safety="-c synchronous_commit=off -c max_wal_size=4GB"; fi
    if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$dir -c max_connections=200 $safety" \
        start >/dev/null 2>&1; then
      break
    fi
    if [ "$tries" -ge 5 ]; then
      say "the server did not start; see $dir/server.log"
      tail -n 20 "$dir/server.log" >&2 || true
      exit 1
    fi
  done
  echo "postgres://$user@127.0.0.1:$port/postgres" >"$dir/url"
  say "PostgreSQL 15 on 127.0.0.1:$port, cluster in $dir"
  echo "export TONGSIN_TEST_POSTGRES=$(cat "$dir/url")"
  echo "export TONGSIN_TEST_PGDIR=$dir"
}

stop() {
  local dir=${1:-${TONGSIN_TEST_PGDIR:-}}
  if [ -z "$dir" ]; then say "which cluster? give its folder or set TONGSIN_TEST_PGDIR"; exit 2; fi
  if [ ! -d "$dir/data" ]; then say "no cluster in $dir"; exit 1; fi
  as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
  say "stopped and removed $dir"
}

case "${1:-}" in
  start) shift; start "$@" ;;
  stop) shift; stop "$@" ;;
  *) echo "usage: bash scripts/pg.sh start [FOLDER] | stop [FOLDER]" >&2; exit 2 ;;
esac
