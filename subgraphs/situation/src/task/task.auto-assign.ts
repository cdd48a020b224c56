import type { Sql } from '../db';
import { notificationChannel } from './task.notify';
import { AUTO_ASSIGN_ACTOR, noticeText, type TaskKind } from './task.rules';

/**
 * Tasks reach the responsible person by themselves: every zero-employment household's task that
 * nobody has been given yet (OPEN, no assignee) — of these households, or of all when `codes` is
 * null — whose household has a responsible cadre carrying a staff account (poverty's
 * Cadre.account, copied onto household_situation.cadre_account by the projector) is assigned to
 * that account as a CADRE whose scope is the household's village (the cadre serves it: poverty
 * refuses to end a posting while the cadre answers for a household there). Recorded in the task's
 * history as assigned by the system and told through the notification channel, as an officer's
 * assignment is. A household without such a cadre keeps its task unassigned: it shows among the
 * region's unassigned tasks for an officer. A task once assigned (or reassigned by an officer) is
 * never taken back here. Runs in the feed's (or the rebuild's) transaction; TASK_AUTO_ASSIGN=off
 * turns it off.
 */
export function autoAssignHouseholdTasks(sql: Sql, codes: readonly string[] | null): Promise<number> {
  return autoAssign(sql, 'ZERO_EMPLOYMENT_HOUSEHOLD', `select h.code as subject, h.village_code, h.cadre_account from household_situation h`, codes);
}

/**
 * The same for 应登尽登 (the monthly check, completeness/completeness.monthly.ts): an unregistered
 * labourer's task nobody holds goes to the account of the responsible cadre of the person's
 * household (poverty's row of known_person).
 */
export function autoAssignUnregisteredLabourerTasks(sql: Sql): Promise<number> {
  return autoAssign(sql, 'UNREGISTERED_LABOURER', `select k.worker_id as subject, k.village_code, k.cadre_account from known_person k where k.department = 'poverty'`, null);
}

/** Assigns the OPEN, never-assigned tasks of the kind whose subject has a cadre account in `accounts` (subject, village_code, cadre_account). */
async function autoAssign(sql: Sql, kind: TaskKind, accounts: string, subjects: readonly string[] | null): Promise<number> {
  if (subjects !== null && subjects.length === 0) return 0;
  const assigned = await sql.rows<{ id: number; assignee: string; due_on: string; village_name: string | null }>(
    `update task t set status = 'ASSIGNED', assignee = a.cadre_account, assignee_kind = 'CADRE', assignee_scope = t.village_code, updated_at = now()
       from (${accounts}) a
      where t.kind = $1 and t.status = 'OPEN' and t.assignee is null
        and a.subject = t.subject and a.cadre_account is not null and a.village_code = t.village_code
        ${subjects === null ? '' : 'and t.subject = any($2::text[])'}
      returning t.id, t.assignee, t.due_on::text as due_on, (select d.name from division d where d.code = t.village_code) as village_name`,
    subjects === null ? [kind] : [kind, subjects],
  );
  if (assigned.length === 0) return 0;
  await sql.rows(
    `insert into task_event (task_id, from_status, to_status, actor, note, assignee)
     select a.id, 'OPEN', 'ASSIGNED', $2, '按帮扶责任人自动分派', a.assignee
       from jsonb_to_recordset($1::jsonb) as a(id int, assignee text) order by a.id`,
    [JSON.stringify(assigned), AUTO_ASSIGN_ACTOR],
  );
  const channel = notificationChannel();
  for (const task of assigned) {
    await channel.notify(sql, {
      recipient: task.assignee,
      recipientKind: 'CADRE',
      kind: 'TASK_ASSIGNED',
      taskId: task.id,
      text: noticeText('assigned', kind, task.id, task.village_name, task.due_on),
    });
  }
  return assigned.length;
}
