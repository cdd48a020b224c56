import { sqlAt } from './child-service';

/** Every table of the situation read model that a rebuild writes (projection/feed.ts, projector.ts). */
export const READ_MODEL_TABLES = [
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

/** When a row was written, not what it says: left out of the comparison. */
const WRITE_TIMES = ['projected_at', 'counted_at'];

/** Per table: its row count and an md5 over its rows (order-independent, write times left out). */
export async function readModelChecksums(situationUrl: string): Promise<Record<string, { rows: number; md5: string | null }>> {
  const drop = WRITE_TIMES.map((column) => ` - '${column}'`).join('');
  const parts = READ_MODEL_TABLES.map(
    (table) =>
      `select '${table}' as "table", count(*)::int as rows, md5(string_agg(r, E'\\n' order by r)) as md5 from (select (to_jsonb(t)${drop})::text as r from "${table}" t) x`,
  );
  const rows = await sqlAt<{ table: string; rows: number; md5: string | null }>(situationUrl, parts.join('\nunion all\n'));
  return Object.fromEntries(rows.map((row) => [row.table, { rows: row.rows, md5: row.md5 }]));
}
