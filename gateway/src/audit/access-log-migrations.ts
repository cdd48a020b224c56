import type pg from 'pg';

/**
 * The access log's schema, as numbered migrations recorded in access_log_migrations and applied
 * once each, in order, under an advisory lock (two gateways starting together do not race).
 *
 * 1–4 are the DDL the store used to run at every open, split by what each part is for. Databases
 * from before this table have their effect already and no record of it, so 1–4 are written to be
 * harmless on such a database (if exists / if not exists / or replace); they are then recorded
 * like any other. From 5 on a migration runs exactly once and need not be. Migrations are
 * history: never edit one that has shipped, add the next.
 */
export interface Migration {
  id: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    id: 1,
    // The first version of this table (one row per department) was replaced on the day it was
    // written, before any deployment; a database that still has it keeps it under another name.
    name: 'keep the per-department table under another name',
    sql: `
do $$ begin
  if exists (select 1 from information_schema.columns where table_name = 'access_log' and column_name = 'subgraph') then
    alter table access_log rename to access_log_per_department;
    alter table access_log_head rename to access_log_per_department_head;
    alter index if exists access_log_worker rename to access_log_per_department_worker;
    alter index if exists access_log_staff rename to access_log_per_department_staff;
    alter table access_log_per_department rename constraint access_log_pkey to access_log_per_department_pkey;
    alter table access_log_per_department_head rename constraint access_log_head_pkey to access_log_per_department_head_pkey;
  end if;
end $$;`,
  },
  {
    id: 2,
    name: 'the access log, one row per request and person, and its head',
    sql: `
create table if not exists access_log (
  seq bigint primary key,
  at timestamptz not null,
  request_id text not null,
  staff text not null,
  department text not null,
  role text not null,
  region text,
  partner_city text,
  institution text,
  purpose text,
  operation text,
  subgraphs text[] not null,
  worker_id text,
  household_code text,
  village_code text,
  fields text[] not null,
  prev_hash char(64) not null,
  hash char(64) not null
);
create index if not exists access_log_worker on access_log (worker_id, seq);
create index if not exists access_log_staff on access_log (staff, seq);
create table if not exists access_log_head (
  id int primary key default 1 check (id = 1),
  seq bigint not null,
  hash char(64) not null
);`,
  },
  {
    id: 3,
    // Hole 9 and 3: the client's own request id, and the outcome of a lookup by ID number.
    name: 'correlation id and lookup outcome',
    sql: `
alter table access_log add column if not exists correlation_id text;
alter table access_log add column if not exists lookup text;`,
  },
  {
    id: 4,
    name: 'append-only: no update, delete or truncate',
    sql: `
create or replace function access_log_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'access_log is append-only';
end $$;
drop trigger if exists access_log_append_only on access_log;
create trigger access_log_append_only before update or delete on access_log for each row execute function access_log_refuse_change();
drop trigger if exists access_log_no_truncate on access_log;
create trigger access_log_no_truncate before truncate on access_log for each statement execute function access_log_refuse_change();`,
  },
];

const MIGRATION_LOCK = 7_355_609;

/** Applies the migrations this database has not recorded, in order, in one transaction; returns their ids. */
export async function migrate(pool: pg.Pool, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(`create table if not exists access_log_migrations (id int primary key, name text not null, applied_at timestamptz not null default now())`);
    const recorded = new Set<number>((await client.query('select id from access_log_migrations')).rows.map((row) => row.id));
    const known = new Set(migrations.map((m) => m.id));
    const unknown = [...recorded].filter((id) => !known.has(id));
    // A newer gateway migrated this database: this one does not know its schema.
    if (unknown.length) throw new Error(`the access log database has migrations this gateway does not know (${unknown.sort((a, b) => a - b).join(', ')}): run the newer version`);
    const applied: number[] = [];
    for (const migration of [...migrations].sort((a, b) => a.id - b.id)) {
      if (recorded.has(migration.id)) continue;
      await client.query(migration.sql);
      await client.query('insert into access_log_migrations (id, name) values ($1, $2)', [migration.id, migration.name]);
      applied.push(migration.id);
    }
    await client.query('commit');
    return applied;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
