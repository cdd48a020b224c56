import type { Weekday } from '@jiuye/common';
import type { Sql } from '../db';
import { Suppressor } from '../indicator/suppression';
import type { Region } from '../region/region';
import { transferEventsSql } from './new-transfers';
import type { VillageRanking, VillageRankingRow } from './ranking.types';
import { rankingWeek } from './week';

export const LIST_SIZE = 10;

export interface VillageRow {
  code: string;
  name: string;
  township_name: string | null;
}

/** Every village of a region in the division table, with its township's name. */
export function villagesOf(sql: Sql, region: Region): Promise<VillageRow[]> {
  return sql.rows<VillageRow>(
    `select v.code, v.name, t.name as township_name
       from division v left join division t on t.code = coalesce(v.parent_code, left(v.code, 9))
      where v.level = 'VILLAGE' and ${region.code.length === 12 ? 'v.code = $1' : `v.code like $1 || '%'`}
      order by v.code`,
    [region.code],
  );
}

/** New transfers per village in the week and the week before: one statement over both sources. */
function weeklyCounts(sql: Sql, county: Region, week: ReturnType<typeof rankingWeek>) {
  return sql.rows<{ village_code: string; current: number; previous: number }>(
    `with events as (${transferEventsSql(county.code, { region: 1, from: 2, to: 3 })})
     select village_code,
            count(distinct worker_id) filter (where started_on >= $4) as current,
            count(distinct worker_id) filter (where started_on < $4) as previous
       from events group by village_code`,
    [county.code, week.previousWeekStart, week.weekEnd, week.weekStart],
  );
}

/**
 * The ranking of a county's villages for the week holding `day`. Ranks are computed on true
 * counts; `suppress` (dashboards) then withholds the small ones.
 */
export async function villageRanking(
  sql: Sql,
  county: Region,
  day: string,
  options: { weekEndsOn: Weekday; suppress: boolean; threshold: number },
): Promise<Omit<VillageRanking, 'freshness'>> {
  const week = rankingWeek(day, options.weekEndsOn);
  const [villages, counts] = await Promise.all([villagesOf(sql, county), weeklyCounts(sql, county, week)]);
  const byVillage = new Map(counts.map((row) => [row.village_code, row]));
  const s = new Suppressor(options.threshold, options.suppress);

  const figures = villages.map((v) => ({ village: v, current: byVillage.get(v.code)?.current ?? 0, previous: byVillage.get(v.code)?.previous ?? 0 }));
  const rows = new Map<string, VillageRankingRow>();
  for (const f of figures) {
    const currentHidden = s.hides(f.current);
    const previousHidden = s.hides(f.previous);
    rows.set(f.village.code, {
      villageCode: f.village.code,
      villageName: f.village.name,
      townshipName: f.village.township_name,
      newTransfers: currentHidden ? null : f.current,
      previousWeek: previousHidden ? null : f.previous,
      change: currentHidden || previousHidden ? null : f.current - f.previous,
      rank: 1 + figures.filter((other) => other.current > f.current).length,
      suppressed: currentHidden || previousHidden,
    });
  }
  const byCode = (a: { village: VillageRow }, b: { village: VillageRow }) => (a.village.code < b.village.code ? -1 : a.village.code > b.village.code ? 1 : 0);
  const descending = [...figures].sort((a, b) => b.current - a.current || byCode(a, b));
  const ascending = [...figures].sort((a, b) => a.current - b.current || byCode(a, b));
  const row = (f: { village: VillageRow }) => rows.get(f.village.code)!;
  return {
    county,
    weekEndsOn: options.weekEndsOn,
    ...week,
    threshold: options.suppress ? options.threshold : null,
    red: descending.filter((f) => f.current > 0).slice(0, LIST_SIZE).map(row),
    black: ascending.slice(0, LIST_SIZE).map(row),
    all: descending.map(row),
  };
}
