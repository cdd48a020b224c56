import type { Sql } from '../db';
import { notificationChannel } from './task.notify';
import { AUTO_ASSIGN_ACTOR, noticeText } from './task.rules';

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
export async function autoAssignHouseholdTasks(sql: Sql, codes: readonly string[] | null): Promise<number> {
  if (codes !== null && codes.length === 0) return 0;
  const assigned = await sql.rows<{ id: number; from_status: string; assignee: string; due_on: string; village_name: string | null }>(
    `update task t set status = 'ASSIGNED', assignee = h.cadre_account, assignee_kind = 'CADRE', assignee_scope = t.village_code, updated_at = now()
       from household_situation h
      where t.kind = 'ZERO_EMPLOYMENT_HOUSEHOLD' and t.status = 'OPEN' and t.assignee is null
        and h.code = t.subject and h.cadre_account is not null and h.village_code = t.village_code
        ${codes === null ? '' : 'and t.subject = any($1::text[])'}
      returning t.id, 'OPEN' as from_status, t.assignee, t.due_on::text as due_on, (select d.name from division d where d.code = t.village_code) as village_name`,
    codes === null ? [] : [codes],
  );
  if (assigned.length === 0) return 0;
  await sql.rows(
    `insert into task_event (task_id, from_status, to_status, actor, note, assignee)
     select a.id, a.from_status, 'ASSIGNED', $2, '按帮扶责任人自动分派', a.assignee
       from jsonb_to_recordset($1::jsonb) as a(id int, from_status text, assignee text) order by a.id`,
    [JSON.stringify(assigned), AUTO_ASSIGN_ACTOR],
  );
  const channel = notificationChannel();
  for (const task of assigned) {
    await channel.notify(sql, {
      recipient: task.assignee,
      recipientKind: 'CADRE',
      kind: 'TASK_ASSIGNED',
      taskId: task.id,
      text: noticeText('assigned', 'ZERO_EMPLOYMENT_HOUSEHOLD', task.id, task.village_name, task.due_on),
    });
  }
  return assigned.length;
}
