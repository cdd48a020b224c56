import { checkPageSize, compositeKey, decodeCompositeCursor, nonEmptyPart, type Page, todayInChina, toPage, VILLAGE_CODE_PATTERN } from '@jiuye/common';
import { allPages, type Sql } from '../db';
import { regionCondition } from '../sql/conditions';
import { PERSON_SELECT } from '../person/situation-person.service';
import type { PersonRecord } from '../person/situation-person.types';
import type { Region } from '../region/region.types';
import { LEVEL_RANK, WARNING_RULES, type WarningLevel, type WarningRow, type WarningRule } from './rules';

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

export const PERSON_FROM = `person_situation p
  left join household_situation h on h.code = p.household_code
  left join partner_city pc on pc.code = p.transfer_city_code
  left join institution i on i.id = p.medium_term_institution_id`;

export const withToday = (expression: string) => expression.replace(/\$today/g, '$2');

function factsOf(rule: WarningRule): string {
  return `jsonb_build_object(${Object.entries(rule.facts)
    .map(([name, expression]) => `'${name}', ${withToday(expression)}`)
    .join(', ')})`;
}

/**
 * The keys of every warning of these rules in the region, in one pass over the people and one
 * over the households (not one scan per rule): each person row is tested against every person
 * rule at once and yields one key per rule it meets. $1 = region, $2 = today.
 */
/**
 * The rules an account may see: all of them for region staff; for partner-city staff the rules
 * their department answers for (transfers without follow-up, found not working), over the
 * workers transferred to their city.
 */
export function rulesFor(partnerCity: string | null | undefined): WarningRule[] {
  return partnerCity ? WARNING_RULES.filter((rule) => rule.subject === 'person' && rule.departments.includes('partner')) : WARNING_RULES;
}

/** The extra condition of a partner-city account (the city code is validated: 4 digits). */
function cityCondition(partnerCity: string | null | undefined): string {
  if (!partnerCity) return '';
  if (!/^\d{4}$/.test(partnerCity)) throw new Error('partner city code must be 4 digits');
  return ` and p.transfer_city_code = '${partnerCity}'`;
}

function warningKeysSql(rules: WarningRule[], region: Region, partnerCity?: string | null): string {
  const parts: string[] = [];
  const people = rules.filter((rule) => rule.subject === 'person');
  if (people.length) {
    const joined = people.some((rule) => /\b(h|pc|i)\./.test(rule.condition));
    parts.push(`select r.rule::text collate "C" as rule, m.village_code::text collate "C" as village_code, m.worker_id::text collate "C" as subject, m.worker_id::text as worker_id
      from (select p.village_code, p.worker_id,
                   array_remove(array[${people.map((rule) => `case when (${withToday(rule.condition)}) then '${rule.id}' end`).join(', ')}], null) as matched
              from ${joined ? PERSON_FROM : 'person_situation p'}
             where ${regionCondition('p.village_code', 1, region.code)}${cityCondition(partnerCity)} and (${people.map((rule) => `(${withToday(rule.condition)})`).join(' or ')})) m
      cross join unnest(m.matched) as r(rule)`);
  }
  for (const rule of rules.filter((candidate) => candidate.subject === 'household')) {
    parts.push(`select '${rule.id}'::text collate "C" as rule, h.village_code::text collate "C" as village_code, h.code::text collate "C" as subject, null::text as worker_id
      from household_situation h where ${regionCondition('h.village_code', 1, region.code)} and (${withToday(rule.condition)})`);
  }
  const rank = `case k.rule ${rules.map((rule) => `when '${rule.id}' then ${LEVEL_RANK[rule.level]}`).join(' ')} end`;
  return `select k.*, ${rank} as level_rank from (${parts.join('\nunion all\n')}) k`;
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
 * Per rule in the region (all rules, 0 included): one pass over the people and one over the
 * households of the region, every rule a filtered count (not one scan per rule).
 */
export async function warningCounts(sql: Sql, region: Region, today = todayInChina(), partnerCity?: string | null): Promise<{ rule: WarningRule; count: number }[]> {
  const visible = rulesFor(partnerCity);
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

/** One page of warnings, ordered by (level, rule, village, subject); evaluated now. */
export async function warningPage(sql: Sql, query: WarningQuery, today = todayInChina(), withCounts = true): Promise<WarningPageResult> {
  const first = checkPageSize(query.first);
  const cursor = decodeWarningCursor(query.after);
  const rules = selectedRules(query.rule, query.level, query.partnerCity);
  const countsByRule = withCounts ? await warningCounts(sql, query.region, today, query.partnerCity) : [];
  const totalCount = countsByRule.filter((c) => rules.includes(c.rule)).reduce((sum, c) => sum + c.count, 0);
  if (rules.length === 0) return { ...toPage<WarningPageResult['nodes'][number]>([], first, totalCount, () => ''), countsByRule };

  const values: unknown[] = [query.region.code, today];
  let keyset = '';
  if (cursor) {
    values.push(...cursor);
    keyset = `where (w.level_rank, w.rule, w.village_code, w.subject) > ($3::int, $4::text, $5::text, $6::text)`;
  }
  values.push(first + 1);
  const keys = `select w.* from (${warningKeysSql(rules, query.region, query.partnerCity)}) w ${keyset} order by w.level_rank, w.rule, w.village_code, w.subject limit $${values.length}`;
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
