import { checkPageSize, compositeKey, decodeCompositeCursor, DEPARTMENT_NAMES, isLocalDate, toPage, type Page } from '@jiuye/common';
import type { Sql } from '../db';
import type { PersonServiceRow } from './service.types';

const SERVICE_SELECT = `s.department, s.id, s.worker_id, s.kind, s.served_on, s.staff_account, s.outcome, s.channel, s.posting_source, s.posting_ids, s.course_id, s.class_id, s.case_status, s.closed_on`;
const DEPARTMENTS = new Set<string>(DEPARTMENT_NAMES);

/** Keyset order: newest day first, then department, then the department's id, newest first. The cursor is the last row's triple. */
function decodeTimelineCursor(after: string | null | undefined): [string, string, number] | null {
  const parts = decodeCompositeCursor(after, [isLocalDate, (p) => DEPARTMENTS.has(p), (p) => /^\d{1,10}$/.test(p)]);
  return parts === null ? null : [parts[0], parts[1], Number(parts[2])];
}

/** Whose services: one person's, or those of a household's current members. */
export type ServiceScope = { workerId: string } | { householdCode: string };

/**
 * Services across the departments, newest first: one person's (the timeline), or a household's
 * members' (a task about the household). `upTo`: the as-of day of an as-of person (services dated
 * after it are left out); `since`: services on or after that day (a task's: since its situation
 * began); null = no bound.
 */
export async function servicesOf(
  sql: Sql,
  scope: ServiceScope,
  args: { first: number; after?: string | null; upTo?: string | null; since?: string | null },
): Promise<Page<PersonServiceRow>> {
  const first = checkPageSize(args.first);
  const cursor = decodeTimelineCursor(args.after);
  const values: unknown[] = 'workerId' in scope ? [scope.workerId] : [scope.householdCode];
  let where = 'workerId' in scope ? 's.worker_id = $1' : 's.worker_id in (select p.worker_id from person_situation p where p.household_code = $1)';
  if (args.upTo) {
    values.push(args.upTo);
    where += ` and s.served_on <= $${values.length}::date`;
  }
  if (args.since) {
    values.push(args.since);
    where += ` and s.served_on >= $${values.length}::date`;
  }
  const counted = [...values];
  const countWhere = where;
  if (cursor) {
    values.push(cursor[0], cursor[1], cursor[2]);
    const [d, dep, id] = [values.length - 2, values.length - 1, values.length];
    where += ` and (s.served_on < $${d}::date or (s.served_on = $${d}::date and (s.department > $${dep} or (s.department = $${dep} and s.id < $${id}::int))))`;
  }
  values.push(first + 1);
  const [rows, count] = await Promise.all([
    sql.rows<PersonServiceRow>(`select ${SERVICE_SELECT} from person_service s where ${where} order by s.served_on desc, s.department, s.id desc limit $${values.length}`, values),
    sql.one<{ n: number }>(`select count(*)::int as n from person_service s where ${countWhere}`, counted),
  ]);
  return toPage(rows, first, count?.n ?? 0, (row) => compositeKey([row.served_on, row.department, row.id]));
}

/** One person's services across the departments, newest first (upTo: an as-of person's day). */
export function serviceTimeline(sql: Sql, workerId: string, args: { first: number; after?: string | null; upTo: string | null }): Promise<Page<PersonServiceRow>> {
  return servicesOf(sql, { workerId }, args);
}

/** The day of each worker's latest service: one statement for a batch, one index probe per worker (newest first). */
export async function lastServiceDays(sql: Sql, workerIds: readonly string[]): Promise<(string | null)[]> {
  const rows = await sql.rows<{ worker_id: string; last: string | null }>(
    `select w.worker_id, (select s.served_on from person_service s where s.worker_id = w.worker_id order by s.served_on desc limit 1) as last
       from unnest($1::text[]) as w(worker_id)`,
    [[...workerIds]],
  );
  const last = new Map(rows.map((row) => [row.worker_id, row.last]));
  return workerIds.map((id) => last.get(id) ?? null);
}
