import { Client } from 'pg';

/**
 * The read model's content, per table: row count and an md5 over its rows (order-independent,
 * write times left out). The same comparison as the tests' testing/src/read-model.ts, which
 * scripts cannot import (the test harness is imported only by test files).
 */
const READ_MODEL_TABLES = [
  'person_situation',
  'household_situation',
  'employment_spell',
  'transfer_spell',
  'follow_up',
  'subsidy_paid',
  'training_enrolment',
  'job_fair_intention',
  'welfare_assignment',
  'record_verification',
  'village_counts',
  'division',
  'welfare_post',
  'institution',
  'partner_city',
] as const;
const WRITE_TIMES = ['projected_at', 'counted_at'];

export type Checksums = Record<string, { rows: number; md5: string | null }>;

export async function readModelChecksums(situationUrl: string): Promise<Checksums> {
  const drop = WRITE_TIMES.map((column) => ` - '${column}'`).join('');
  const parts = READ_MODEL_TABLES.map(
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
export function differingTables(a: Checksums, b: Checksums): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((table) => JSON.stringify(a[table]) !== JSON.stringify(b[table]));
}
