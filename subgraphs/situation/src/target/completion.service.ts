import { badInput } from '@jiuye/common';
import type { Sql } from '../db';
import { indicatorDates } from '../indicator/indicator.service';
import type { Region } from '../region/region.types';
import { competitionRanks, completionRate, exactActuals, publishedActuals } from './figures';
import { parseTargetPeriod, targetMap } from './target.service';
import type { Completion, CompletionRow, TargetMeasure } from './target.types';

const CHILD_LENGTH: Record<number, number> = { 6: 9, 9: 12 };

/** The divisions directly inside a county (townships) or a township (villages); none for a village. */
export function subregionsOf(sql: Sql, region: Region): Promise<Region[]> {
  const length = CHILD_LENGTH[region.code.length];
  if (!length) return Promise.resolve([]);
  return sql.rows<Region>(`select code, name, level from division where code like $1 || '%' and length(code) = $2 order by code`, [region.code, length]);
}

/**
 * A region and its subregions against their targets for a period (a year or a quarter) and a
 * measure. Staff see exact figures; dashboards (`threshold` set) the indicators' published cells,
 * with the rate withheld with the count.
 */
export async function completion(
  sql: Sql,
  region: Region,
  periodText: string,
  measure: TargetMeasure,
  threshold: number | null,
): Promise<Omit<Completion, 'freshness' | 'measure'>> {
  if (region.code.length < 6) throw badInput('region', 'targets are set within a county: name the county, a township or a village', 'DIVISION_CODE');
  const period = parseTargetPeriod(periodText, 'period');
  const d = indicatorDates(period.code);
  const [subregions, targets, actuals] = await Promise.all([
    subregionsOf(sql, region),
    targetMap(sql, region.code, period.code, measure),
    threshold === null ? exactActuals(sql, measure, { code: d.code, from: d.from, to: d.to }) : publishedActuals(sql, measure, period.code, threshold),
  ]);
  const row = (place: Region): CompletionRow => {
    const target = targets.get(place.code) ?? null;
    const below = [...targets].filter(([code]) => code.length === (CHILD_LENGTH[place.code.length] ?? 0) && code.startsWith(place.code));
    const actual = actuals.of(place.code);
    return {
      region: place,
      target,
      subregionTargets: below.length ? below.reduce((sum, [, t]) => sum + t, 0) : null,
      actual: actual === null ? { value: null, suppressed: true } : { value: actual, suppressed: false },
      completionRate: completionRate(actual, target),
      rank: null,
    };
  };
  const rows = subregions.map(row);
  competitionRanks(rows.map((r) => r.completionRate)).forEach((rank, i) => (rows[i].rank = rank));
  return {
    region,
    period: { code: d.code, label: d.label, from: d.from, to: d.to, asOf: d.asOf },
    threshold,
    total: row(region),
    subregions: rows,
  };
}
