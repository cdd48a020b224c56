import { checkPageSize, decodeTextCursor, HOUSEHOLD_CODE_PATTERN, type Page, RELAPSE_RULE_IDS, todayInChina, toPage } from '@jiuye/common';
import type { Sql } from '../db';
import type { Region } from '../region/region.types';
import { regionCondition } from '../sql/conditions';
import { WARNING_RULE_BY_ID, type WarningRule } from '../warning/rules';
import type { CandidateRow } from './relapse-candidates.types';

/**
 * 防返贫监测候选 (issue 14): registered poor or lifted households (未脱贫, 已脱贫, 脱贫不稳定) flagged
 * by a relapse warning rule and not under an open monitoring case (poverty publishes each case's
 * step; household_relapse keeps the open one). A poverty officer opens a case from a candidate
 * with entry route DEPARTMENT_DATA and the rule id (poverty's openMonitoringCase).
 */

const RULES: WarningRule[] = RELAPSE_RULE_IDS.map((id) => {
  const rule = WARNING_RULE_BY_ID.get(id);
  if (!rule || rule.subject !== 'household') throw new Error(`relapse candidates: ${id} is not a household warning rule`);
  return rule;
});

const withToday = (expression: string) => expression.replace(/\$today/g, '$2');

const CANDIDATE_WHERE = `h.poverty_status in ('NOT_LIFTED', 'LIFTED', 'LIFTED_UNSTABLE')
  and not exists (select 1 from household_relapse open_case where open_case.code = h.code and open_case.open_case_step is not null)
  and (${RULES.map((rule) => `(${withToday(rule.condition)})`).join(' or ')})`;

const MATCHED = `array_remove(array[${RULES.map(
  (rule) =>
    `case when (${withToday(rule.condition)}) then jsonb_build_object('rule', '${rule.id}', 'since', (${withToday(rule.since)})::date, 'facts', jsonb_build_object(${Object.entries(
      rule.facts,
    )
      .map(([name, expression]) => `'${name}', ${withToday(expression)}`)
      .join(', ')})) end`,
).join(', ')}], null)`;

/** One page of candidates in household-code order ($1 region, $2 today). */
export async function relapseCandidatePage(sql: Sql, region: Region, first: number, after: string | null | undefined, today = todayInChina()): Promise<Page<CandidateRow>> {
  checkPageSize(first);
  const cursor = decodeTextCursor(after, HOUSEHOLD_CODE_PATTERN);
  const where = `${regionCondition('h.village_code', 1, region.code)} and ${CANDIDATE_WHERE}`;
  const values: unknown[] = cursor === null ? [region.code, today, first + 1] : [region.code, today, cursor, first + 1];
  const [rows, count] = await Promise.all([
    sql.rows<CandidateRow>(
      `select h.code, h.village_code, (select d.name from division d where d.code = h.village_code) as village_name, h.poverty_status, ${MATCHED} as matched
         from household_situation h where ${where}${cursor === null ? '' : ' and h.code > $3'} order by h.code limit $${values.length}`,
      values,
    ),
    sql.one<{ n: number }>(`select count(*)::int as n from household_situation h where ${where}`, [region.code, today]),
  ]);
  return toPage(rows, first, count?.n ?? 0, (row) => row.code);
}
