import { addDays, badInput, checkPageSize, compositeKey, decodeCompositeCursor, type Page, todayInChina, toPage, VILLAGE_CODE_PATTERN } from '@jiuye/common';
import { sqlAsOf, type AsOf } from '../history/as-of';
import { allPages, type Sql } from '../db';
import { MAX_NO_SERVICE_DAYS, noServiceBetween, regionCondition } from '../sql/conditions';
import type { Region } from '../region/region.types';
import type { PersonRecord } from '../person/situation-person.types';
import { PERSON_SELECT } from '../person/situation-person.service';
import { ROSTERS, type RosterKind } from './roster-kinds';
import { keptTotal } from './village-counts';

export interface RosterQuery {
  kind: RosterKind;
  region: Region;
  first: number;
  after?: string | null;
  /** As of the end of a past day (from the read model's history); absent = now. */
  asOf?: AsOf | null;
  /** 一人一案: only people with no service from any department in the last N days (to the day drawn for). */
  noServiceWithinDays?: number | null;
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

/** The window of "no service in the last N days": whole days, 1 to MAX_NO_SERVICE_DAYS, else BAD_USER_INPUT naming the argument. */
export function checkNoServiceWithinDays(days: number): number {
  if (!Number.isInteger(days) || days < 1 || days > MAX_NO_SERVICE_DAYS) throw badInput('noServiceWithinDays', `a number of days from 1 to ${MAX_NO_SERVICE_DAYS}`);
  return days;
}

/** The roster narrowed to people without a service in the last `days` days up to `day` (none: unchanged). */
export function withoutRecentService(roster: { where: string; values: unknown[] }, days: number | null | undefined, day: string): { where: string; values: unknown[] } {
  if (days == null) return roster;
  checkNoServiceWithinDays(days);
  const next = roster.values.length + 1;
  return { where: `${roster.where} and ${noServiceBetween(next, next + 1)}`, values: [...roster.values, addDays(day, -days), day] };
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
  const roster = rosterWhere(query.kind, query.region, query.asOf?.day);
  const { where, values } = withoutRecentService(roster, query.noServiceWithinDays, query.asOf?.day ?? todayInChina());
  const next = values.length + 1;
  const keyset = cursor ? ` and (p.village_code, p.worker_id) > ($${next}, $${next + 1})` : '';
  const pageValues = cursor ? [...values, cursor[0], cursor[1], first + 1] : [...values, first + 1];
  const limit = `$${pageValues.length}`;
  const [rows, count] = await Promise.all([
    sql.rows<PersonRecord>(`select ${PERSON_SELECT} from person_situation p where ${where}${keyset} order by p.village_code, p.worker_id limit ${limit}`, pageValues),
    (query.noServiceWithinDays == null ? keptTotal(sql, query.kind, query.region) : Promise.resolve(null)).then(async (kept) =>
      kept !== null ? { n: kept } : sql.one<{ n: number }>(`select count(*) as n from person_situation p where ${where}`, values),
    ),
  ]);
  return toPage(rows, first, count?.n ?? 0, (row) => compositeKey([row.village_code, row.worker_id]));
}

/** Every row of a roster in keyset pages of 500 (exports): memory stays one page. */
export function rosterBatches(sql: Sql, kind: RosterKind, region: Region, asOf: AsOf | null = null, noServiceWithinDays: number | null = null): AsyncGenerator<PersonRecord[]> {
  return allPages((after) => rosterPage(sql, { kind, region, first: 500, after, asOf, noServiceWithinDays }));
}
