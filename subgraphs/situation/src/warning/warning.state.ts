import type { Sql } from '../db';
import { keptViewDay, lockKeptView, markKeptView } from '../projection/kept-state';
import { regionCondition } from '../sql/conditions';
import { WARNING_RULES } from './rules';
import { cityCondition, warningKeysSql } from './warning.sql';

/**
 * 预警 kept in the read model (issue 16): every warning that holds on one day, one row per rule
 * and subject (warning_state), so that a county's list and its counts per rule are index reads,
 * not an evaluation of every rule over every person of the county per request.
 *
 * - The feed re-evaluates the people and households it re-projects, in its transaction
 *   (a rule's condition reads only its subject's rows: the person with its welfare
 *   assignments, the household with its household_relapse row — see rules.ts).
 * - A rebuild, and the first evaluation on a new China day (the rules count days from today),
 *   re-evaluate every subject; the daily evaluation runs it just after midnight.
 * - kept_state ('warnings') says which day the rows hold for; a reader uses them only when that is
 *   today, and otherwise evaluates at query time (before the first evaluation, between
 *   midnight and the day's evaluation, after rows were written outside the feed).
 *
 * Writers take the view's transaction-scoped advisory lock (projection/kept-state.ts).
 */
export type WarningRefresh = 'ALL' | 'SUBJECTS';

/**
 * Re-evaluates the warnings of these people and households for `today` (all of them when
 * `subjects` is null, when the kept rows hold for another day, or before the first evaluation).
 * Runs in the caller's transaction; says which it did.
 */
export async function refreshWarnings(sql: Sql, today: string, subjects: { workers: readonly string[]; households: readonly string[] } | null): Promise<WarningRefresh> {
  await lockKeptView(sql, 'warnings');
  const day = await keptViewDay(sql, 'warnings');
  const insert = `insert into warning_state (rule, subject, level_rank, village_code, worker_id, city_code)
    select k.rule, k.subject, k.level_rank, k.village_code, k.worker_id, k.city_code from (`;
  if (subjects === null || day !== today) {
    await sql.rows(`delete from warning_state`);
    await sql.rows(`${insert}${warningKeysSql(WARNING_RULES, '')}) k`, ['', today]);
    await markKeptView(sql, 'warnings', today);
    return 'ALL';
  }
  if (subjects.workers.length === 0 && subjects.households.length === 0) return 'SUBJECTS';
  await sql.rows(`delete from warning_state where worker_id = any($1::text[]) or (worker_id is null and subject = any($2::text[]))`, [subjects.workers, subjects.households]);
  await sql.rows(`${insert}${warningKeysSql(WARNING_RULES, '', null, true)}) k`, ['', today, subjects.workers, subjects.households]);
  return 'SUBJECTS';
}

/** Whether the kept warnings hold for `today` (else a reader evaluates at query time). */
export async function keptWarningsHold(sql: Sql, today: string): Promise<boolean> {
  return (await keptViewDay(sql, 'warnings')) === today;
}

/** Per rule, the kept warnings of a region (a partner city: its transferred workers only). */
export async function keptWarningCounts(sql: Sql, regionCode: string, partnerCity: string | null | undefined): Promise<Map<string, number>> {
  const rows = await sql.rows<{ rule: string; count: number }>(
    `select w.rule, count(*)::int as count from warning_state w
      where ${regionCondition('w.village_code', 1, regionCode)}${cityCondition(partnerCity, 'w.city_code')}
      group by w.rule`,
    [regionCode],
  );
  return new Map(rows.map((row) => [row.rule, row.count]));
}

/**
 * The keys of the kept warnings of these rules in a region, as warningKeysSql yields them
 * ($1 = region, $2 = today as there, though the kept rows need no date: named so that its type is
 * known when the page's details do not use it either; the caller's keyset and limit follow).
 */
export function keptWarningKeysSql(rules: readonly string[], regionCode: string, partnerCity: string | null | undefined): string {
  return `select w.rule, w.village_code, w.subject, w.worker_id, w.city_code, w.level_rank::int as level_rank from warning_state w
    where ${regionCondition('w.village_code', 1, regionCode)}${cityCondition(partnerCity, 'w.city_code')}
      and w.rule in (${rules.map((rule) => `'${rule}'`).join(', ')}) and $2::date is not null`;
}
