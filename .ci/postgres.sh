#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on 127.0.0.1 for the graph backend's
# SQL tests (installing Debian's postgresql first if needed) and prints its URL.
# Idempotent: a cluster already answering on the port is reused.
set -euo pipefail
port=${KLAIM_PG_PORT:-55432}
dir=${KLAIM_PG_DIR:-/tmp/klaim-pg}
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "installing postgresql (Debian package)..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
fi
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
if ! "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; then
  rm -rf "$dir"
  mkdir -p "$dir"
  chown postgres "$dir"
  su postgres -c "$bin/initdb -D '$dir/data' -A trust -U postgres" >/dev/null
  su postgres -c "$bin/pg_ctl -D '$dir/data' -o \"-h 127.0.0.1 -p $port -k '$dir'\" -l '$dir/log' -w start" >/dev/null
  su postgres -c "$bin/psql -h 127.0.0.1 -p $port -qc 'create role klaim login' -c 'create database klaim owner klaim'" >/dev/null
fi
echo "postgres://klaim@127.0.0.1:$port/klaim?sslmode=disable"
