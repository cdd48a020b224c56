import type pg from 'pg';
import type { TaskDueDays } from '@jiuye/common';
import { ZERO_EMPLOYMENT } from '../sql/conditions';
import { clientSql, type Sql } from '../db';
import { notificationChannel } from './task.notify';
import { dueOn, FEED_ACTOR, noticeText } from './task.rules';
import { autoAssignHouseholdTasks } from './task.auto-assign';

/**
 * Keeps the zero-employment spells and their tasks in step with the read model, in the feed's
 * (or the rebuild's) transaction, after the households were re-projected. `codes` = the
 * households touched; null = every household (the rebuild, the feed's start).
 *
 * - An open spell whose household is no longer zero-employment is cleared: on the day its first
 *   currently employed member started (not before the spell began, not after today) when a
 *   member is employed (EMPLOYED), today otherwise (NOT_LISTED: no able labourer left …).
 * - A zero-employment household without an open spell gets one, begun when the last member's
 *   job ended (the day it became zero-employment) if known, else today; never before the
 *   previous spell was cleared.
 * - Each new spell opens the household's task (one per household): created OPEN, or REOPENED
 *   when it was closed (its assignee is told); either way due ZERO_EMPLOYMENT_CLEAR_DAYS after
 *   the spell began. Every change is a task_event by the feed.
 * - With `autoAssign` (TASK_AUTO_ASSIGN, default on), the households' tasks nobody was given yet
 *   go to the responsible cadre's account (task.auto-assign.ts).
 */
export async function syncZeroEmployment(
  client: pg.ClientBase,
  codes: readonly string[] | null,
  today: string,
  days: TaskDueDays | undefined,
  autoAssign = true,
): Promise<{ opened: number; cleared: number; assigned: number }> {
  const sql = clientSql(client);
  const synced = await syncZeroEmploymentSpells(sql, codes, today, days);
  return { ...synced, assigned: autoAssign ? await autoAssignHouseholdTasks(sql, codes) : 0 };
}

