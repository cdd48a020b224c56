import { checkPageSize, decodeTextCursor, HOUSEHOLD_CODE_PATTERN, toPage } from '@jiuye/common';
import { allPages, type Sql } from '../db';
import { PERSON_SELECT } from '../person/situation-person.service';
import type { PersonRecord } from '../person/situation-person.types';
import type { Region } from '../region/region.types';
import { keptZeroEmploymentTotal } from '../roster/village-counts';
import { regionCondition, ZERO_EMPLOYMENT } from '../sql/conditions';
import type { HouseholdRecord } from './zero-employment.types';
import { sqlAsOf, type AsOf } from '../history/as-of';

const HOUSEHOLD_SELECT = `h.code, h.village_code, (select d.name from division d where d.code = h.village_code) as village_name, h.poverty_status,
  h.cadre_name, h.cadre_phone, h.unit_name, h.members, h.able_labourers, h.employed_members, h.last_action_on, h.last_action, h.last_action_department`;

export async function zeroEmploymentPage(live: Sql, region: Region, first: number, after: string | null | undefined, asOf: AsOf | null = null) {
  checkPageSize(first);
  // As of a past day: the same statements over the versions valid then (history/as-of.ts).
  const sql = sqlAsOf(live, asOf);
  const cursor = decodeTextCursor(after, HOUSEHOLD_CODE_PATTERN);
  const where = `${regionCondition('h.village_code', 1, region.code)} and ${ZERO_EMPLOYMENT}`;
  const values = cursor === null ? [region.code, first + 1] : [region.code, cursor, first + 1];
  const [rows, count] = await Promise.all([
    sql.rows<HouseholdRecord>(
      `select ${HOUSEHOLD_SELECT} from household_situation h where ${where}${cursor === null ? '' : ' and h.code > $2'} order by h.code limit $${values.length}`,
      values,
    ),
    keptZeroEmploymentTotal(sql, region).then((n) => ({ n })),
  ]);
  return toPage(rows, first, count?.n ?? 0, (household) => household.code);
}

export function zeroEmploymentBatches(sql: Sql, region: Region, asOf: AsOf | null = null): AsyncGenerator<HouseholdRecord[]> {
  return allPages((after) => zeroEmploymentPage(sql, region, 500, after, asOf));
}

/** The registry members of these households, oldest first (the householdMembers loader). */
export async function loadHouseholdMembers(sql: Sql, codes: readonly string[]): Promise<PersonRecord[][]> {
  const rows = await sql.rows<PersonRecord>(`select ${PERSON_SELECT} from person_situation p where p.household_code = any($1::text[]) order by p.birth_date`, [codes]);
  const byHousehold = new Map<string, PersonRecord[]>(codes.map((code) => [code, []]));
  for (const row of rows) byHousehold.get(row.household_code)?.push(row);
  return codes.map((code) => byHousehold.get(code) ?? []);
}
