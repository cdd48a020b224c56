import type pg from 'pg';
import type { TaskDueDays } from '@jiuye/common';
import { ZERO_EMPLOYMENT } from '../sql/conditions';
import type { Sql } from '../db';
import { notificationChannel } from './task.notify';
import { dueOn, FEED_ACTOR, noticeText } from './task.rules';

/** A pg client as Sql (the feed's and the rebuild's clients), dates cast to text in the statements. */
function sqlOfClient(client: pg.ClientBase): Sql {
  const rows = async <T>(text: string, values: unknown[] = []) => (await client.query(text, values)).rows as T[];
  return { rows, one: async <T>(text: string, values?: unknown[]) => (await rows<T>(text, values))[0] };
}

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
 */
export function syncZeroEmployment(
  client: pg.ClientBase,
  codes: readonly string[] | null,
  today: string,
  days: TaskDueDays | undefined,
): Promise<{ opened: number; cleared: number }> {
  return syncZeroEmploymentSpells(sqlOfClient(client), codes, today, days);
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
  for (const spell of cleared) {
    await sql.rows(
      `insert into task_event (task_id, from_status, to_status, actor, note)
       select t.id, t.status, t.status, $2, $3 from task t where t.kind = 'ZERO_EMPLOYMENT_HOUSEHOLD' and t.subject = $1 and t.status <> 'CLOSED'`,
      [spell.household_code, FEED_ACTOR, `${spell.cleared_on} 起不再是零就业家庭（${spell.cleared_by === 'EMPLOYED' ? '家庭成员已就业' : '已无劳动力或不在名单'}）`],
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
     returning household_code, village_code, started_on::text as started_on`,
    values,
  );
  for (const spell of opened) await openHouseholdTask(sql, spell, days);
  return { opened: opened.length, cleared: cleared.length };
}

async function openHouseholdTask(sql: Sql, spell: { household_code: string; village_code: string; started_on: string }, days: TaskDueDays | undefined): Promise<void> {
  const due = dueOn(days, 'ZERO_EMPLOYMENT_HOUSEHOLD', null, spell.started_on);
  const existing = await sql.one<{ id: number; status: string; assignee: string | null; assignee_kind: string | null }>(
    `select id, status, assignee, assignee_kind from task where kind = 'ZERO_EMPLOYMENT_HOUSEHOLD' and subject = $1 for update`,
    [spell.household_code],
  );
  if (!existing) {
    const created = await sql.one<{ id: number }>(
      `insert into task (kind, subject, village_code, household_code, status, opened_on, due_on)
       values ('ZERO_EMPLOYMENT_HOUSEHOLD', $1, $2, $1, 'OPEN', $3, $4) returning id`,
      [spell.household_code, spell.village_code, spell.started_on, due],
    );
    await sql.rows(`insert into task_event (task_id, from_status, to_status, actor, note) values ($1, null, 'OPEN', $2, $3)`, [
      created!.id,
      FEED_ACTOR,
      `${spell.started_on} 起为零就业家庭，应于 ${due} 前清零`,
    ]);
    return;
  }
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
