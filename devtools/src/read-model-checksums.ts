import { Client } from 'pg';
import { REBUILT_TABLES } from '@jiuye/situation/read-model';

/**
 * The read model's content, per table a rebuild writes (REBUILT_TABLES: the derived tables and
 * the reference tables): row count and an md5 over its rows (order-independent, write times left
 * out). "The read model equals a fresh rebuild" in the fault tests and `npm run chaos` compares these.
 */
const WRITE_TIMES = ['projected_at', 'counted_at'];

export type ReadModelChecksums = Record<string, { rows: number; md5: string | null }>;

export async function readModelChecksums(situationUrl: string): Promise<ReadModelChecksums> {
  const drop = WRITE_TIMES.map((column) => ` - '${column}'`).join('');
  const parts = REBUILT_TABLES.map(
    (table) =>
      `select '${table}' as "table", count(*)::int as rows, md5(string_agg(r, E'\\n' order by r)) as md5 from (select (to_jsonb(t)${drop})::text as r from "${table}" t) x`,
  );
  const client = new Client({ connectionString: situationUrl });
  await client.connect();
  try {
    const rows = (await client.query<{ table: string; rows: number; md5: string | null }>(parts.join('\nunion all\n'))).rows;
    return Object.fromEntries(rows.map((row) => [row.table, { rows: row.rows, md5: row.md5 }]));
  } finally {
    await client.end();
  }
}

/** The tables whose content differs (empty when equal). */
export function differingTables(a: ReadModelChecksums, b: ReadModelChecksums): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((table) => JSON.stringify(a[table]) !== JSON.stringify(b[table]));
}
