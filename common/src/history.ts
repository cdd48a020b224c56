import type { EntityManager, EventSubscriber, TransactionEventArgs } from '@mikro-orm/core';

/**
 * The departments' change history, in one home (beside the outbox, same idea): every insert,
 * update or delete of a department's records writes, in the same transaction, one row of
 * `change_history` with the changed columns (old and new value), who, when and from where.
 *
 * Where a change comes from is told by three transaction-local settings, set with
 * `set_config(name, value, true)` so they end with the transaction and never reach the next one
 * on a pooled connection:
 * - `jiuye.change_actor`: the staff account (its id, never a name or ID number);
 * - `jiuye.change_origin`: 'mutation' (a GraphQL write) or 'import' (a spreadsheet import);
 * - `jiuye.change_detail`: the mutation's root field name(s), or the import and its row.
 * GraphQL writes get them from ChangeContextSubscriber (every transaction MikroORM starts for a
 * request; see common/src/subgraph.ts); an import sets them itself per batch (changeContextSql).
 * A change made with none of them (psql, a script) is recorded as origin 'direct' with the
 * database's session user as actor: nothing escapes the trigger.
 *
 * Each department installs this SQL in its Migration202612071101…/…1105… (calling these
 * functions); common/test/history.test.ts checks that what they produce is exactly what the
 * migrated databases hold, and that every base table of a department has the trigger except the
 * ones listed in its migration (HISTORY_EXCLUDED_TABLES there).
 */

/** The session setting a bulk load sets to 'off' (set local) to write no history (the demo seeder). */
export const HISTORY_CAPTURE_SETTING = 'jiuye.history_capture';
export const CHANGE_ACTOR_SETTING = 'jiuye.change_actor';
export const CHANGE_ORIGIN_SETTING = 'jiuye.change_origin';
export const CHANGE_DETAIL_SETTING = 'jiuye.change_detail';

export const CHANGE_ORIGINS = ['mutation', 'import', 'direct'] as const;
export type ChangeOrigin = (typeof CHANGE_ORIGINS)[number];

export const CHANGE_OPERATIONS = ['INSERT', 'UPDATE', 'DELETE'] as const;
export type ChangeOperation = (typeof CHANGE_OPERATIONS)[number];

/** Tables that never get the history trigger in any department: the history itself and the plumbing. */
export const HISTORY_PLUMBING_TABLES = ['change_history', 'outbox', 'mikro_orm_migrations'] as const;

/** `create table "change_history"` and its indexes (newest first per worker and per household: what the graph reads). */
export function changeHistoryTableSql(): string[] {
  return [
    `create table "change_history" (
  "id" bigserial primary key,
  "at" timestamptz not null default clock_timestamp(),
  "table_name" text not null,
  "row_key" text not null,
  "worker_id" varchar(32) null,
  "household_code" varchar(16) null,
  "operation" text not null check ("operation" in (${CHANGE_OPERATIONS.map((o) => `'${o}'`).join(', ')})),
  "changes" jsonb not null,
  "actor" text not null,
  "origin" text not null check ("origin" in (${CHANGE_ORIGINS.map((o) => `'${o}'`).join(', ')})),
  "detail" text null
);`,
    `comment on table "change_history" is 'Every change to this department''s records (written by the history_capture triggers in the same transaction): changes holds, for an update, only the changed columns as {column: [old, new]}; for an insert the new row and for a delete the old one as {column: value} (empty columns left out).';`,
    `create index "change_history_worker_idx" on "change_history" ("worker_id", "id" desc) where "worker_id" is not null;`,
    `create index "change_history_household_idx" on "change_history" ("household_code", "id" desc) where "household_code" is not null;`,
    // Kept, not rewritten: no update or delete of an entry (pruning history is a deliberate act: drop this trigger first).
    `create or replace function "change_history_append_only"() returns trigger language plpgsql as $$
begin
  raise exception 'change_history is append-only: entries are never changed or deleted';
end
$$;`,
    `create trigger "change_history_append_only" before update or delete on "change_history" for each row execute function "change_history_append_only"();`,
  ];
}

