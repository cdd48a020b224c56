#!/usr/bin/env bash
# The read model's primary (pg-situation), once, when its data directory is first made
# (docker-entrypoint-initdb.d): a role that may only stream WAL, and the line that lets it in.
set -eu
: "${REPLICATION_PASSWORD:?set REPLICATION_PASSWORD}"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres --set pw="$REPLICATION_PASSWORD" <<'SQL'
create role replicator with replication login password :'pw';
SQL
echo "host replication replicator all scram-sha-256" >> "$PGDATA/pg_hba.conf"
