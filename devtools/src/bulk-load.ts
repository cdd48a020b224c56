import type { ClientBase } from 'pg';

/**
 * What PostgreSQL's "Populating a Database" advises for a load into empty tables, inside the
 * load's own transaction: the tables' secondary indexes are dropped and built again once the
 * rows are in (one sort per index instead of one index insertion per row), and the outbox and
 * change-history capture triggers, which the seed's session settings turn off anyway, do not
 * fire per row. `finish` puts back exactly what was there (the same index definitions, the
 * triggers enabled) before the transaction commits; a failed load rolls all of it back.
 * Primary keys, unique and foreign-key constraints stay and are checked row by row as before.
 */
export interface BulkLoad {
  /** Builds the dropped indexes again and enables the triggers (before commit). */
  finish(): Promise<void>;
}

/** Per connection, the tables of a load in progress: emptied in its transaction, so COPY may write them frozen. */
const loading = new WeakMap<ClientBase, Set<string>>();

/** Whether `table` is part of a bulk load on this connection (devtools/src/bulk.ts then COPYs WITH (FREEZE)). */
export function isBulkLoading(client: ClientBase, table: string): boolean {
  return loading.get(client)?.has(table) ?? false;
}

/** The capture functions whose triggers are skipped during a load (common/src/outbox.ts, history.ts). */
const CAPTURE_FUNCTIONS = ['outbox_capture', 'history_capture'];

/**
 * Call right after `truncate` of `tables` in the same transaction (COPY … FREEZE needs it: the
 * rows go in already frozen, so the index builds and analyze at the end, and the first reads
 * after, do not rewrite every page to set hint bits). PostgreSQL's documented exception to MVCC
 * for frozen rows: once committed, a session holding an older snapshot sees them too. Fine
 * for the seed, which runs before the services start (npm start seeds only an empty county).
 */
export async function beginBulkLoad(client: ClientBase, tables: readonly string[]): Promise<BulkLoad> {
  const names = tables.map((t) => `public."${t}"`);
  // Indexes that back no constraint (a primary key, unique or exclusion constraint keeps its own).
  const indexes = (
    await client.query<{ name: string; definition: string }>(
      `select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition
         from pg_index i
        where i.indrelid = any($1::regclass[])
          and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
        order by 1`,
      [names],
    )
  ).rows;
  const triggers = (
    await client.query<{ table: string; name: string }>(
      `select t.tgrelid::regclass::text as table, t.tgname as name
         from pg_trigger t join pg_proc p on p.oid = t.tgfoid
        where t.tgrelid = any($1::regclass[]) and not t.tgisinternal and t.tgenabled = 'O' and p.proname = any($2::text[])
        order by 1, 2`,
      [names, CAPTURE_FUNCTIONS],
    )
  ).rows;
  for (const trigger of triggers) await client.query(`alter table ${trigger.table} disable trigger "${trigger.name}"`);
  if (indexes.length) await client.query(`drop index ${indexes.map((i) => i.name).join(', ')}`);
  loading.set(client, new Set(tables));
  return {
    async finish() {
      loading.delete(client);
      for (const index of indexes) await client.query(index.definition);
      for (const trigger of triggers) await client.query(`alter table ${trigger.table} enable trigger "${trigger.name}"`);
    },
  };
}
