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
import { PERSON_SELECT } from '../person/situation-person.service';
import type { PersonRecord } from '../person/situation-person.types';
import type { Region } from '../region/region.types';
import { CONFLICT_RULE_BY_KIND, CONFLICT_RULES, type ConflictRule } from './rules';
import type { ConflictRow, ConflictStatusValue } from './conflict.types';
import { conflictDetailsSql, conflictKeysSql, scopeValues, type ConflictKey, type Scope } from './conflict.sql';
import { keptConflictCounts, keptConflictKeys, keptConflictsReady } from './conflict.state';

/** Every conflict of these rules in scope, with facts and resolution: one pass to find them, one lookup to describe them. */
async function conflictRows(sql: Sql, rules: ConflictRule[], scope: Scope): Promise<ConflictRow[]> {
  if (rules.length === 0) return [];
  const keys = await sql.rows<ConflictKey>(conflictKeysSql(rules, scope), scopeValues(scope));
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

/**
 * One page of the conflict worklist, ordered by (kind, village, subject): from the kept
 * conflicts when they can be read (conflict.state.ts), else evaluated now (`live` forces it).
 */
export async function conflictPage(sql: Sql, query: ConflictQuery, withCounts = true, live = false): Promise<ConflictPageResult> {
  const first = checkPageSize(query.first);
  const cursor = decodeConflictCursor(query.after);
  const rules = CONFLICT_RULES.filter((rule) => query.kind == null || rule.kind === query.kind);
  if (!live && (await keptConflictsReady(sql))) {
    const counts = await keptConflictCounts(sql, query.region.code, query.status);
    const totalCount = rules.reduce((sum, rule) => sum + (counts.get(rule.kind) ?? 0), 0);
    const keys = await keptConflictKeys(
      sql,
      query.region.code,
      rules.map((rule) => rule.kind),
      query.status,
      cursor,
      first + 1,
    );
    const rows = keys.length ? await sql.rows<ConflictRow>(conflictDetailsSql(CONFLICT_RULES), [JSON.stringify(keys)]) : [];
    const page = toPage(rows, first, totalCount, (row) => compositeKey([row.kind, row.village_code, row.subject]));
    return { ...page, nodes: await withPeople(sql, page.nodes), countsByKind: withCounts ? CONFLICT_RULES.map((rule) => ({ rule, count: counts.get(rule.kind) ?? 0 })) : [] };
  }
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
