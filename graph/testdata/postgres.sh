#!/bin/sh
# postgres.sh installs PostgreSQL if needed, starts a cluster listening on
# 127.0.0.1 only, creates the role and database "klaim", and prints the URL
# for KLAIM_TEST_POSTGRES (the only line on stdout). Idempotent: when the
# server is already up it only prints the URL. Debian/Ubuntu, run as root.
#
#   export KLAIM_TEST_POSTGRES="$(graph/testdata/postgres.sh)"
#   go test ./graph/
set -eu
PORT="${KLAIM_PG_PORT:-5432}"
URL="postgres://klaim:klaim@127.0.0.1:$PORT/klaim?sslmode=disable"
log() { echo "postgres.sh: $*" >&2; }

if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
	log "installing postgresql"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >&2
	apt-get install -y -qq postgresql >&2
fi
VER="$(ls /usr/lib/postgresql | sort -n | tail -1)"

if ! pg_lsclusters -h | awk '{print $1"/"$2}' | grep -qx "$VER/main"; then
	log "creating cluster $VER/main"
	pg_createcluster "$VER" main -p "$PORT" >&2
fi
CONF="/etc/postgresql/$VER/main/postgresql.conf"
if ! grep -q "^listen_addresses = '127.0.0.1'" "$CONF"; then
	echo "listen_addresses = '127.0.0.1'" >>"$CONF"
	echo "port = $PORT" >>"$CONF"
	pg_ctlcluster "$VER" main stop >/dev/null 2>&1 || true
fi
if ! pg_ctlcluster "$VER" main status >/dev/null 2>&1; then
	log "starting cluster $VER/main on 127.0.0.1:$PORT"
	pg_ctlcluster "$VER" main start >&2
fi

psql_admin() { su postgres -c "psql -p $PORT -qtAX -c \"$1\"" ; }
if [ "$(psql_admin "SELECT 1 FROM pg_roles WHERE rolname='klaim'")" != 1 ]; then
	psql_admin "CREATE ROLE klaim LOGIN PASSWORD 'klaim'" >&2
fi
if [ "$(psql_admin "SELECT 1 FROM pg_database WHERE datname='klaim'")" != 1 ]; then
	psql_admin "CREATE DATABASE klaim OWNER klaim" >&2
fi
echo "$URL"
