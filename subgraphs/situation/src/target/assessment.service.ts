import { badInput, todayInChina } from '@jiuye/common';
import type { Sql } from '../db';
import { parsePeriod } from '../indicator/period';
import type { Region } from '../region/region.types';
import { competitionRanks, completionRate, exactActuals, exactRetention, publishedActuals, publishedRetention, type Cells } from './figures';
import { subregionsOf } from './completion.service';
import { targetMap } from './target.service';
import type { Assessment, AssessmentRow } from './target.types';

const MEASURE = 'NEW_TRANSFERS' as const;

/** A quarter 'YYYY-Qn' that has begun. */
export function parseQuarter(text: string, argument = 'quarter') {
  const code = (text ?? '').trim();
  const match = /^(\d{4})-Q([1-4])$/.exec(code);
  if (!match) throw badInput(argument, `expected a quarter written YYYY-Qn, e.g. '2026-Q2'`, 'QUARTER');
  const period = parsePeriod(code, argument);
  const today = todayInChina();
  if (period.from > today) throw badInput(argument, `${period.label} has not begun (today is ${today})`, 'PERIOD_IN_FUTURE');
  return { code, year: match[1], quarter: Number(match[2]), ...period };
}

/** The responsible units of a county now, each with the villages of the households it answers for (household_situation.unit_name). */
export function unitsOf(sql: Sql, county: Region): Promise<{ name: string; villages: string[] }[]> {
  return sql.rows<{ name: string; villages: string[] }>(
    `select unit_name as name, array_agg(distinct village_code order by village_code) as villages
       from household_situation where village_code like $1 || '%' and unit_name is not null
      group by unit_name order by unit_name`,
    [county.code],
  );
}

/** Sums of published cells (dashboards): withheld when any part is. */
function summed(parts: Cells[]): Cells {
  const add = (values: (number | null)[]) => (values.some((v) => v === null) ? null : values.reduce<number>((s, v) => s + v!, 0));
  return { of: (code) => add(parts.map((p) => p.of(code))), ofVillages: (codes) => add(parts.map((p) => p.ofVillages(codes))) };
}

const count = (value: number | null) => (value === null ? { value: null, suppressed: true } : { value, suppressed: false });

/**
 * 季度考核 of a county (新增转移就业): per township and per responsible unit, the year's and the
 * quarter's targets, the quarter's new transfers and the year's up to the quarter's last day, the
 * completion rates and retention on the quarter's stock day. A township's target is its own, else
 * the sum of its villages'; a unit's is the sum of its villages' (一荣俱荣、一损俱损).
 */
export async function assessment(sql: Sql, county: Region, quarterText: string, threshold: number | null): Promise<Omit<Assessment, 'freshness'>> {
  const q = parseQuarter(quarterText);
  // Dashboards: the year to the quarter's end as a sum of published cells — the quarters so far, or (fourth quarter) the year itself.
  const quarters = q.quarter === 4 ? [q.year] : Array.from({ length: q.quarter }, (_, i) => `${q.year}-Q${i + 1}`);
  const [townships, units, yearTargets, quarterTargets, quarterActual, yearToDate, retention] = await Promise.all([
    subregionsOf(sql, county),
    unitsOf(sql, county),
    targetMap(sql, county.code, q.year, MEASURE),
    targetMap(sql, county.code, q.code, MEASURE),
    threshold === null ? exactActuals(sql, MEASURE, { code: q.code, from: q.from, to: q.to }) : publishedActuals(sql, MEASURE, q.code, threshold),
    threshold === null
      ? exactActuals(sql, MEASURE, { code: 'year-to-date', from: `${q.year}-01-01`, to: q.to })
      : Promise.all(quarters.map((code) => publishedActuals(sql, MEASURE, code, threshold))).then(summed),
    threshold === null ? exactRetention(sql, q.code) : publishedRetention(sql, q.code, threshold),
  ]);
  const villageTargets = (targets: Map<string, number>, villages: readonly string[]) => {
    const set = villages.filter((v) => targets.has(v));
    return set.length ? set.reduce((sum, v) => sum + targets.get(v)!, 0) : null;
  };
  const villagesIn = (code: string, targets: Map<string, number>) => [...targets.keys()].filter((k) => k.length === 12 && k.startsWith(code));
  const rowOf = (
    key: string,
    name: string,
    villageCodes: string[],
    figures: { yearTarget: number | null; quarterTarget: number | null; cell: (c: Cells) => number | null },
  ): AssessmentRow => {
    const [qa, ytd, retained, base] = [quarterActual, yearToDate, retention.retained, retention.base].map(figures.cell);
    const suppressedRate = retained === null || base === null;
    return {
      key,
      name,
      villageCodes,
      yearTarget: figures.yearTarget,
      quarterTarget: figures.quarterTarget,
      quarterActual: count(qa),
      quarterRate: completionRate(qa, figures.quarterTarget),
      yearToDate: count(ytd),
      yearRate: completionRate(ytd, figures.yearTarget),
      retention: suppressedRate
        ? { value: null, numerator: null, denominator: null, suppressed: true }
        : { value: base! > 0 ? retained! / base! : null, numerator: retained, denominator: base, suppressed: false },
      rank: null,
    };
  };
  const villagesOfTownship = await sql.rows<{ township: string; villages: string[] }>(
    `select left(code, 9) as township, array_agg(code order by code) as villages from division where level = 'VILLAGE' and code like $1 || '%' group by 1`,
    [county.code],
  );
  const townshipVillages = new Map(villagesOfTownship.map((r) => [r.township, r.villages]));
  const townshipRows = townships.map((t) =>
    rowOf(t.code, t.name, townshipVillages.get(t.code) ?? [], {
      yearTarget: yearTargets.get(t.code) ?? villageTargets(yearTargets, villagesIn(t.code, yearTargets)),
      quarterTarget: quarterTargets.get(t.code) ?? villageTargets(quarterTargets, villagesIn(t.code, quarterTargets)),
      cell: (c) => c.of(t.code),
    }),
  );
  const unitRows = units.map((u) =>
    rowOf(u.name, u.name, u.villages, {
      yearTarget: villageTargets(yearTargets, u.villages),
      quarterTarget: villageTargets(quarterTargets, u.villages),
      cell: (c) => c.ofVillages(u.villages),
    }),
  );
  for (const rows of [townshipRows, unitRows]) competitionRanks(rows.map((r) => r.yearRate)).forEach((rank, i) => (rows[i].rank = rank));
  return { county, quarter: q.code, label: q.label, threshold, townships: townshipRows, units: unitRows };
}
