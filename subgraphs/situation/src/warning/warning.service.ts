import { checkPageSize, compositeKey, decodeCompositeCursor, nonEmptyPart, type Page, todayInChina, toPage, VILLAGE_CODE_PATTERN } from '@jiuye/common';
import { allPages, type Sql } from '../db';
import { regionCondition } from '../sql/conditions';
import { PERSON_SELECT } from '../person/situation-person.service';
import type { PersonRecord } from '../person/situation-person.types';
import type { Region } from '../region/region.types';
import type { WarningLevel, WarningRow, WarningRule } from './rules';
import { cityCondition, PERSON_FROM, rulesFor, warningKeysSql, withToday } from './warning.sql';
import { keptWarningCounts, keptWarningKeysSql, keptWarningsHold } from './warning.state';

/** Used by the tasks (task.service.ts) to test one warning. */
export { PERSON_FROM, withToday } from './warning.sql';

export interface WarningQuery {
  region: Region;
  /** A partner-city account: only the transfer rules, only workers transferred to this city (4 digits). */
  partnerCity?: string | null;
  rule?: string | null;
  level?: WarningLevel | null;
  first: number;
  after?: string | null;
}

export interface WarningPageResult extends Page<{ warning: WarningRow; person: PersonRecord | null }> {
  countsByRule: { rule: WarningRule; count: number }[];
}

const warningKey = (w: WarningRow) => compositeKey([w.level_rank, w.rule, w.village_code, w.subject]);

function factsOf(rule: WarningRule): string {
  return `jsonb_build_object(${Object.entries(rule.facts)
    .map(([name, expression]) => `'${name}', ${withToday(expression)}`)
    .join(', ')})`;
}

/** The full rows of a page of keys: facts, since and who is responsible, joined for those rows only. */
function warningDetailsSql(rules: WarningRule[], page: string): string {
  const byRule = (expression: (rule: WarningRule) => string) => `case w.rule ${rules.map((rule) => `when '${rule.id}' then ${expression(rule)}`).join(' ')} end`;
  return `select w.rule, w.level_rank, w.village_code, w.subject, w.worker_id, coalesce(p.household_code, h.code)::text as household_code,
      (${byRule((rule) => `(${withToday(rule.since)})::date`)}) as since,
      (${byRule(factsOf)}) as facts,
      h.cadre_name::text as cadre_name, h.unit_name::text as unit_name, pc.name::text as partner_city_name, i.name::text as institution_name,
      (select d.name from division d where d.code = w.village_code) as village_name
    from (${page}) w
    left join person_situation p on p.worker_id = w.worker_id
    left join household_situation h on h.code = coalesce(p.household_code, w.subject)
    left join partner_city pc on pc.code = p.transfer_city_code
    left join institution i on i.id = p.medium_term_institution_id
    order by w.level_rank, w.rule, w.village_code, w.subject`;
}

function selectedRules(rule: string | null | undefined, level: WarningLevel | null | undefined, partnerCity?: string | null): WarningRule[] {
  return rulesFor(partnerCity).filter((r) => (rule == null || r.id === rule) && (level == null || r.level === level));
}

type Cursor = [number, string, string, string];

function decodeWarningCursor(after: string | null | undefined): Cursor | null {
  const parts = decodeCompositeCursor(after, [(p) => /^[0-2]$/.test(p), (p) => /^[A-Z0-9_]+$/.test(p), (p) => VILLAGE_CODE_PATTERN.test(p), nonEmptyPart]);
  if (parts === null) return null;
  return [Number(parts[0]), parts[1], parts[2], parts[3]];
}

/**
 * Per rule in the region (all rules, 0 included): from the kept warnings when they hold for
 * today (warning.state.ts); else one pass over the people and one over the households of the
 * region, every rule a filtered count (not one scan per rule).
 */
