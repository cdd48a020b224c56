import { badInput, todayInChina } from '@jiuye/common';
import type { Sql } from '../db';
import type { RankingCompletion } from '../ranking/ranking.service';
import type { RankingWeek } from '../ranking/week';
import type { Region } from '../region/region.types';
import { completionRate, exactActuals, publishedActuals } from './figures';
import { targetMap } from './target.service';

/**
 * The weekly ranking by completion rate (红黑榜 by 完成率): each village's NEW_TRANSFERS target for
 * the year and its new transfers so far. Department staff: the year of the week's last day,
 * counted from 1 January to that day (the indicators' SQL). Dashboards: the current week only,
 * against the year's published indicator cell (Indicators.newTransfers, the same suppressed
 * table): a count to an arbitrary Friday is no published cell, and two Fridays' counts would give
 * the withheld week between them away; the rate is withheld with its count.
 */
export async function rankingCompletion(sql: Sql, county: Region, week: RankingWeek, threshold: number | null): Promise<RankingCompletion> {
  const today = todayInChina();
  if (threshold !== null && !(week.weekStart <= today && today <= week.weekEnd)) {
    throw badInput('week', 'dashboards see the ranking by completion rate for the current week only (as the year’s indicators stand)', 'CURRENT_WEEK_ONLY');
  }
  const year = (threshold === null ? week.weekEnd : today).slice(0, 4);
  const [targets, actuals] = await Promise.all([
    targetMap(sql, county.code, year, 'NEW_TRANSFERS'),
    threshold === null
      ? exactActuals(sql, 'NEW_TRANSFERS', { code: 'year-to-date', from: `${year}-01-01`, to: week.weekEnd })
      : publishedActuals(sql, 'NEW_TRANSFERS', year, threshold),
  ]);
  const villages = await sql.rows<{ code: string }>(`select code from division where level = 'VILLAGE' and code like $1 || '%'`, [county.code]);
  return {
    period: year,
    villages: new Map(
      villages.map(({ code }) => {
        const target = targets.get(code) ?? null;
        const yearToDate = actuals.of(code);
        return [code, { target, yearToDate, completionRate: completionRate(yearToDate, target) }];
      }),
    ),
  };
}
