import { checkPageSize, compositeKey, decodeCompositeCursor, type Page, todayInChina, toPage, VILLAGE_CODE_PATTERN } from '@jiuye/common';
import { sqlAsOf, type AsOf } from '../history/as-of';
import { allPages, type Sql } from '../db';
import { regionCondition } from '../sql/conditions';
import type { Region } from '../region/region';
import type { PersonRecord } from '../person/situation-person.type';
import { PERSON_SELECT } from '../person/situation-person.type';
import { ROSTERS, type RosterKind } from './roster-kinds';
import { keptTotal } from './village-counts';

export interface RosterQuery {
  kind: RosterKind;
  region: Region;
  first: number;
  after?: string | null;
  /** As of the end of a past day (from the read model's history); absent = now. */
  asOf?: AsOf | null;
}

/** The SQL of a roster over a region: `where` with $1 = region, $2 = the day it is drawn for (today, or the as-of day). */
export function rosterWhere(kind: RosterKind, region: Region, day: string = todayInChina()): { where: string; values: unknown[] } {
  const { condition } = ROSTERS[kind];
  // PostgreSQL refuses a parameter it cannot type, so today is passed only to rosters that use it.
  const usesToday = condition.includes('$today');
  return {
    where: `${regionCondition('p.village_code', 1, region.code)} and (${condition.replace(/\$today/g, '$2')})`,
    values: usesToday ? [region.code, day] : [region.code],
  };
}

/** Keyset order: village, then worker key (both byte-wise). The cursor is the last row's pair. */
function decodeRosterCursor(after: string | null | undefined): [string, string] | null {
  const parts = decodeCompositeCursor(after, [(p) => VILLAGE_CODE_PATTERN.test(p), () => true]);
  if (parts === null) return null;
  return [parts[0], parts[1]];
}

export async function rosterPage(live: Sql, query: RosterQuery): Promise<Page<PersonRecord>> {
  const first = checkPageSize(query.first);
  const cursor = decodeRosterCursor(query.after);
  // As of a past day: the same statements over the versions valid then (history/as-of.ts).
  const sql = sqlAsOf(live, query.asOf ?? null);
  const { where, values } = rosterWhere(query.kind, query.region, query.asOf?.day);
  const next = values.length + 1;
  const keyset = cursor ? ` and (p.village_code, p.worker_id) > ($${next}, $${next + 1})` : '';
  const pageValues = cursor ? [...values, cursor[0], cursor[1], first + 1] : [...values, first + 1];
  const limit = `$${pageValues.length}`;
  const [rows, count] = await Promise.all([
    sql.rows<PersonRecord>(`select ${PERSON_SELECT} from person_situation p where ${where}${keyset} order by p.village_code, p.worker_id limit ${limit}`, pageValues),
    keptTotal(sql, query.kind, query.region).then(async (kept) =>
      kept !== null ? { n: kept } : sql.one<{ n: number }>(`select count(*) as n from person_situation p where ${where}`, values),
    ),
  ]);
  return toPage(rows, first, count?.n ?? 0, (row) => compositeKey([row.village_code, row.worker_id]));
}

/** Every row of a roster in keyset pages of 500 (exports): memory stays one page. */
export function rosterBatches(sql: Sql, kind: RosterKind, region: Region, asOf: AsOf | null = null): AsyncGenerator<PersonRecord[]> {
  return allPages((after) => rosterPage(sql, { kind, region, first: 500, after, asOf }));
}
