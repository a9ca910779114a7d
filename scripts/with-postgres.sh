#!/usr/bin/env bash
# Runs a command beside a PostgreSQL 15 server of its own: a new cluster in a temporary
# folder, listening only on a Unix socket there, stopped and removed afterwards whatever
# the command does. The command finds it in EARSHOT_TEST_POSTGRES (libpq keywords for the
# cluster's superuser), which the PostgreSQL tests and benchmarks connect with.
# usage: scripts/with-postgres.sh COMMAND [ARGS...]
# As root the server runs as the unprivileged user 'nobody' (PostgreSQL refuses root).
set -euo pipefail

bin=/usr/lib/postgresql/15/bin
[[ -x $bin/pg_ctl ]] || { echo "PostgreSQL 15 is missing: run scripts/install-deps.sh" >&2; exit 1; }

folder=$(mktemp -d /tmp/earshot-pg.XXXXXX)
chmod 755 "$folder"
as_server=()
if [[ $(id -u) -eq 0 ]]; then
    chown nobody:nogroup "$folder"
    as_server=(runuser -u nobody --)
fi

stop() {
    "${as_server[@]}" "$bin/pg_ctl" -D "$folder/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$folder"
}
trap stop EXIT

# Trust on the socket alone: the folder is the server's, and nothing listens on TCP.
"${as_server[@]}" "$bin/initdb" -D "$folder/data" -U earshot --auth=trust -E UTF8 --locale=C.UTF-8 \
    >"$folder/initdb.log" 2>&1 || { cat "$folder/initdb.log" >&2; exit 1; }
# One login must show its password, as on a team's server (scram-sha-256): the console's
# password tests use it. Every other login is trusted on the socket.
sed -i '1i local all earshot_password_test scram-sha-256' "$folder/data/pg_hba.conf"
# Tests create and drop many databases and kill clients on purpose; durability across a
# power cut of this throwaway cluster is not what they test.
"${as_server[@]}" "$bin/pg_ctl" -D "$folder/data" -l "$folder/server.log" -w -t 60 \
    -o "-k $folder -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null || { cat "$folder/server.log" >&2; exit 1; }

export EARSHOT_TEST_POSTGRES="host=$folder port=5432 user=earshot dbname=postgres"
echo "PostgreSQL 15 for the tests: $EARSHOT_TEST_POSTGRES"
status=0
"$@" || status=$?
exit $status
