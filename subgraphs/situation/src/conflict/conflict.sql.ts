import { regionCondition } from '../sql/conditions';
import type { Region } from '../region/region.types';
import type { ConflictRule, ConflictSourceSpec } from './rules';

/** The SQL of the conflict rules over the read model: the keys of the conflicts that hold, and their facts (conflict.service.ts, conflict.state.ts). */
/**
 * Which rows one statement covers: a region ($1 = code), one subject ($1 = worker key or
 * household code), or these people ($1, worker ids) and households ($2, codes): the feed's
 * re-evaluation (conflict.state.ts).
 */
export type Scope = { region: Pick<Region, 'code'> } | { subject: string } | { workers: readonly string[]; households: readonly string[] };

/** The statement's values for a scope. */
export function scopeValues(scope: Scope): unknown[] {
  if ('region' in scope) return [scope.region.code];
  if ('subject' in scope) return [scope.subject];
  return [scope.workers, scope.households];
}

function sourceJson(source: ConflictSourceSpec): { fact: string; display: string } {
  const values = Object.entries(source.values).map(([name, expression]) => `'${name}', ${expression}`);
  const display = Object.entries(source.display ?? {}).map(([name, expression]) => `'${name}', ${expression}`);
  return {
    fact: `jsonb_build_object('department', '${source.department}', 'since', (${source.since})::date, 'values', jsonb_build_object(${values.join(', ')}))`,
    display: `jsonb_build_object(${display.join(', ')})`,
  };
}

/**
 * The keys of every conflict of these rules in scope: one pass over the people (each row tested
 * against every person rule at once) and one small pass per household rule.
 */
export function conflictKeysSql(rules: ConflictRule[], scope: Scope): string {
  const parts: string[] = [];
  const people = rules.filter((rule) => rule.subject !== 'household');
  if (people.length) {
    const filter = 'region' in scope ? regionCondition('p.village_code', 1, scope.region.code) : 'subject' in scope ? 'p.worker_id = $1' : 'p.worker_id = any($1::text[])';
    parts.push(`select r.kind::text collate "C" as kind, m.village_code::text collate "C" as village_code, m.worker_id::text collate "C" as subject, m.worker_id::text as worker_id
      from (select p.village_code, p.worker_id,
                   array_remove(array[${people.map((rule) => `case when (${rule.condition}) then '${rule.kind}' end`).join(', ')}], null) as matched
              from person_situation p left join partner_city pc on pc.code = p.transfer_city_code
             where ${filter} and (${people.map((rule) => `(${rule.condition})`).join(' or ')})) m
      cross join unnest(m.matched) as r(kind)`);
  }
  for (const rule of rules.filter((candidate) => candidate.subject === 'household')) {
    const filter = 'region' in scope ? regionCondition('h.village_code', 1, scope.region.code) : 'subject' in scope ? 'h.code = $1' : 'h.code = any($2::text[])';
    parts.push(`select '${rule.kind}'::text collate "C" as kind, h.village_code::text collate "C" as village_code, h.code::text collate "C" as subject, null::text as worker_id
      from household_situation h where ${filter} and (${rule.condition})`);
  }
  return parts.join('\nunion all\n');
}

export interface ConflictKey {
  kind: string;
  village_code: string;
  subject: string;
  worker_id: string | null;
}

/**
 * Both sources' facts for these keys (index lookups: the keys come in as one parameter, so the
 * planner joins a handful of rows instead of hashing whole tables), their fingerprint (sha256
 * hex over kind, subject and both sources' values and dates) and the resolution recorded for
 * exactly that fingerprint. Ordered by (kind, village, subject), byte-wise.
 */
export function conflictDetailsSql(rules: ConflictRule[]): string {
  const byKind = (expression: (rule: ConflictRule) => string) => `case k.kind ${rules.map((rule) => `when '${rule.kind}' then ${expression(rule)}`).join(' ')} end`;
  const source = (i: 0 | 1, part: 'fact' | 'display') => byKind((rule) => sourceJson(rule.sources[i])[part]);
  return `with k as (select * from jsonb_to_recordset($1::jsonb) as k(kind text, village_code text, subject text, worker_id text)),
    c as (select k.kind::text collate "C" as kind, k.village_code::text collate "C" as village_code, k.subject::text collate "C" as subject,
                 ${source(0, 'fact')} as a, ${source(1, 'fact')} as b,
                 ${source(0, 'display')} as a_display, ${source(1, 'display')} as b_display,
                 k.worker_id, coalesce(p.household_code, h.code)::text as household_code
            from k left join person_situation p on p.worker_id = k.worker_id
                   left join household_situation h on h.code = coalesce(p.household_code, k.subject)
                   left join partner_city pc on pc.code = p.transfer_city_code),
    f as (select c.*, encode(sha256(convert_to(jsonb_build_array(c.kind, c.subject, c.a, c.b)::text, 'UTF8')), 'hex') as fingerprint from c)
    select f.*, (select d.name from division d where d.code = f.village_code) as village_name,
           r.note, r.kept_source, r.resolved_by, r.resolved_at
      from f left join conflict_resolution r on r.conflict_id = (f.kind || ':' || f.subject) collate "C" and r.fingerprint = f.fingerprint
     order by f.kind, f.village_code, f.subject`;
}
