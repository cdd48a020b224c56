import type pg from 'pg';
import { type Sql } from '../db';
import { ABLE_EMPLOYED, ABLE_LABOURER, POVERTY_GROUPS, povertyGroupCondition, regionCondition, ZERO_EMPLOYMENT, type PovertyGroup } from '../sql/conditions';
import type { Region } from '../region/region.types';
import { ROSTERS, RosterKindVocabulary, type RosterKind } from './roster-kinds';

/** Rosters whose membership does not depend on the day are counted per village and kept (village_counts). */
export const KEPT_ROSTERS: RosterKind[] = RosterKindVocabulary.values.filter((kind) => !ROSTERS[kind].condition.includes('$today'));

export const keptColumn = (kind: RosterKind) => kind.toLowerCase();

export const PLACES = ['IN_TOWNSHIP', 'IN_COUNTY', 'OUT_OF_COUNTY_IN_PROVINCE', 'OUT_OF_PROVINCE'] as const;
/** Employed labour force (able and EMPLOYED) by place of work: the indicators' stock figures. */
export const placeColumn = (place: (typeof PLACES)[number]) => `able_employed_${place.toLowerCase()}`;
/** Labour force and employed labour force by poverty group (sql/conditions.ts POVERTY_GROUPS): the indicators' split (issue 16). */
export const groupColumn = (measure: 'able_labourers' | 'able_employed', group: PovertyGroup) => `${measure}_${group.toLowerCase()}`;

/**
 * Recounts these villages from person_situation and household_situation (already current, same
 * transaction: the feed's or the rebuild's). The roster conditions are the ones the lists use
 * (roster-kinds.ts), the zero-employment condition the household list's and the poverty groups
 * the indicators' (sql/conditions.ts), so a list's totalCount and its rows cannot disagree, and
 * the indicators' totals, places and groups are one row per village (one snapshot).
 */
export async function recountVillages(client: pg.ClientBase, villageCodes: readonly string[]): Promise<void> {
  const villages = [...new Set(villageCodes)];
  if (villages.length === 0) return;
  const columns = [
    ...KEPT_ROSTERS.map((kind) => [keptColumn(kind), ROSTERS[kind].condition] as const),
    ['able_labourers', ABLE_LABOURER] as const,
    ['able_employed', ABLE_EMPLOYED] as const,
    ...PLACES.map((place) => [placeColumn(place), `${ABLE_EMPLOYED} and p.employment_place = '${place}'`] as const),
    ['able_employed_unknown_place', `${ABLE_EMPLOYED} and (p.employment_place is null or p.employment_place not in (${PLACES.map((place) => `'${place}'`).join(', ')}))`] as const,
    ...POVERTY_GROUPS.flatMap(({ group }) => [
      [groupColumn('able_labourers', group), `${ABLE_LABOURER} and ${povertyGroupCondition(group)}`] as const,
      [groupColumn('able_employed', group), `${ABLE_EMPLOYED} and ${povertyGroupCondition(group)}`] as const,
    ]),
  ];
  await client.query('delete from village_counts where village_code = any($1::text[])', [villages]);
  await client.query(
    `insert into village_counts (village_code, ${columns.map(([name]) => `"${name}"`).join(', ')})
     select p.village_code, ${columns.map(([, condition]) => `count(*) filter (where ${condition})`).join(', ')}
       from person_situation p where p.village_code = any($1::text[]) group by p.village_code`,
    [villages],
  );
  await client.query(
    `update village_counts c set zero_employment_households = z.n, counted_at = now()
       from (select h.village_code, count(*) as n from household_situation h
              where h.village_code = any($1::text[]) and ${ZERO_EMPLOYMENT} group by h.village_code) z
      where z.village_code = c.village_code`,
    [villages],
  );
}

/** A kept total over a region, or null when the roster is not kept (it depends on the day). */
export async function keptTotal(sql: Sql, kind: RosterKind, region: Region): Promise<number | null> {
  if (!KEPT_ROSTERS.includes(kind)) return null;
  const row = await sql.one<{ n: number }>(`select coalesce(sum("${keptColumn(kind)}"), 0) as n from village_counts v where ${regionCondition('v.village_code', 1, region.code)}`, [
    region.code,
  ]);
  return row?.n ?? 0;
}

export async function keptZeroEmploymentTotal(sql: Sql, region: Region): Promise<number> {
  const row = await sql.one<{ n: number }>(
    `select coalesce(sum(zero_employment_households), 0) as n from village_counts v where ${regionCondition('v.village_code', 1, region.code)}`,
    [region.code],
  );
  return row?.n ?? 0;
}

/** The stock figures of a region, summed over its villages' kept counts. */
export async function keptStock(sql: Sql, region: Region): Promise<Record<string, number>> {
  const columns = ['real_name', 'able_labourers', 'able_employed', 'employment_intention', 'able_employed_unknown_place', ...PLACES.map(placeColumn)];
  const row = await sql.one<Record<string, number>>(
    `select ${columns.map((c) => `coalesce(sum("${c}"), 0) as "${c}"`).join(', ')} from village_counts v where ${regionCondition('v.village_code', 1, region.code)}`,
    [region.code],
  );
  return row ?? Object.fromEntries(columns.map((c) => [c, 0]));
}