/**
 * `create or replace function "history_capture"()`: the generic capture, told by trigger
 * arguments the worker column, the household column ('' for none) and the primary key columns
 * (comma-separated). An update that changes nothing writes nothing.
 */
export function historyCaptureFunctionSql(): string {
  return `create or replace function "history_capture"() returns trigger language plpgsql as $$
declare
  worker_column text := tg_argv[0];
  household_column text := tg_argv[1];
  key_columns text[] := string_to_array(tg_argv[2], ',');
  new_row jsonb;
  old_row jsonb;
  any_row jsonb;
  changed jsonb;
  entry_key text;
  entry_actor text;
  entry_origin text;
  entry_detail text;
begin
  -- Bulk loads (the demo seeder) switch capture off for their transaction.
  if current_setting('${HISTORY_CAPTURE_SETTING}', true) = 'off' then
    return null;
  end if;
  if tg_op <> 'DELETE' then new_row := to_jsonb(new); end if;
  if tg_op <> 'INSERT' then old_row := to_jsonb(old); end if;
  if tg_op = 'UPDATE' then
    select jsonb_object_agg(n.key, jsonb_build_array(old_row -> n.key, n.value)) into changed
      from jsonb_each(new_row) n where n.value is distinct from old_row -> n.key;
    if changed is null then return null; end if;
  else
    -- A new record's values, or a removed one's (its empty fields left out).
    changed := jsonb_strip_nulls(coalesce(new_row, old_row));
  end if;
  any_row := coalesce(new_row, old_row);
  if cardinality(key_columns) = 1 then
    entry_key := any_row ->> key_columns[1];
  else
    select string_agg(any_row ->> k.name, '|' order by k.position) into entry_key from unnest(key_columns) with ordinality as k(name, position);
  end if;
  entry_actor := coalesce(nullif(current_setting('${CHANGE_ACTOR_SETTING}', true), ''), session_user);
  entry_origin := coalesce(nullif(current_setting('${CHANGE_ORIGIN_SETTING}', true), ''), 'direct');
  entry_detail := nullif(current_setting('${CHANGE_DETAIL_SETTING}', true), '');
  insert into "change_history" ("table_name", "row_key", "worker_id", "household_code", "operation", "changes", "actor", "origin", "detail")
  values (tg_table_name, entry_key, any_row ->> worker_column, any_row ->> household_column, tg_op, changed, entry_actor, entry_origin, entry_detail);
  -- An update that moves the row to another worker or household is in the old one's history too.
  if tg_op = 'UPDATE' and ((old_row ->> worker_column) is distinct from (new_row ->> worker_column)
      or (old_row ->> household_column) is distinct from (new_row ->> household_column)) then
    insert into "change_history" ("table_name", "row_key", "worker_id", "household_code", "operation", "changes", "actor", "origin", "detail")
    values (tg_table_name, entry_key, old_row ->> worker_column, old_row ->> household_column, tg_op, changed, entry_actor, entry_origin, entry_detail);
  end if;
  return null;
end
$$;`;
}

export interface HistoryCapture {
  table: string;
  /** The primary key column(s), in order; the row key is their values joined by '|'. */
  key: string[];
  /** The column holding the worker id ('id' for the registry itself); none for a table without one. */
  workerColumn?: string;
  /** The column holding the household code; none for a table without one. */
  householdColumn?: string;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

function plain(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`not a plain identifier: ${name}`);
  return name;
}

/** The trigger name the departments use: `<table>_history`. */
export function historyTriggerName(table: string): string {
  return `${plain(table)}_history`;
}

/** `create trigger "<table>_history" …` calling the generic capture with the table's columns. */
export function historyTriggerSql({ table, key, workerColumn = '', householdColumn = '' }: HistoryCapture): string {
  if (key.length === 0) throw new Error(`history of ${table}: name its primary key columns`);
  const args = [workerColumn === '' ? '' : plain(workerColumn), householdColumn === '' ? '' : plain(householdColumn), key.map(plain).join(',')]
    .map((value) => `'${value}'`)
    .join(', ');
  return `create trigger "${historyTriggerName(table)}" after insert or update or delete on "${plain(table)}" for each row execute function "history_capture"(${args});`;
}

