import type { ClientBase } from 'pg';
import { copyTuples } from '@jiuye/common';
import { isBulkLoading } from './bulk-load';

/**
 * Bulk loading for seeders: one COPY … FROM STDIN per table per batch (common/src/copy-rows.ts),
 * so thousands of rows cost one round trip, no statement to parse and no ORM hydration.
 */
export interface BulkColumn {
  name: string;
  /** PostgreSQL type: text, int, bigint, numeric, date, timestamptz, boolean, jsonb… (jsonb values go as their JSON). */
  type: string;
}

export async function bulkInsert(client: ClientBase, table: string, columns: BulkColumn[], rows: unknown[][]): Promise<number> {
  return copyTuples(
    client,
    table,
    columns.map((c) => [c.name, c.type] as const),
    rows,
    { freeze: isBulkLoading(client, table) },
  );
}

/** Moves each serial/identity sequence past the ids a seeder inserted explicitly. */
export async function resetSequences(client: ClientBase, tables: string[]): Promise<void> {
  for (const table of tables) {
    await client.query(`select setval(pg_get_serial_sequence($1, 'id'), coalesce((select max(id) from "${table}"), 0) + 1, false)`, [`"${table}"`]);
  }
}
