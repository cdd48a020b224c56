import type pg from 'pg';
import { copyRows, type Columns } from '@jiuye/common';
import { readKnownPeople, type KnownPersonRow, type SourcePools } from '../projection/sources';

/**
 * 应登尽登: known_person, the people poverty and civil affairs know, kept from their published
 * views (read in projection/sources.ts, like every read of a department) by the feed and the
 * rebuild. One row per department and person, placed by the household's village.
 */
const PAGE = 20_000;
const DEPARTMENTS = ['poverty', 'civil'] as const;

async function insert(client: pg.ClientBase, rows: KnownPersonRow[]): Promise<void> {
  if (rows.length === 0) return;
  await client.query(
    `insert into known_person (department, worker_id, id_number, name, sex, birth_date, household_code, village_code, poverty_status, cadre_name, cadre_account)
     select r.department, r.worker_id, r.id_number, r.name, r.sex, r.birth_date, r.household_code, left(r.household_code, 12), r.poverty_status, r.cadre_name, r.cadre_account
       from jsonb_to_recordset($1::jsonb) as r(department text, worker_id varchar, id_number varchar, name varchar, sex text, birth_date date, household_code varchar,
                                                poverty_status text, cadre_name varchar, cadre_account varchar)
     on conflict (department, worker_id) do update set id_number = excluded.id_number, name = excluded.name, sex = excluded.sex,
       birth_date = excluded.birth_date, household_code = excluded.household_code, village_code = excluded.village_code,
       poverty_status = excluded.poverty_status, cadre_name = excluded.cadre_name, cadre_account = excluded.cadre_account`,
    [JSON.stringify(rows)],
  );
}

const KNOWN_COLUMNS: Columns = [
  ['department', 'text'],
  ['worker_id', 'varchar'],
  ['id_number', 'varchar'],
  ['name', 'varchar'],
  ['sex', 'text'],
  ['birth_date', 'date'],
  ['household_code', 'varchar'],
  ['village_code', 'varchar'],
  ['poverty_status', 'text'],
  ['cadre_name', 'varchar'],
];

/** The rebuild's load (known_person starts empty; one row per department and person, as the feed's upsert keeps it): COPY, placed as insert places them. */
function copyKnown(client: pg.ClientBase, rows: KnownPersonRow[]): Promise<void> {
  return copyRows(
    client,
    'known_person',
    KNOWN_COLUMNS,
    rows.map((row) => ({ ...row, village_code: row.household_code?.slice(0, 12) ?? null })),
  );
}

/**
 * The feed's step (in its transaction): the people of these households and these workers are read
 * again from poverty and civil and replace their rows (a member who left, a person who moved, one
 * removed: gone). Idempotent, like the rest of the projection.
 */
export async function syncKnownPeople(client: pg.ClientBase, sources: SourcePools, householdCodes: readonly string[], workerIds: readonly string[], today: string): Promise<void> {
  if (householdCodes.length === 0 && workerIds.length === 0) return;
  const codes = [...new Set(householdCodes)];
  const ids = [...new Set(workerIds)];
  const fresh = await Promise.all(DEPARTMENTS.map((department) => readKnownPeople(sources, department, { codes, ids }, today)));
  await client.query(`delete from known_person where household_code = any($1::text[]) or worker_id = any($2::text[])`, [codes, ids]);
  for (const rows of fresh) await insert(client, rows);
}

/** The rebuild's step: every person poverty and civil know, in pages by worker key. */
export async function rebuildKnownPeople(client: pg.ClientBase, sources: SourcePools, today: string): Promise<number> {
  await client.query('delete from known_person');
  let total = 0;
  for (const department of DEPARTMENTS) {
    // The next page is read while this one is written.
    let ahead = readKnownPeople(sources, department, { after: '', limit: PAGE }, today);
    for (;;) {
      const page = await ahead;
      if (page.length === 0) break;
      ahead = readKnownPeople(sources, department, { after: page[page.length - 1].worker_id, limit: PAGE }, today);
      // Awaited on the next turn; should this insert fail first, its failure is the rebuild's, not an unhandled rejection.
      ahead.catch(() => undefined);
      await copyKnown(client, page);
      total += page.length;
    }
  }
  return total;
}
