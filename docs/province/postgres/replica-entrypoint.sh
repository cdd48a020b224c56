#!/usr/bin/env bash
# A hot standby of the read model (pg-situation-replica). On first start (an empty data
# directory) it copies the primary with pg_basebackup; -R writes standby.signal and the
# connection to the primary, so PostgreSQL then starts read-only and streams the primary's WAL.
# Later starts find the data directory and stream on from where they stopped.
set -eu
: "${PRIMARY_HOST:?set PRIMARY_HOST}" "${REPLICATION_PASSWORD:?set REPLICATION_PASSWORD}"
PGDATA="${PGDATA:-/var/lib/postgresql/data}"
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  mkdir -p "$PGDATA"
  chown postgres:postgres "$PGDATA"
  chmod 700 "$PGDATA"
  until PGPASSWORD="$REPLICATION_PASSWORD" gosu postgres pg_basebackup -h "$PRIMARY_HOST" -U replicator -D "$PGDATA" -X stream -R -c fast; do
    echo "pg-situation-replica: the primary $PRIMARY_HOST is not ready to copy; again in 2 s"
    find "$PGDATA" -mindepth 1 -delete
    sleep 2
  done
fi
exec docker-entrypoint.sh postgres -c hot_standby=on
