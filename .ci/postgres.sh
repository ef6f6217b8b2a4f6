#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: `start DIR PORT` initialises one in DIR
# as the unprivileged `postgres` user, listening on 127.0.0.1:PORT only, with password
# (SCRAM) authentication over TCP; prints the owner's URL. `stop DIR` stops it.
set -euo pipefail
action=$1 dir=$2
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
# The server refuses to run as root: as root, run it as Debian's `postgres` user.
as_postgres() { if [ "$(id -u)" != 0 ]; then "$@"; else runuser -u postgres -- "$@"; fi; }
case $action in
start)
    port=$3
    mkdir -p "$dir"
    chown postgres "$dir" 2>/dev/null || true
    printf 'rapport-owner-secret\n' > "$dir/pw"
    chown postgres "$dir/pw" 2>/dev/null || true
    as_postgres "$bin/initdb" -D "$dir/data" -U postgres --pwfile="$dir/pw" \
        --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C >"$dir/initdb.log" 2>&1
    rm -f "$dir/pw"
    as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
        -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c fsync=off -c max_connections=200" start >/dev/null
    # The tests' owner role and database (the owner is not a superuser, as in a real team).
    as_postgres "$bin/psql" -h "$dir" -p "$port" -U postgres -d postgres -q -v ON_ERROR_STOP=1 <<SQL
CREATE ROLE rapport_owner LOGIN CREATEDB CREATEROLE PASSWORD 'rapport-owner-secret';
CREATE DATABASE rapport OWNER rapport_owner;
SQL
    echo "postgres://rapport_owner:rapport-owner-secret@127.0.0.1:$port/rapport"
    ;;
stop)
    as_postgres "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    ;;
esac
