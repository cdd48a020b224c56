import type { ClientBase } from 'pg';

/**
 * Bulk loading for seeders: one INSERT … SELECT FROM unnest($1::type[], …) statement per
 * batch, so thousands of rows cost one round trip and no ORM hydration.
 */
export interface BulkColumn {
  name: string;
  /** PostgreSQL element type: text, int, bigint, numeric, date, timestamptz, boolean, jsonb… */
  type: string;
}

export async function bulkInsert(client: ClientBase, table: string, columns: BulkColumn[], rows: unknown[][], onConflict = ''): Promise<number> {
  if (rows.length === 0) return 0;
  const arrays: unknown[][] = columns.map(() => new Array(rows.length));
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    for (let c = 0; c < columns.length; c++) arrays[c][r] = row[c] ?? null;
  }
  const names = columns.map((c) => `"${c.name}"`).join(', ');
  const unnest = columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ');
  const params = arrays.map((values, i) => (columns[i].type === 'jsonb' ? values.map((v) => (v == null ? null : JSON.stringify(v))) : values));
  const result = await client.query(`insert into "${table}" (${names}) select * from unnest(${unnest}) ${onConflict}`, params);
  return result.rowCount ?? rows.length;
}

/** Moves each serial/identity sequence past the ids a seeder inserted explicitly. */
export async function resetSequences(client: ClientBase, tables: string[]): Promise<void> {
  for (const table of tables) {
    await client.query(`select setval(pg_get_serial_sequence($1, 'id'), coalesce((select max(id) from "${table}"), 0) + 1, false)`, [`"${table}"`]);
  }
}
