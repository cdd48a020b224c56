import type { Sql } from '../db';
import { keptViewDay, lockKeptView, markKeptView } from '../projection/kept-state';
import { regionCondition } from '../sql/conditions';
import type { ConflictStatusValue } from './conflict.types';
import { conflictDetailsSql, conflictKeysSql, scopeValues, type ConflictKey, type Scope } from './conflict.sql';
import { CONFLICT_RULES } from './rules';

/**
 * 数据比对冲突 kept in the read model (issue 16): every conflict that holds, one row per kind and
 * subject with the fingerprint of both departments' facts (conflict_state), so that a county's
 * worklist, its counts per kind and the OPEN/RESOLVED filter are index reads joined with the
 * resolutions, not an evaluation of every rule over every person of the county per request.
 * Conflicts do not depend on the day: the feed re-evaluates the people and households it
 * re-projects (a person rule reads the person's row; a household rule its row and its members',
 * whose re-projection touches it), a rebuild re-evaluates all. Without the view's kept_state row
 * (before the first evaluation, after rows were written outside the feed) the worklist is
 * evaluated at query time, and the next evaluation takes every subject.
 */
export async function refreshConflicts(sql: Sql, subjects: { workers: readonly string[]; households: readonly string[] } | null): Promise<'ALL' | 'SUBJECTS'> {
  await lockKeptView(sql, 'conflicts');
  const ready = (await keptViewDay(sql, 'conflicts')) !== undefined;
  const all = subjects === null || !ready;
  if (!all && subjects.workers.length === 0 && subjects.households.length === 0) return 'SUBJECTS';
  const scope: Scope = all ? { region: { code: '' } } : subjects;
  if (all) await sql.rows(`delete from conflict_state`);
  else await sql.rows(`delete from conflict_state where worker_id = any($1::text[]) or (worker_id is null and subject = any($2::text[]))`, [subjects.workers, subjects.households]);
  const keys = await sql.rows<ConflictKey>(conflictKeysSql(CONFLICT_RULES, scope), scopeValues(scope));
  if (keys.length) {
    await sql.rows(
      `insert into conflict_state (kind, subject, village_code, worker_id, fingerprint)
       select d.kind, d.subject, d.village_code, d.worker_id, d.fingerprint from (${conflictDetailsSql(CONFLICT_RULES)}) d`,
      [JSON.stringify(keys)],
    );
  }
  if (all) await markKeptView(sql, 'conflicts', null);
  return all ? 'ALL' : 'SUBJECTS';
}

/** Whether the kept conflicts can be read (else a reader evaluates at query time). */
export async function keptConflictsReady(sql: Sql): Promise<boolean> {
  return (await keptViewDay(sql, 'conflicts')) !== undefined;
}

/** The kept conflicts of a region joined with the resolution of their facts; $1 = region. */
function keptFrom(regionCode: string, status: ConflictStatusValue | null | undefined): string {
  const resolved = status === 'OPEN' ? ' and r.id is null' : status === 'RESOLVED' ? ' and r.id is not null' : '';
  return `conflict_state c
    left join conflict_resolution r on r.conflict_id = (c.kind || ':' || c.subject) collate "C" and r.fingerprint = c.fingerprint
    where ${regionCondition('c.village_code', 1, regionCode)}${resolved}`;
}

/** Per kind, the kept conflicts of a region with this status (null: both). */
export async function keptConflictCounts(sql: Sql, regionCode: string, status: ConflictStatusValue | null | undefined): Promise<Map<string, number>> {
  const rows = await sql.rows<{ kind: string; count: number }>(`select c.kind, count(*)::int as count from ${keptFrom(regionCode, status)} group by c.kind`, [regionCode]);
  return new Map(rows.map((row) => [row.kind, row.count]));
}

/** A page of kept conflict keys of these kinds, after the cursor (kind, village, subject), byte-wise. */
export function keptConflictKeys(
  sql: Sql,
  regionCode: string,
  kinds: readonly string[],
  status: ConflictStatusValue | null | undefined,
  cursor: [string, string, string] | null,
  limit: number,
): Promise<ConflictKey[]> {
  const values: unknown[] = [regionCode, kinds];
  const keyset = cursor ? ` and (c.kind, c.village_code, c.subject) > ($3::text collate "C", $4::text collate "C", $5::text collate "C")` : '';
  if (cursor) values.push(...cursor);
  values.push(limit);
  return sql.rows<ConflictKey>(
    `select c.kind, c.village_code, c.subject, c.worker_id from ${keptFrom(regionCode, status)} and c.kind = any($2::text[])${keyset}
      order by c.kind, c.village_code, c.subject limit $${values.length}`,
    values,
  );
}
