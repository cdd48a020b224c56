import {
  type AccessControl,
  badInput,
  checkPageSize,
  compositeKey,
  conflict,
  containsIdNumber,
  decodeCompositeCursor,
  DEPARTMENT_NAMES,
  forbidden,
  ID_NUMBER_IN_TEXT_MESSAGE,
  InputProblems,
  nonEmptyPart,
  notFound,
  type Page,
  toPage,
  VILLAGE_CODE_PATTERN,
} from '@jiuye/common';
import { allPages, type Sql } from '../db';
import { regionCondition } from '../sql/conditions';
import { PERSON_SELECT } from '../person/situation-person.service';
import type { PersonRecord } from '../person/situation-person.types';
import type { Region } from '../region/region.types';
import { CONFLICT_RULE_BY_KIND, CONFLICT_RULES, type ConflictRule, type ConflictSourceSpec } from './rules';
import type { ConflictRow, ConflictStatusValue } from './conflict.types';

/** Which rows one statement covers: a region ($1 = code) or one subject ($1 = worker key or household code). */
type Scope = { region: Region } | { subject: string };

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
function conflictKeysSql(rules: ConflictRule[], scope: Scope): string {
  const parts: string[] = [];
  const people = rules.filter((rule) => rule.subject !== 'household');
  if (people.length) {
    const filter = 'region' in scope ? regionCondition('p.village_code', 1, scope.region.code) : 'p.worker_id = $1';
    parts.push(`select r.kind::text collate "C" as kind, m.village_code::text collate "C" as village_code, m.worker_id::text collate "C" as subject, m.worker_id::text as worker_id
      from (select p.village_code, p.worker_id,
                   array_remove(array[${people.map((rule) => `case when (${rule.condition}) then '${rule.kind}' end`).join(', ')}], null) as matched
              from person_situation p left join partner_city pc on pc.code = p.transfer_city_code
             where ${filter} and (${people.map((rule) => `(${rule.condition})`).join(' or ')})) m
      cross join unnest(m.matched) as r(kind)`);
  }
  for (const rule of rules.filter((candidate) => candidate.subject === 'household')) {
    const filter = 'region' in scope ? regionCondition('h.village_code', 1, scope.region.code) : 'h.code = $1';
    parts.push(`select '${rule.kind}'::text collate "C" as kind, h.village_code::text collate "C" as village_code, h.code::text collate "C" as subject, null::text as worker_id
      from household_situation h where ${filter} and (${rule.condition})`);
  }
  return parts.join('\nunion all\n');
}