export async function warningCounts(
  sql: Sql,
  region: Region,
  today = todayInChina(),
  partnerCity?: string | null,
  kept?: boolean,
): Promise<{ rule: WarningRule; count: number }[]> {
  const visible = rulesFor(partnerCity);
  if (kept ?? (await keptWarningsHold(sql, today))) {
    const counts = await keptWarningCounts(sql, region.code, partnerCity);
    return visible.map((rule) => ({ rule, count: counts.get(rule.id) ?? 0 }));
  }
  const counts = new Map<string, number>();
  for (const subject of ['person', 'household'] as const) {
    const rules = visible.filter((rule) => rule.subject === subject);
    if (rules.length === 0) continue;
    const filters = rules.map((rule) => `count(*) filter (where ${rule.condition.replace(/\$today/g, '$2')}) as "${rule.id}"`).join(', ');
    const joined = rules.some((rule) => /\b(h|pc|i)\./.test(rule.condition));
    const from = subject === 'household' ? 'household_situation h' : joined ? PERSON_FROM : 'person_situation p';
    const column = subject === 'household' ? 'h.village_code' : 'p.village_code';
    const row = await sql.one<Record<string, number>>(
      `select ${filters} from ${from} where ${regionCondition(column, 1, region.code)}${subject === 'person' ? cityCondition(partnerCity) : ''} and $2::date is not null`,
      [region.code, today],
    );
    for (const rule of rules) counts.set(rule.id, row?.[rule.id] ?? 0);
  }
  return visible.map((rule) => ({ rule, count: counts.get(rule.id) ?? 0 }));
}

/**
 * One page of warnings, ordered by (level, rule, village, subject): those that hold today, read
 * from the kept warnings when they hold for today, else evaluated now (`live` forces it).
 */
export async function warningPage(sql: Sql, query: WarningQuery, today = todayInChina(), withCounts = true, live = false): Promise<WarningPageResult> {
  const first = checkPageSize(query.first);
  const cursor = decodeWarningCursor(query.after);
  const rules = selectedRules(query.rule, query.level, query.partnerCity);
  const kept = !live && (await keptWarningsHold(sql, today));
  const countsByRule = withCounts ? await warningCounts(sql, query.region, today, query.partnerCity, kept) : [];
  const totalCount = countsByRule.filter((c) => rules.includes(c.rule)).reduce((sum, c) => sum + c.count, 0);
  if (rules.length === 0) return { ...toPage<WarningPageResult['nodes'][number]>([], first, totalCount, () => ''), countsByRule };

  const values: unknown[] = [query.region.code, today];
  let keyset = '';
  if (cursor) {
    values.push(...cursor);
    keyset = `where (w.level_rank, w.rule, w.village_code, w.subject) > ($3::int, $4::text, $5::text, $6::text)`;
  }
  values.push(first + 1);
  const from = kept
    ? keptWarningKeysSql(
        rules.map((rule) => rule.id),
        query.region.code,
        query.partnerCity,
      )
    : warningKeysSql(rules, query.region.code, query.partnerCity);
  const keys = `select w.* from (${from}) w ${keyset} order by w.level_rank, w.rule, w.village_code, w.subject limit $${values.length}`;
  const warnings = await sql.rows<WarningRow>(warningDetailsSql(rules, keys), values);
  const page = toPage(warnings, first, totalCount, warningKey);
  const workerIds = [...new Set(page.nodes.map((w) => w.worker_id).filter((id): id is string => id !== null))];
  const people = workerIds.length ? await sql.rows<PersonRecord>(`select ${PERSON_SELECT} from person_situation p where p.worker_id = any($1::text[])`, [workerIds]) : [];
  const byId = new Map(people.map((person) => [person.worker_id, person]));
  return { ...page, nodes: page.nodes.map((warning) => ({ warning, person: warning.worker_id ? (byId.get(warning.worker_id) ?? null) : null })), countsByRule };
}

/** Every warning of a region in keyset batches (exports): memory stays one batch; no counts (totalCount 0). */
export function warningBatches(sql: Sql, region: Region, filters: { rule?: string | null; level?: WarningLevel | null } = {}): AsyncGenerator<WarningPageResult['nodes']> {
  const today = todayInChina();
  return allPages((after) => warningPage(sql, { region, ...filters, first: 500, after }, today, false));
}
