import type pg from 'pg';
import { SITUATION_SOURCE_SCHEMA } from '@jiuye/common';
import { readModelTypes } from '../db';
import type { SourcePools } from '../projection/sources';

const V = SITUATION_SOURCE_SCHEMA;
const PAGE = 20_000;

/** One row of known_person: a person poverty or civil affairs knows, placed by their household. */
interface KnownPersonRow {
  department: 'poverty' | 'civil';
  worker_id: string;
  id_number: string;
  name: string | null;
  sex: string | null;
  birth_date: string | null;
  household_code: string | null;
  poverty_status: string | null;
  cadre_name: string | null;
}

/**
 * What each department publishes about the people it knows: poverty the current members of
 * registered households, with the household's status and its responsible cadre today ($1);
 * civil where it places a person. Wrapped so that callers filter and order on plain column names.
 */
const SELECTS = {
  poverty: `select * from (select 'poverty' as department, m.worker_id, m.id_number, m.name, m.sex, m.birth_date, m.household_code, h.poverty_status, c.name as cadre_name
       from ${V}.household_member m
       join ${V}.household h on h.code = m.household_code
       left join lateral (select r.cadre_id from ${V}.household_responsibility r
                           where r.household_code = m.household_code and (r.until is null or r.until >= $1::date) order by r.since desc limit 1) r on true
       left join ${V}.cadre c on c.id = r.cadre_id) k`,
  civil: `select * from (select 'civil' as department, worker_id, id_number, null::varchar as name, null::text as sex, null::date as birth_date, household_code,
       null::text as poverty_status, null::varchar as cadre_name, $1::date as today from ${V}.person_place) k`,
} as const;

type Department = keyof typeof SELECTS;
const DEPARTMENTS = Object.keys(SELECTS) as Department[];

async function read(pool: pg.Pool, text: string, values: unknown[]): Promise<KnownPersonRow[]> {
  return (await pool.query({ text, values, types: readModelTypes })).rows as KnownPersonRow[];
}

async function insert(client: pg.ClientBase, rows: KnownPersonRow[]): Promise<void> {
  if (rows.length === 0) return;
  await client.query(
    `insert into known_person (department, worker_id, id_number, name, sex, birth_date, household_code, village_code, poverty_status, cadre_name)
     select r.department, r.worker_id, r.id_number, r.name, r.sex, r.birth_date, r.household_code, left(r.household_code, 12), r.poverty_status, r.cadre_name
       from jsonb_to_recordset($1::jsonb) as r(department text, worker_id varchar, id_number varchar, name varchar, sex text, birth_date date, household_code varchar,
                                                poverty_status text, cadre_name varchar)
     on conflict (department, worker_id) do update set id_number = excluded.id_number, name = excluded.name, sex = excluded.sex,
       birth_date = excluded.birth_date, household_code = excluded.household_code, village_code = excluded.village_code,
       poverty_status = excluded.poverty_status, cadre_name = excluded.cadre_name`,
    [JSON.stringify(rows)],
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
  const fresh = await Promise.all(
    DEPARTMENTS.map((department) => read(sources[department], `${SELECTS[department]} where household_code = any($2::text[]) or worker_id = any($3::text[])`, [today, codes, ids])),
  );
  await client.query(`delete from known_person where household_code = any($1::text[]) or worker_id = any($2::text[])`, [codes, ids]);
  for (const rows of fresh) await insert(client, rows);
}

/** The rebuild's step: every person poverty and civil know, in pages by worker key. */
export async function rebuildKnownPeople(client: pg.ClientBase, sources: SourcePools, today: string): Promise<number> {
  await client.query('delete from known_person');
  let total = 0;
  for (const department of DEPARTMENTS) {
    let after = '';
    for (;;) {
      const page = await read(sources[department], `${SELECTS[department]} where worker_id > $2 order by worker_id limit $3`, [today, after, PAGE]);
      if (page.length === 0) break;
      await insert(client, page);
      total += page.length;
      after = page[page.length - 1].worker_id;
    }
  }
  return total;
}