/** syncZeroEmployment over a Sql (a request's transaction: assignTask for a household the feed has not reached yet). */
export async function syncZeroEmploymentSpells(
  sql: Sql,
  codes: readonly string[] | null,
  today: string,
  days: TaskDueDays | undefined,
): Promise<{ opened: number; cleared: number }> {
  if (codes !== null && codes.length === 0) return { opened: 0, cleared: 0 };
  const only = (column: string) => (codes === null ? 'true' : `${column} = any($2::text[])`);
  const values = codes === null ? [today] : [today, codes];
  const cleared = await sql.rows<{ household_code: string; cleared_on: string; cleared_by: string }>(
    `update zero_employment_spell s
        set cleared_on = greatest(s.started_on, least($1::date, coalesce(x.first_started_on, $1::date))),
            cleared_by = case when x.employed > 0 then 'EMPLOYED' else 'NOT_LISTED' end
       from (select s2.id, coalesce(h.employed_members, 0) as employed,
                    (select min(p.employment_started_on) from person_situation p where p.household_code = s2.household_code and p.employment_status = 'EMPLOYED') as first_started_on
               from zero_employment_spell s2 left join household_situation h on h.code = s2.household_code
              where s2.cleared_on is null and ${only('s2.household_code')} and not coalesce((${ZERO_EMPLOYMENT}), false)) x
      where s.id = x.id
      returning s.household_code, s.cleared_on::text as cleared_on, s.cleared_by`,
    values,
  );
  if (cleared.length > 0) {
    // One note per household whose task is still open (set-based: a rebuild may clear thousands at once).
    await sql.rows(
      `insert into task_event (task_id, from_status, to_status, actor, note)
       select t.id, t.status, t.status, $2, c.cleared_on || ' 起不再是零就业家庭（' || case when c.cleared_by = 'EMPLOYED' then '家庭成员已就业' else '已无劳动力或不在名单' end || '）'
         from jsonb_to_recordset($1::jsonb) as c(household_code text, cleared_on text, cleared_by text)
         join task t on t.kind = 'ZERO_EMPLOYMENT_HOUSEHOLD' and t.subject = c.household_code collate "C"
        where t.status <> 'CLOSED'`,
      [JSON.stringify(cleared), FEED_ACTOR],
    );
  }
  const opened = await sql.rows<{ household_code: string; village_code: string; started_on: string }>(
    `insert into zero_employment_spell (household_code, village_code, started_on)
     select h.code, h.village_code,
            greatest(least(coalesce(h.last_employment_ended_on, $1::date), $1::date),
                     coalesce((select max(c.cleared_on) from zero_employment_spell c where c.household_code = h.code), '-infinity'::date))
       from household_situation h
      where ${only('h.code')} and ${ZERO_EMPLOYMENT}
        and not exists (select 1 from zero_employment_spell o where o.household_code = h.code and o.cleared_on is null)
     on conflict (household_code) where cleared_on is null do nothing
     returning household_code, village_code, started_on::text as started_on`,
    values,
  );
  if (opened.length === 0) return { opened: 0, cleared: cleared.length };
  // New households: their tasks created OPEN in two statements; households that had a task: reopened one by one (few).
  const spells = opened.map((spell) => ({ ...spell, due_on: dueOn(days, 'ZERO_EMPLOYMENT_HOUSEHOLD', null, spell.started_on) }));
  const created = await sql.rows<{ id: number; subject: string }>(
    `insert into task (kind, subject, village_code, household_code, status, opened_on, due_on)
     select 'ZERO_EMPLOYMENT_HOUSEHOLD', s.household_code, s.village_code, s.household_code, 'OPEN', s.started_on, s.due_on
       from jsonb_to_recordset($1::jsonb) as s(household_code text, village_code text, started_on date, due_on date)
     on conflict (kind, subject) do nothing
     returning id, subject`,
    [JSON.stringify(spells)],
  );
  const bySubject = new Map(spells.map((spell) => [spell.household_code, spell]));
  if (created.length > 0) {
    await sql.rows(
      `insert into task_event (task_id, from_status, to_status, actor, note)
       select c.id, null, 'OPEN', $2, c.started_on || ' 起为零就业家庭，应于 ' || c.due_on || ' 前清零'
         from jsonb_to_recordset($1::jsonb) as c(id int, started_on text, due_on text)`,
      [JSON.stringify(created.map((task) => ({ id: task.id, started_on: bySubject.get(task.subject)!.started_on, due_on: bySubject.get(task.subject)!.due_on }))), FEED_ACTOR],
    );
  }
  const fresh = new Set(created.map((task) => task.subject));
  for (const spell of spells) if (!fresh.has(spell.household_code)) await reopenHouseholdTask(sql, spell);
  return { opened: opened.length, cleared: cleared.length };
}

/** A household that had a task becomes zero-employment again: its task is reopened (if closed) and due from the new spell. */
async function reopenHouseholdTask(sql: Sql, spell: { household_code: string; village_code: string; started_on: string; due_on: string }): Promise<void> {
  const due = spell.due_on;
  const existing = await sql.one<{ id: number; status: string; assignee: string | null; assignee_kind: string | null }>(
    `select id, status, assignee, assignee_kind from task where kind = 'ZERO_EMPLOYMENT_HOUSEHOLD' and subject = $1 for update`,
    [spell.household_code],
  );
  if (!existing) return;
  const reopened = existing.status === 'CLOSED';
  const status = reopened ? 'REOPENED' : existing.status;
  await sql.rows(
    `update task set status = $2, opened_on = $3, due_on = $4, outcome = case when $5 then null else outcome end, closed_at = case when $5 then null else closed_at end,
            days_to_clear = case when $5 then null else days_to_clear end, overdue_notified_on = null, updated_at = now()
      where id = $1`,
    [existing.id, status, spell.started_on, due, reopened],
  );
  await sql.rows(`insert into task_event (task_id, from_status, to_status, actor, note, assignee) values ($1, $2, $3, $4, $5, $6)`, [
    existing.id,
    existing.status,
    status,
    FEED_ACTOR,
    `${spell.started_on} 起再次成为零就业家庭（就业已结束），应于 ${due} 前清零`,
    existing.assignee,
  ]);
  if (reopened && existing.assignee) {
    const village = await sql.one<{ name: string | null }>(`select name from division where code = $1`, [spell.village_code]);
    await notificationChannel().notify(sql, {
      recipient: existing.assignee,
      recipientKind: existing.assignee_kind,
      kind: 'TASK_REOPENED',
      taskId: existing.id,
      text: noticeText('reopened', 'ZERO_EMPLOYMENT_HOUSEHOLD', existing.id, village?.name ?? null, due),
    });
  }
}
