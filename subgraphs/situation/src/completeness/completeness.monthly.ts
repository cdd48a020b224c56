import type { Sql } from '../db';
import { dueOn, MONTHLY_ACTOR } from '../task/task.rules';
import { unregisteredLabourer } from './completeness.sql';
import { autoAssignUnregisteredLabourerTasks } from '../task/task.auto-assign';

/**
 * 应登尽登, the monthly check: once per China month (completeness_check, like the daily
 * evaluation's task_evaluation: replicas and restarts do not run it twice), every person on the
 * unregistered list gets an UNREGISTERED_LABOURER task: created OPEN, or REOPENED when a closed one
 * exists (the person is on the list again), due UNREGISTERED_LABOURER_DUE_DAYS from today. The
 * creation event names the household's responsible cadre when poverty records one.
 * With `autoAssign` (TASK_AUTO_ASSIGN, default on) a new task goes to the responsible cadre's
 * staff account when the cadre carries one (task/task.auto-assign.ts); else an officer assigns it.
 * The task closes when hr registers the person (closeTask checks the registry). Returns the tasks
 * opened or reopened (0 when the month already ran).
 */
export async function runCompletenessCheck(sql: Sql, today: string, autoAssign = true): Promise<number> {
  const month = today.slice(0, 7);
  const first = await sql.one<{ month: string }>(`insert into completeness_check (month) values ($1) on conflict (month) do nothing returning month`, [month]);
  if (!first) return 0;
  const due = dueOn(undefined, 'UNREGISTERED_LABOURER', null, today);
  const listed = `select k.worker_id, k.village_code, k.household_code, k.cadre_name from known_person k where ${unregisteredLabourer(1)}`;
  const created = await sql.rows<{ id: number }>(
    `with created as (
       insert into task (kind, subject, village_code, household_code, worker_id, status, opened_on, due_on)
       select 'UNREGISTERED_LABOURER', l.worker_id, l.village_code, l.household_code, l.worker_id, 'OPEN', $1::date, $2::date from (${listed}) l
       on conflict (kind, subject) do nothing
       returning id, subject)
     insert into task_event (task_id, from_status, to_status, actor, note)
     select c.id, null, 'OPEN', $3, $4 || coalesce('（帮扶责任人：' || l.cadre_name || '）', '')
       from created c join (${listed}) l on l.worker_id = c.subject
     returning task_id as id`,
    [today, due, MONTHLY_ACTOR, `${month} 应登尽登核查：劳动年龄内的贫困家庭成员，未在劳动力实名制登记中，应于 ${due} 前登记`],
  );
  const reopened = await sql.rows<{ id: number }>(
    `with reopened as (
       update task t set status = 'REOPENED', opened_on = $1::date, due_on = $2::date, outcome = null, closed_at = null, overdue_notified_on = null, updated_at = now()
        where t.kind = 'UNREGISTERED_LABOURER' and t.status = 'CLOSED' and t.subject in (select l.worker_id from (${listed}) l)
       returning t.id, t.assignee)
     insert into task_event (task_id, from_status, to_status, actor, note, assignee)
     select r.id, 'CLOSED', 'REOPENED', $3, $4, r.assignee from reopened r
     returning task_id as id`,
    [today, due, MONTHLY_ACTOR, `${month} 应登尽登核查：仍未在劳动力实名制登记中，重新打开，应于 ${due} 前登记`],
  );
  if (autoAssign) await autoAssignUnregisteredLabourerTasks(sql);
  await sql.rows(`update completeness_check set opened = $2 where month = $1`, [month, created.length + reopened.length]);
  return created.length + reopened.length;
}
