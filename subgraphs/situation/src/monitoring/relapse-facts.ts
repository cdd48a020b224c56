import type pg from 'pg';
import { readRelapseFacts, type SourcePools } from '../projection/sources';

/**
 * Keeps household_relapse for these households (the projector calls it after household_situation):
 * the open monitoring case, the allowance's end, the latest disability certification of a member.
 */
export async function writeRelapseFacts(client: pg.ClientBase, sources: SourcePools, codes: readonly string[], empty: boolean): Promise<void> {
  if (!empty) await client.query('delete from household_relapse where code = any($1::text[])', [codes]);
  const members = (
    await client.query<{ worker_id: string; household_code: string }>('select worker_id, household_code from person_situation where household_code = any($1::text[])', [codes])
  ).rows;
  const facts = await readRelapseFacts(sources, [...codes], members);
  if (facts.length === 0) return;
  await client.query(
    `insert into household_relapse (code, village_code, open_case_id, open_case_step, allowance_ends_on, disability_certified_on)
       select f.code, left(f.code, 12), f.open_case_id, f.open_case_step, f.allowance_ends_on, f.disability_certified_on
         from jsonb_to_recordset($1::jsonb) as f(code varchar, open_case_id int, open_case_step text, allowance_ends_on date, disability_certified_on date)`,
    [JSON.stringify(facts)],
  );
}
