import { regionCondition } from '../sql/conditions';
import { LEVEL_RANK, WARNING_RULES, type WarningRule } from './rules';

/** The SQL of the warning rules over the read model: the keys of the warnings that hold (warning.service.ts, warning.state.ts). */
export const PERSON_FROM = `person_situation p
  left join household_situation h on h.code = p.household_code
  left join partner_city pc on pc.code = p.transfer_city_code
  left join institution i on i.id = p.medium_term_institution_id`;

export const withToday = (expression: string) => expression.replace(/\$today/g, '$2');

/**
 * The rules an account may see: all of them for region staff; for partner-city staff the rules
 * their department answers for (transfers without follow-up, found not working), over the
 * workers transferred to their city.
 */
export function rulesFor(partnerCity: string | null | undefined): WarningRule[] {
  return partnerCity ? WARNING_RULES.filter((rule) => rule.subject === 'person' && rule.departments.includes('partner')) : WARNING_RULES;
}

/** The extra condition of a partner-city account (the city code is validated: 4 digits). */
export function cityCondition(partnerCity: string | null | undefined, column = 'p.transfer_city_code'): string {
  if (!partnerCity) return '';
  if (!/^\d{4}$/.test(partnerCity)) throw new Error('partner city code must be 4 digits');
  return ` and ${column} = '${partnerCity}'`;
}

/**
 * The keys of every warning of these rules in the region, in one pass over the people and one
 * over the households (not one scan per rule): each person row is tested against every person
 * rule at once and yields one key per rule it meets. $1 = region, $2 = today; with `subjects`,
 * only these people ($3, worker ids) and households ($4, codes): the feed's re-evaluation
 * (warning.state.ts).
 */
export function warningKeysSql(rules: WarningRule[], regionCode: string, partnerCity?: string | null, subjects = false): string {
  const parts: string[] = [];
  const people = rules.filter((rule) => rule.subject === 'person');
  if (people.length) {
    const joined = people.some((rule) => /\b(h|pc|i)\./.test(rule.condition));
    const only = subjects ? ' and p.worker_id = any($3::text[])' : '';
    parts.push(`select r.rule::text collate "C" as rule, m.village_code::text collate "C" as village_code, m.worker_id::text collate "C" as subject, m.worker_id::text as worker_id, m.city_code
      from (select p.village_code, p.worker_id, p.transfer_city_code::text as city_code,
                   array_remove(array[${people.map((rule) => `case when (${withToday(rule.condition)}) then '${rule.id}' end`).join(', ')}], null) as matched
              from ${joined ? PERSON_FROM : 'person_situation p'}
             where ${regionCondition('p.village_code', 1, regionCode)}${cityCondition(partnerCity)}${only} and (${people.map((rule) => `(${withToday(rule.condition)})`).join(' or ')})) m
      cross join unnest(m.matched) as r(rule)`);
  }
  const only = subjects ? ' and h.code = any($4::text[])' : '';
  for (const rule of rules.filter((candidate) => candidate.subject === 'household')) {
    parts.push(`select '${rule.id}'::text collate "C" as rule, h.village_code::text collate "C" as village_code, h.code::text collate "C" as subject, null::text as worker_id, null::text as city_code
      from household_situation h where ${regionCondition('h.village_code', 1, regionCode)}${only} and (${withToday(rule.condition)})`);
  }
  const rank = `case k.rule ${rules.map((rule) => `when '${rule.id}' then ${LEVEL_RANK[rule.level]}`).join(' ')} end`;
  return `select k.*, ${rank} as level_rank from (${parts.join('\nunion all\n')}) k`;
}