interface ConflictKey {
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
function conflictDetailsSql(rules: ConflictRule[]): string {
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

/** Every conflict of these rules in scope, with facts and resolution: one pass to find them, one lookup to describe them. */
async function conflictRows(sql: Sql, rules: ConflictRule[], scope: Scope): Promise<ConflictRow[]> {
  if (rules.length === 0) return [];
  const keys = await sql.rows<ConflictKey>(conflictKeysSql(rules, scope), ['region' in scope ? scope.region.code : scope.subject]);
  if (keys.length === 0) return [];
  return sql.rows<ConflictRow>(conflictDetailsSql(rules), [JSON.stringify(keys)]);
}

const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const hasStatus = (status: ConflictStatusValue | null | undefined) => (row: ConflictRow) =>
  status === 'OPEN' ? row.resolved_by === null : status === 'RESOLVED' ? row.resolved_by !== null : true;

export interface ConflictQuery {
  region: Region;
  kind?: string | null;
  status?: ConflictStatusValue | null;
  first: number;
  after?: string | null;
}

export interface ConflictPageResult extends Page<{ conflict: ConflictRow; person: PersonRecord | null }> {
  countsByKind: { rule: ConflictRule; count: number }[];
}

function decodeConflictCursor(after: string | null | undefined): [string, string, string] | null {
  const parts = decodeCompositeCursor(after, [(p) => CONFLICT_RULE_BY_KIND.has(p), (p) => VILLAGE_CODE_PATTERN.test(p), nonEmptyPart]);
  if (parts === null) return null;
  return [parts[0], parts[1], parts[2]];
}

async function withPeople(sql: Sql, conflicts: ConflictRow[]): Promise<ConflictPageResult['nodes']> {
  const ids = [...new Set(conflicts.map((c) => c.worker_id).filter((id): id is string => id !== null))];
  const people = ids.length ? await sql.rows<PersonRecord>(`select ${PERSON_SELECT} from person_situation p where p.worker_id = any($1::text[])`, [ids]) : [];
  const byId = new Map(people.map((person) => [person.worker_id, person]));
  return conflicts.map((c) => ({ conflict: c, person: c.worker_id ? (byId.get(c.worker_id) ?? null) : null }));
}

/** One page of the conflict worklist, ordered by (kind, village, subject); evaluated now. */
export async function conflictPage(sql: Sql, query: ConflictQuery, withCounts = true): Promise<ConflictPageResult> {
  const first = checkPageSize(query.first);
  const cursor = decodeConflictCursor(query.after);
  const rules = CONFLICT_RULES.filter((rule) => query.kind == null || rule.kind === query.kind);
  // The conflicts of a region are few (thousands in a county of 10^6 workers): found once, counted and paged here.
  const all = (await conflictRows(sql, withCounts ? CONFLICT_RULES : rules, query)).filter(hasStatus(query.status));
  const byKind = new Map<string, number>();
  for (const row of all) byKind.set(row.kind, (byKind.get(row.kind) ?? 0) + 1);
  const countsByKind = withCounts ? CONFLICT_RULES.map((rule) => ({ rule, count: byKind.get(rule.kind) ?? 0 })) : [];
  const wanted = new Set(rules.map((rule) => rule.kind));
  const after = (row: ConflictRow) =>
    !cursor ||
    byteOrder(row.kind, cursor[0]) > 0 ||
    (row.kind === cursor[0] && (byteOrder(row.village_code, cursor[1]) > 0 || (row.village_code === cursor[1] && byteOrder(row.subject, cursor[2]) > 0)));
  const matching = all.filter((row) => wanted.has(row.kind));
  const page = toPage(matching.filter(after).slice(0, first + 1), first, matching.length, (row) => compositeKey([row.kind, row.village_code, row.subject]));
  return { ...page, nodes: await withPeople(sql, page.nodes), countsByKind };
}

/** Every conflict of a region in keyset batches (exports); no counts. */
export function conflictBatches(
  sql: Sql,
  region: Region,
  filters: { kind?: string | null; status?: ConflictStatusValue | null } = {},
): AsyncGenerator<ConflictPageResult['nodes']> {
  return allPages((after) => conflictPage(sql, { region, ...filters, first: 500, after }, false));
}

/** The conflict with this id as the facts stand now, or undefined (unknown id, or the facts no longer conflict). */
export async function findConflict(sql: Sql, conflictId: string): Promise<ConflictRow | undefined> {
  const separator = conflictId.indexOf(':');
  if (separator < 0) return undefined;
  const rule = CONFLICT_RULE_BY_KIND.get(conflictId.slice(0, separator));
  const subject = conflictId.slice(separator + 1);
  if (!rule || subject === '' || subject.length > 32) return undefined;
  return (await conflictRows(sql, [rule], { subject }))[0];
}

export interface ResolveInput {
  conflictId: string;
  note: string;
  keptSource?: string | null;
}

/**
 * Who may resolve: department staff with a region (not dashboards or auditors, not partner-city
 * or institution accounts, not viewers), with a declared purpose.
 */
export function requireResolver(access: AccessControl): void {
  access.requirePersonAccess();
  if (access.kind !== 'region') throw forbidden('resolveConflict: conflicts are resolved by department staff of the region', 'no-region-scope');
  if (access.identity.role === 'viewer') throw forbidden('viewer accounts cannot write', 'read-only');
}

/** Checks what can be checked without the conflict; returns the trimmed note. */
export function checkResolveInput(input: ResolveInput): { note: string; keptSource: string | null } {
  const note = (input.note ?? '').trim();
  const keptSource = input.keptSource == null || input.keptSource === '' ? null : input.keptSource;
  new InputProblems()
    .check(
      typeof input.conflictId === 'string' && input.conflictId.length > 0 && input.conflictId.length <= 80,
      'input.conflictId',
      'expected a Conflict.id (at most 80 characters)',
    )
    .check(note.length >= 1, 'input.note', 'a note of 1 to 500 characters is required', 'REQUIRED')
    .check(note.length <= 500, 'input.note', `at most 500 characters (got ${note.length})`, 'TOO_LONG')
    .check(!containsIdNumber(note), 'input.note', ID_NUMBER_IN_TEXT_MESSAGE, 'ID_NUMBER_IN_TEXT')
    .check(
      keptSource === null || (DEPARTMENT_NAMES as readonly string[]).includes(keptSource),
      'input.keptSource',
      `one of the two departments of the conflict (${DEPARTMENT_NAMES.join(', ')})`,
      'DEPARTMENT',
    )
    .throwIfAny();
  return { note, keptSource };
}

/**
 * Records the resolution of a conflict as its facts stand now (one transaction): the conflict
 * must exist now and lie in the caller's region (else NOT_FOUND), must not be resolved already
 * for these facts (CONFLICT), and keptSource must be one of its two departments.
 */
/** Records a resolution; answers the resolved conflict with the person it is about (null for a household). */
export async function resolveConflict(sql: Sql, access: AccessControl, input: ResolveInput): Promise<{ conflict: ConflictRow; person: PersonRecord | null }> {
  const { note, keptSource } = checkResolveInput(input);
  const row = await findConflict(sql, input.conflictId);
  if (!row || !row.village_code.startsWith(access.identity.region!)) throw notFound(`conflict ${input.conflictId}`, 'input.conflictId');
  if (row.resolved_by) throw conflict('input.conflictId', 'this conflict is already resolved for the facts as they stand');
  const departments = [row.a.department, row.b.department];
  if (keptSource !== null && !departments.includes(keptSource)) {
    throw badInput('input.keptSource', `one of the conflict's departments: ${[...new Set(departments)].join(' or ')}`, 'DEPARTMENT');
  }
  const inserted = await sql.one<{ note: string; kept_source: string | null; resolved_by: string; resolved_at: Date }>(
    `insert into conflict_resolution (conflict_id, fingerprint, village_code, kept_source, note, resolved_by)
     values ($1, $2, $3, $4, $5, $6)
     on conflict (conflict_id, fingerprint) do nothing
     returning note, kept_source, resolved_by, resolved_at`,
    [`${row.kind}:${row.subject}`, row.fingerprint, row.village_code, keptSource, note, access.identity.subject],
  );
  if (!inserted) throw conflict('input.conflictId', 'this conflict is already resolved for the facts as they stand');
  const person = row.worker_id ? await sql.one<PersonRecord>(`select ${PERSON_SELECT} from person_situation p where p.worker_id = $1`, [row.worker_id]) : undefined;
  return { conflict: { ...row, ...inserted }, person: person ?? null };
}
