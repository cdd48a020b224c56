import { addDays, badInput, DEFAULT_TASK_DUE_DAYS, RegionTree, SuppressedTable, TOTAL, type TaskDueDays } from '@jiuye/common';
import type { Sql } from '../db';
import { publishedCount, publishedRate } from '../indicator/suppression';
import { registryVillages } from '../region/region.service';
import type { Region } from '../region/region.types';
import { regionCondition } from '../sql/conditions';
import type { ZeroEmploymentClearance } from './task.types';

/**
 * 零就业家庭动态清零: spells cleared by a member employed between `from` and `to`, how many
 * within ZERO_EMPLOYMENT_CLEAR_DAYS, their median and mean days, and the households
 * zero-employment now. For dashboards the counts go through the one suppression policy over the
 * whole region hierarchy (common/src/suppression.ts); median and mean are published only where
 * the cleared count is.
 */
export async function zeroEmploymentClearance(
  sql: Sql,
  region: Region,
  range: { from?: string | null; to?: string | null },
  today: string,
  options: { suppress: boolean; threshold: number; days?: TaskDueDays },
): Promise<ZeroEmploymentClearance> {
  const to = range.to ?? today;
  const from = range.from ?? addDays(to, -364);
  if (to > today) throw badInput('to', `not after today (${today})`, 'DATE_IN_FUTURE');
  if (from > to) throw badInput('from', `not after to (${to})`, 'DATE_RANGE');
  if (from < addDays(to, -3 * 366)) throw badInput('from', 'a range of at most 3 years', 'DATE_RANGE');
  const limitDays = (options.days ?? DEFAULT_TASK_DUE_DAYS).zeroEmployment;
  const [villages, cleared, open, stats] = await Promise.all([
    registryVillages(sql),
    sql.rows<{ village_code: string; cleared: number; within: number }>(
      `select village_code, count(*) as cleared, count(*) filter (where cleared_on - started_on <= $3) as within
         from zero_employment_spell where cleared_by = 'EMPLOYED' and cleared_on between $1 and $2 group by village_code`,
      [from, to, limitDays],
    ),
    sql.rows<{ village_code: string; n: number }>(`select village_code, count(*) as n from zero_employment_spell where cleared_on is null group by village_code`, []),
    sql.one<{ median: number | null; mean: number | null }>(
      `select percentile_cont(0.5) within group (order by cleared_on - started_on) as median, avg(cleared_on - started_on)::float8 as mean
         from zero_employment_spell where cleared_by = 'EMPLOYED' and cleared_on between $2 and $3 and ${regionCondition('village_code', 1, region.code)}`,
      [region.code, from, to],
    ),
  ]);
  const tree = new RegionTree(new Set([...villages, ...cleared.map((r) => r.village_code), ...open.map((r) => r.village_code)]));
  const active = options.suppress;
  const table = (rows: { village_code: string }[], value: (row: any) => number) =>
    new SuppressedTable(tree, new Map(rows.map((row) => [row.village_code, { [TOTAL]: value(row) }])), options.threshold, [], { active });
  const clearedTable = table(cleared, (r) => r.cleared);
  const withinTable = table(cleared, (r) => r.within);
  const openTable = table(open, (r) => r.n);
  const [clearedCount, within] = [clearedTable.published(region.code), withinTable.published(region.code)];
  const shown = clearedCount !== null && clearedCount > 0;
  return {
    region,
    from,
    to,
    limitDays,
    cleared: publishedCount(clearedCount),
    clearedWithinLimit: publishedCount(within),
    shareWithinLimit: publishedRate(within, clearedCount),
    medianDaysToClear: shown ? (stats?.median ?? null) : null,
    meanDaysToClear: shown ? (stats?.mean ?? null) : null,
    stillZeroEmployment: publishedCount(openTable.published(region.code)),
  };
}
