#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server on 127.0.0.1:5433 for the test run and prints its DATABASE_URL.
# `start-postgres.sh stop` stops it (when it is running) and leaves its data directory for a look at server.log.
set -euo pipefail
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
PGDATA_DIR=${PGDATA_DIR:-/tmp/rentwise-ci-pg}
PORT=${PGPORT_CI:-5433}
if [ "${1:-}" = stop ]; then
  if su postgres -s /bin/sh -c "$PGBIN/pg_ctl -D $PGDATA_DIR status" >/dev/null 2>&1; then
    su postgres -s /bin/sh -c "$PGBIN/pg_ctl -D $PGDATA_DIR -m fast -w stop" >/dev/null
  fi
  exit 0
fi
if ! su postgres -s /bin/sh -c "$PGBIN/pg_ctl -D $PGDATA_DIR status" >/dev/null 2>&1; then
  rm -rf "$PGDATA_DIR"
  mkdir -p "$PGDATA_DIR"
  chown postgres:postgres "$PGDATA_DIR"
  su postgres -s /bin/sh -c "$PGBIN/initdb -D $PGDATA_DIR -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
  su postgres -s /bin/sh -c "$PGBIN/pg_ctl -D $PGDATA_DIR -l $PGDATA_DIR/server.log -o '-p $PORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200' -w start" >/dev/null
fi
# The application connects as a role that does not own the schema's tables would be ideal; for the test
# run the suite creates a database per test file, so it connects as the server's superuser.
echo "postgres://postgres@127.0.0.1:$PORT/postgres"