/** `drop trigger if exists "<table>_history"` (a migration's down). */
export function dropHistoryTriggerSql(table: string): string {
  return `drop trigger if exists "${historyTriggerName(table)}" on "${plain(table)}";`;
}

/** Everything a department's migration runs to keep the history of the given tables. */
export function installHistorySql(captures: readonly HistoryCapture[]): string[] {
  return [...changeHistoryTableSql(), historyCaptureFunctionSql(), ...captures.map(historyTriggerSql)];
}

/** The reverse of installHistorySql. */
export function uninstallHistorySql(captures: readonly HistoryCapture[]): string[] {
  return [
    ...captures.map((capture) => dropHistoryTriggerSql(capture.table)),
    `drop function if exists "history_capture"();`,
    `drop table if exists "change_history";`,
    `drop function if exists "change_history_append_only"();`,
  ];
}

/** Who writes and from where, for the transaction settings above. */
export interface ChangeContext {
  /** The staff account id (the signed identity's subject), never a name or ID number. */
  actor: string;
  origin: Exclude<ChangeOrigin, 'direct'>;
  /** The mutation's root field name(s), or the import and its row; null when there is nothing to add. */
  detail: string | null;
}

/** The beginning of the statement that sets a change context: the statement counter does not count it (it is transaction control, not work). */
export const CHANGE_CONTEXT_SQL_PREFIX = `select set_config('${CHANGE_ACTOR_SETTING}'`;

/**
 * The statement that tells the history triggers who writes, for the current transaction only
 * (run it inside the transaction, e.g. first thing after `begin`). Parameters $1–$3.
 */
export function changeContextSql(context: ChangeContext): { sql: string; params: [string, string, string] } {
  return {
    sql: `${CHANGE_CONTEXT_SQL_PREFIX}, $1, true), set_config('${CHANGE_ORIGIN_SETTING}', $2, true), set_config('${CHANGE_DETAIL_SETTING}', $3, true)`,
    params: [context.actor, context.origin, context.detail ?? ''],
  };
}

/** The same statement with `?` placeholders (MikroORM's execute). */
function changeContextKnexSql(): string {
  return `${CHANGE_CONTEXT_SQL_PREFIX}, ?, true), set_config('${CHANGE_ORIGIN_SETTING}', ?, true), set_config('${CHANGE_DETAIL_SETTING}', ?, true)`;
}

/**
 * Sets the change context on every transaction an EntityManager starts (em.transactional and
 * the implicit transaction of a flush): registered per request on the request's forked
 * EntityManager, whose event manager every fork of it (transactions included) shares. The
 * context is read when the transaction starts, so it may be filled in after the request began
 * (the operation's root fields are known only once it is parsed); while it is null the
 * transaction runs without one (and any write is recorded as 'direct').
 */
export class ChangeContextSubscriber implements EventSubscriber {
  constructor(private readonly current: () => ChangeContext | null) {}

  async afterTransactionStart({ em, transaction }: TransactionEventArgs): Promise<void> {
    const context = this.current();
    if (!context || !transaction) return;
    const { params } = changeContextSql(context);
    await em.getConnection('write').execute(changeContextKnexSql(), params, 'get', transaction);
  }
}

/** Forks `em` with its own event manager that sets `current()` on each transaction it starts. */
export function forkWithChangeContext<T extends EntityManager>(em: T, current: () => ChangeContext | null): T {
  const fork = em.fork({ cloneEventManager: true }) as T;
  fork.getEventManager().registerSubscriber(new ChangeContextSubscriber(current));
  return fork;
}

/** Runs `work` in one transaction of `em` written as `context` (for services that write with raw SQL outside a request). */
export async function withChangeContext<T extends EntityManager, R>(em: T, context: ChangeContext, work: (em: T) => Promise<R>): Promise<R> {
  return forkWithChangeContext(em, () => context).transactional((transactional) => work(transactional as T));
}
