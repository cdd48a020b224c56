import {
  type AccessControl,
  badInput,
  checkPageSize,
  codedError,
  compositeKey,
  conflict,
  containsIdNumber,
  decodeCompositeCursor,
  forbidden,
  HOUSEHOLD_CODE_PATTERN,
  ID_NUMBER_IN_TEXT_MESSAGE,
  InputProblems,
  isValidDivisionCode,
  notFound,
  type Page,
  STAFF_ACCOUNT_MESSAGE,
  STAFF_ACCOUNT_PATTERN,
  type TaskDueDays,
  toPage,
} from '@jiuye/common';
import { allPages, type Sql } from '../db';
import { findConflict } from '../conflict/conflict.service';
import { PERSON_SELECT } from '../person/situation-person.service';
import type { PersonRecord } from '../person/situation-person.types';
import type { Region } from '../region/region.types';
import { regionCondition, ZERO_EMPLOYMENT } from '../sql/conditions';
import { WARNING_RULE_BY_ID } from '../warning/rules';
import { PERSON_FROM, withToday } from '../warning/warning.service';
import { notificationChannel } from './task.notify';
import { dueOn, noticeText, type TaskKind, type TaskOutcome, type TaskStatus } from './task.rules';
import { syncZeroEmploymentSpells } from './task.spells';
import { unregisteredLabourer } from '../completeness/completeness.sql';
import type { TaskEventRow, TaskListFilterValue, TaskRow } from './task.types';

const TASK_SELECT = `t.id, t.kind, t.subject, t.rule, t.village_code, (select d.name from division d where d.code = t.village_code) as village_name,
  t.household_code, t.worker_id, t.status, t.assignee, t.assignee_kind, t.assignee_scope, t.opened_on, t.due_on, t.outcome, t.closed_at,
  t.days_to_clear, t.created_at, t.updated_at, s.started_on as spell_started_on, s.cleared_on as spell_cleared_on`;
const TASK_FROM = `task t left join lateral (select z.started_on, z.cleared_on from zero_employment_spell z
  where t.kind = 'ZERO_EMPLOYMENT_HOUSEHOLD' and z.household_code = t.subject order by z.started_on desc, z.id desc limit 1) s on true`;

/** A staff account as a token names it (JWT sub): common/src/staff-account.ts. */
const ACCOUNT_PATTERN = STAFF_ACCOUNT_PATTERN;
const TASK_ID_PATTERN = /^[1-9]\d{0,9}$/;
/** A pseudonymous worker key (common/src/pseudonym.ts). */
const WORKER_KEY_PATTERN = /^w[A-Za-z0-9_-]{26}$/;
const DATE_PART = (part: string) => /^\d{4}-\d{2}-\d{2}$/.test(part);
const ID_PART = (part: string) => TASK_ID_PATTERN.test(part);

export interface TaskWithPerson {
  task: TaskRow;
  person: PersonRecord | null;
}

async function withPeople(sql: Sql, tasks: TaskRow[]): Promise<TaskWithPerson[]> {
  const ids = [...new Set(tasks.map((t) => t.worker_id).filter((id): id is string => id !== null))];
  const people = ids.length ? await sql.rows<PersonRecord>(`select ${PERSON_SELECT} from person_situation p where p.worker_id = any($1::text[])`, [ids]) : [];
  const byId = new Map(people.map((person) => [person.worker_id, person]));
  return tasks.map((task) => ({ task, person: task.worker_id ? (byId.get(task.worker_id) ?? null) : null }));
}

async function readTask(sql: Sql, id: number, today: string, lock = false): Promise<TaskRow | undefined> {
  if (lock) await sql.rows(`select id from task where id = $1 for update`, [id]);
  const row = await sql.one<TaskRow>(`select ${TASK_SELECT} from ${TASK_FROM} where t.id = $1`, [id]);
  return row ? { ...row, today } : undefined;
}

/** Whether the caller holds the task as its assignee: the named account, with a scope that covers the task. */
export function isAssignee(access: AccessControl, task: Pick<TaskRow, 'assignee' | 'assignee_kind' | 'assignee_scope' | 'village_code'>): boolean {
  const identity = access.identity;
  if (!task.assignee || identity.subject !== task.assignee) return false;
  if (access.kind === 'region') return task.village_code.startsWith(identity.region!);
  if (access.kind === 'partner-city') return task.assignee_kind === 'PARTNER_STATION' && identity.partnerCity === task.assignee_scope;
  if (access.kind === 'institution') return task.assignee_kind === 'INSTITUTION' && identity.institution === task.assignee_scope;
  return false;
}

/** Region staff whose region covers the task's village. */
function isRegionStaffOf(access: AccessControl, task: Pick<TaskRow, 'village_code'>): boolean {
  return access.kind === 'region' && task.village_code.startsWith(access.identity.region!);
}

/** An officer (科员, not a village assistant or viewer) whose region covers the task's village. */
function isOfficerOf(access: AccessControl, task: Pick<TaskRow, 'village_code'>): boolean {
  return isRegionStaffOf(access, task) && access.identity.role === 'officer';
}

/** Region staff of its village or its assignee see a task; anyone else is told it was not found (no hint that it exists). */
function canSeeTask(access: AccessControl, task: TaskRow): boolean {
  return isRegionStaffOf(access, task) || isAssignee(access, task);
}

function parseTaskId(taskId: string, field = 'input.taskId'): number {
  if (typeof taskId !== 'string' || !TASK_ID_PATTERN.test(taskId)) throw badInput(field, 'expected a Task.id (a positive whole number)', 'TASK_ID');
  return Number(taskId);
}

function checkNote(problems: InputProblems, note: string | null | undefined, field = 'input.note'): string | null {
  const text = (note ?? '').trim();
  problems.check(text.length <= 500, field, `at most 500 characters (got ${text.length})`, 'TOO_LONG');
  problems.check(!containsIdNumber(text), field, ID_NUMBER_IN_TEXT_MESSAGE, 'PERSONAL_DATA');
  return text === '' ? null : text;
}

async function recordEvent(sql: Sql, taskId: number, from: string | null, to: string, actor: string, note: string | null, assignee: string | null): Promise<void> {
  await sql.rows(`insert into task_event (task_id, from_status, to_status, actor, note, assignee) values ($1, $2, $3, $4, $5, $6)`, [taskId, from, to, actor, note, assignee]);
}

// ---------------------------------------------------------------------------------------------
// The subject of a task as the read model stands now.

interface SubjectFacts {
  village_code: string;
  household_code: string | null;
  worker_id: string | null;
  transfer_city_code: string | null;
  institution_id: number | null;
  rule: string | null;
}

/** The warning `RULE:subject` if it holds today, with where it lies; undefined otherwise. */
export async function warningSubject(sql: Sql, warningId: string, today: string): Promise<SubjectFacts | undefined> {
  const cut = warningId.indexOf(':');
  const rule = cut > 0 ? WARNING_RULE_BY_ID.get(warningId.slice(0, cut)) : undefined;
  const subject = warningId.slice(cut + 1);
  if (!rule || subject === '' || subject.length > 32) return undefined;
  if (rule.subject === 'household') {
    return sql.one<SubjectFacts>(
      `select h.village_code, h.code as household_code, null::text as worker_id, null::text as transfer_city_code, null::int as institution_id, '${rule.id}' as rule
         from household_situation h where h.code = $1 and (${withToday(rule.condition)})`,
      [subject, today],
    );
  }
  return sql.one<SubjectFacts>(
    `select p.village_code, p.household_code, p.worker_id, p.transfer_city_code, p.medium_term_institution_id as institution_id, '${rule.id}' as rule
       from ${PERSON_FROM} where p.worker_id = $1 and (${withToday(rule.condition)})`,
    [subject, today],
  );
}

/** 应登尽登: the person (worker key) if still a working-age member of a checked household whom the registry does not hold. */
export function unregisteredSubject(sql: Sql, workerId: string, today: string): Promise<SubjectFacts | undefined> {
  return sql.one<SubjectFacts>(
    `select k.village_code, k.household_code, k.worker_id, null::text as transfer_city_code, null::int as institution_id, null::text as rule
       from known_person k where k.worker_id = $1 and ${unregisteredLabourer(2)}`,
    [workerId, today],
  );
}

const SUBJECT_NAMES: Record<TaskKind, string> = {
  ZERO_EMPLOYMENT_HOUSEHOLD: 'zero-employment household',
  WARNING: 'warning',
  CONFLICT: 'conflict',
  UNREGISTERED_LABOURER: 'unregistered labourer',
};

async function conflictSubject(sql: Sql, conflictId: string): Promise<(SubjectFacts & { resolved: boolean }) | undefined> {
  const row = await findConflict(sql, conflictId);
  if (!row) return undefined;
  const person = row.worker_id
    ? await sql.one<{ transfer_city_code: string | null; institution_id: number | null }>(
        `select transfer_city_code, medium_term_institution_id as institution_id from person_situation where worker_id = $1`,
        [row.worker_id],
      )
    : undefined;
  return {
    village_code: row.village_code,
    household_code: row.household_code,
    worker_id: row.worker_id,
    transfer_city_code: person?.transfer_city_code ?? null,
    institution_id: person?.institution_id ?? null,
    rule: row.kind,
    resolved: row.resolved_by !== null,
  };
}

// ---------------------------------------------------------------------------------------------
// Assigning.

export interface AssignInput {
  kind: TaskKind;
  subject: string;
  assignee: string;
  assigneeKind: string;
  assigneeScope: string;
  note?: string | null;
}

/** Who assigns: an officer (not a village assistant, not a viewer) of a region, with a declared purpose. */
export function requireAssigner(access: AccessControl): void {
  access.requirePersonAccess();
  if (access.kind !== 'region') throw forbidden('assignTask: tasks are assigned by officers of the region', 'no-region-scope');
  if (access.identity.role !== 'officer')
    throw forbidden('assignTask: tasks are assigned by officers (科员) of the region, not by village assistants or viewers', 'not-an-officer');
}

/** What can be checked without the subject; returns the trimmed note. */
export function checkAssignInput(input: AssignInput): { note: string | null } {
  const problems = new InputProblems();
  const subject = typeof input.subject === 'string' ? input.subject : '';
  if (input.kind === 'ZERO_EMPLOYMENT_HOUSEHOLD') problems.check(HOUSEHOLD_CODE_PATTERN.test(subject), 'input.subject', 'expected a 16-digit household code', 'HOUSEHOLD_CODE');
  else if (input.kind === 'UNREGISTERED_LABOURER')
    problems.check(WORKER_KEY_PATTERN.test(subject), 'input.subject', 'expected an UnregisteredLabourer.id (a worker key)', 'SUBJECT');
  else
    problems.check(
      /^[A-Z0-9_]+:[^\s:]{1,32}$/.test(subject),
      'input.subject',
      `expected ${input.kind === 'WARNING' ? 'an EarlyWarning.id' : 'a Conflict.id'} (RULE:subject)`,
      'SUBJECT',
    );
  problems.check(typeof input.assignee === 'string' && ACCOUNT_PATTERN.test(input.assignee), 'input.assignee', STAFF_ACCOUNT_MESSAGE, 'ACCOUNT');
  const scope = typeof input.assigneeScope === 'string' ? input.assigneeScope : '';
  switch (input.assigneeKind) {
    case 'CADRE':
      problems.check(
        isValidDivisionCode(scope) && scope.length >= 6,
        'input.assigneeScope',
        'a CADRE has a division code (county 6, township 9 or village 12 digits)',
        'DIVISION_CODE',
      );
      break;
    case 'VILLAGE_ASSISTANT':
      problems.check(/^\d{12}$/.test(scope), 'input.assigneeScope', "a VILLAGE_ASSISTANT has the subject's 12-digit village code", 'VILLAGE_CODE');
      break;
    case 'PARTNER_STATION':
      problems.check(/^\d{4}$/.test(scope), 'input.assigneeScope', "a PARTNER_STATION has the partner city's 4-digit code", 'CITY_CODE');
      break;
    case 'INSTITUTION':
      problems.check(/^\d{1,9}$/.test(scope), 'input.assigneeScope', "an INSTITUTION has the institution's id", 'INSTITUTION');
      break;
  }
  const note = checkNote(problems, input.note);
  problems.throwIfAny();
  return { note };
}

/** The assignee's scope must cover the subject: the village (inside the assigner's region), the worker's partner city or institution. */
function checkScopeCovers(input: AssignInput, facts: SubjectFacts, region: string): void {
  const scope = input.assigneeScope;
  if (input.assigneeKind === 'CADRE' || input.assigneeKind === 'VILLAGE_ASSISTANT') {
    if (!scope.startsWith(region)) throw badInput('input.assigneeScope', `${scope} lies outside your region ${region}`, 'OUTSIDE_REGION');
    if (!facts.village_code.startsWith(scope)) throw badInput('input.assigneeScope', `${scope} does not cover the subject's village ${facts.village_code}`, 'NOT_COVERING');
  } else if (input.assigneeKind === 'PARTNER_STATION') {
    if (facts.transfer_city_code !== scope)
      throw badInput('input.assigneeScope', 'a partner station takes only workers transferred to its city: this subject was not transferred to that city', 'NOT_COVERING');
  } else if (facts.institution_id === null || String(facts.institution_id) !== scope) {
    throw badInput('input.assigneeScope', "an institution takes only its own trainees: this subject is not that institution's trainee", 'NOT_COVERING');
  }
}

/**
 * Assigns (or reassigns) the task of a subject, in one transaction: the subject must lie in the
 * caller's region and stand now (a zero-employment household on the list, a warning that holds, an
 * open conflict), else NOT_FOUND naming input.subject (the same answer whether or not it exists
 * elsewhere). Zero-employment tasks exist from the feed; warning and conflict tasks are created
 * here, due from today. The assignee is told through the notification channel.
 */
export async function assignTask(sql: Sql, access: AccessControl, input: AssignInput, today: string, days: TaskDueDays | undefined): Promise<TaskWithPerson> {
  const { note } = checkAssignInput(input);
  const region = access.identity.region!;
  const missing = () => notFound(`${SUBJECT_NAMES[input.kind]} ${input.subject} in your region`, 'input.subject');
  let facts: SubjectFacts | undefined;
  if (input.kind === 'ZERO_EMPLOYMENT_HOUSEHOLD') {
    facts = await sql.one<SubjectFacts>(
      `select h.village_code, h.code as household_code, null::text as worker_id, null::text as transfer_city_code, null::int as institution_id, null::text as rule
         from household_situation h where h.code = $1 and ${ZERO_EMPLOYMENT}`,
      [input.subject],
    );
    if (facts && facts.village_code.startsWith(region)) await syncZeroEmploymentSpells(sql, [input.subject], today, days);
  } else if (input.kind === 'UNREGISTERED_LABOURER') {
    facts = await unregisteredSubject(sql, input.subject, today);
  } else if (input.kind === 'WARNING') {
    facts = await warningSubject(sql, input.subject, today);
  } else {
    const found = await conflictSubject(sql, input.subject);
    if (found?.resolved && found.village_code.startsWith(region))
      throw conflict('input.subject', 'this conflict is already resolved for the facts as they stand: there is nothing to assign');
    facts = found;
  }
  if (!facts || !facts.village_code.startsWith(region)) throw missing();
  checkScopeCovers(input, facts, region);

  const actor = access.identity.subject;
  let existing = await sql.one<{ id: number; status: TaskStatus }>(`select id, status from task where kind = $1 and subject = $2 for update`, [input.kind, input.subject]);
  if (existing?.status === 'CLOSED') {
    if (input.kind === 'ZERO_EMPLOYMENT_HOUSEHOLD')
      throw conflict('input.subject', 'the task of this household is closed; the feed reopens it when the household is zero-employment again');
    // A warning that holds again, a conflict open again: the same task, reopened and due from today.
    await sql.rows(
      `update task set status = 'REOPENED', opened_on = $2, due_on = $3, outcome = null, closed_at = null, overdue_notified_on = null, updated_at = now() where id = $1`,
      [existing.id, today, dueOn(days, input.kind, facts.rule, today)],
    );
    await recordEvent(sql, existing.id, 'CLOSED', 'REOPENED', actor, '预警或冲突再次成立，重新打开', null);
    existing = { id: existing.id, status: 'REOPENED' };
  }
  if (!existing) {
    const created = await sql.one<{ id: number }>(
      `insert into task (kind, subject, rule, village_code, household_code, worker_id, status, opened_on, due_on)
       values ($1, $2, $3, $4, $5, $6, 'OPEN', $7, $8) on conflict (kind, subject) do nothing returning id`,
      [input.kind, input.subject, facts.rule, facts.village_code, facts.household_code, facts.worker_id, today, dueOn(days, input.kind, facts.rule, today)],
    );
    if (created) {
      await recordEvent(sql, created.id, null, 'OPEN', actor, null, null);
      existing = { id: created.id, status: 'OPEN' };
    } else {
      // Created meanwhile by another request: assign that one.
      existing = await sql.one<{ id: number; status: TaskStatus }>(`select id, status from task where kind = $1 and subject = $2 for update`, [input.kind, input.subject]);
      if (!existing || existing.status === 'CLOSED') throw conflict('input.subject', 'the task of this subject changed meanwhile; try again');
    }
  }
  await sql.rows(`update task set status = 'ASSIGNED', assignee = $2, assignee_kind = $3, assignee_scope = $4, updated_at = now() where id = $1`, [
    existing.id,
    input.assignee,
    input.assigneeKind,
    input.assigneeScope,
  ]);
  await recordEvent(sql, existing.id, existing.status, 'ASSIGNED', actor, note, input.assignee);
  const task = (await readTask(sql, existing.id, today))!;
  await notificationChannel().notify(sql, {
    recipient: input.assignee,
    recipientKind: input.assigneeKind,
    kind: 'TASK_ASSIGNED',
    taskId: task.id,
    text: noticeText('assigned', task.kind, task.id, task.village_name, task.due_on),
  });
  return (await withPeople(sql, [task]))[0];
}

// ---------------------------------------------------------------------------------------------
// Acknowledging and closing.

/** A task the caller may see, locked for the transition; NOT_FOUND naming input.taskId otherwise. */
async function visibleTask(sql: Sql, access: AccessControl, taskId: string, today: string): Promise<TaskRow> {
  const id = parseTaskId(taskId);
  const task = await readTask(sql, id, today, true);
  if (!task || !canSeeTask(access, task)) throw notFound(`task ${taskId}`, 'input.taskId');
  return task;
}

export async function acknowledgeTask(sql: Sql, access: AccessControl, input: { taskId: string; note?: string | null }, today: string): Promise<TaskWithPerson> {
  access.requirePersonAccess();
  const problems = new InputProblems();
  const note = checkNote(problems, input.note);
  problems.throwIfAny();
  const task = await visibleTask(sql, access, input.taskId, today);
  if (!isAssignee(access, task)) throw forbidden('acknowledgeTask: only the assigned account acknowledges a task', 'not-the-assignee');
  if (task.status !== 'ASSIGNED' && task.status !== 'REOPENED') throw conflict('input.taskId', `a task is acknowledged when ASSIGNED or REOPENED (it is ${task.status})`);
  await sql.rows(`update task set status = 'ACKNOWLEDGED', updated_at = now() where id = $1`, [task.id]);
  await recordEvent(sql, task.id, task.status, 'ACKNOWLEDGED', access.identity.subject, note, task.assignee);
  return (await withPeople(sql, [(await readTask(sql, task.id, today))!]))[0];
}

const notBorneOut = (message: string) => codedError(`input.taskId: ${message}`, 'CONFLICT', { field: 'input.taskId', reason: 'NOT_BORNE_OUT' });

const DATA_OUTCOME: Record<TaskKind, TaskOutcome> = {
  ZERO_EMPLOYMENT_HOUSEHOLD: 'EMPLOYED',
  WARNING: 'WARNING_CLEARED',
  CONFLICT: 'CONFLICT_RESOLVED',
  UNREGISTERED_LABOURER: 'REGISTERED',
};

/**
 * Closes a task when the data bears it out: a zero-employment household when the read model
 * shows a member employed (days-to-clear from its spell), a warning when it no longer holds, a
 * conflict when it is resolved or no longer there, an unregistered labourer when hr's registry
 * holds the person. NOT_APPLICABLE (with a note) is an officer's call: for warnings and
 * conflicts, for a household that left the list without a job (no able labourer left), and for a
 * person who left the list unregistered (left the household, aged out). The assignee or an
 * officer of the region closes.
 */
export async function closeTask(sql: Sql, access: AccessControl, input: { taskId: string; outcome?: string | null; note?: string | null }, today: string): Promise<TaskWithPerson> {
  access.requirePersonAccess();
  const problems = new InputProblems();
  const note = checkNote(problems, input.note);
  const notApplicable = input.outcome === 'NOT_APPLICABLE';
  problems.check(!notApplicable || note !== null, 'input.note', 'a note (why it does not apply) is required with NOT_APPLICABLE', 'REQUIRED');
  problems.throwIfAny();
  const task = await visibleTask(sql, access, input.taskId, today);
  if (!isAssignee(access, task) && !isOfficerOf(access, task)) throw forbidden('closeTask: the assigned account or an officer of the region closes a task', 'not-the-assignee');
  if (task.status === 'CLOSED') throw conflict('input.taskId', 'the task is already closed');
  const expected = DATA_OUTCOME[task.kind];
  if (input.outcome != null && !notApplicable && input.outcome !== expected)
    throw badInput('input.outcome', `a ${task.kind} task closes as ${expected} or NOT_APPLICABLE`, 'OUTCOME');
  if (notApplicable && !isOfficerOf(access, task)) throw forbidden('closeTask: NOT_APPLICABLE is decided by an officer (科员) of the region', 'not-an-officer');

  let daysToClear: number | null = null;
  if (task.kind === 'ZERO_EMPLOYMENT_HOUSEHOLD') {
    const household = await sql.one<{ employed_members: number; listed: boolean }>(
      `select h.employed_members, (${ZERO_EMPLOYMENT}) as listed from household_situation h where h.code = $1`,
      [task.subject],
    );
    const spell = await sql.one<{ started_on: string; cleared_on: string | null; days: number | null }>(
      `select started_on, cleared_on, cleared_on - started_on as days from zero_employment_spell where household_code = $1 order by started_on desc, id desc limit 1`,
      [task.subject],
    );
    if (notApplicable) {
      if (household?.listed) throw notBorneOut('the household is still on the zero-employment list: it closes when a member’s employment is recorded, not as NOT_APPLICABLE');
    } else {
      if (!household || household.employed_members === 0 || spell?.cleared_on == null) {
        throw notBorneOut('the read model shows no member of the household employed: record the employment in hr (the feed applies it within seconds), then close');
      }
      daysToClear = spell.days;
    }
  } else if (task.kind === 'WARNING' && !notApplicable) {
    const facts = await warningSubject(sql, task.subject, today);
    if (facts)
      throw notBorneOut(
        `the warning still holds (${WARNING_RULE_BY_ID.get(task.rule ?? '')?.label ?? task.rule}): it closes when it no longer holds, or as NOT_APPLICABLE with a note by an officer`,
      );
  } else if (task.kind === 'UNREGISTERED_LABOURER') {
    // 应登尽登: closes when hr's registry holds the person (the feed brings the registration within seconds).
    const registered = await sql.one<{ worker_id: string }>(`select worker_id from person_situation where worker_id = $1`, [task.subject]);
    if (notApplicable) {
      if (await unregisteredSubject(sql, task.subject, today))
        throw notBorneOut('the person is still a working-age member of a poor household outside the labour registry: it closes when hr registers them, not as NOT_APPLICABLE');
    } else if (!registered) {
      throw notBorneOut('the labour registry does not hold the person yet: register them in hr (registerWorker; the feed applies it within seconds), then close');
    }
  } else if (task.kind === 'CONFLICT' && !notApplicable) {
    const found = await findConflict(sql, task.subject);
    if (found && found.resolved_by === null) throw notBorneOut('the conflict is open: resolve it (resolveConflict) or correct one of the facts, then close');
  }
  const outcome = notApplicable ? 'NOT_APPLICABLE' : expected;
  await sql.rows(`update task set status = 'CLOSED', outcome = $2, closed_at = now(), days_to_clear = $3, updated_at = now() where id = $1`, [task.id, outcome, daysToClear]);
  await recordEvent(sql, task.id, task.status, 'CLOSED', access.identity.subject, note, task.assignee);
  return (await withPeople(sql, [(await readTask(sql, task.id, today))!]))[0];
}

// ---------------------------------------------------------------------------------------------
// Reads.

function decodeTaskCursor(after: string | null | undefined): [string, number] | null {
  const parts = decodeCompositeCursor(after, [DATE_PART, ID_PART]);
  return parts === null ? null : [parts[0], Number(parts[1])];
}

async function taskPage(sql: Sql, where: string, values: unknown[], first: number, after: string | null | undefined, today: string): Promise<Page<TaskWithPerson>> {
  checkPageSize(first);
  const cursor = decodeTaskCursor(after);
  const count = await sql.one<{ n: number }>(`select count(*) as n from task t where ${where}`, values);
  const paged = [...values];
  let keyset = '';
  if (cursor) {
    paged.push(cursor[0], cursor[1]);
    keyset = ` and (t.due_on, t.id) > ($${paged.length - 1}::date, $${paged.length}::int)`;
  }
  paged.push(first + 1);
  const rows = await sql.rows<TaskRow>(`select ${TASK_SELECT} from ${TASK_FROM} where ${where}${keyset} order by t.due_on, t.id limit $${paged.length}`, paged);
  const page = toPage(
    rows.map((row) => ({ ...row, today })),
    first,
    count?.n ?? 0,
    (row) => compositeKey([row.due_on, row.id]),
  );
  return { ...page, nodes: await withPeople(sql, page.nodes) };
}

/**
 * 我的任务: the caller's open tasks (assigned to its account, within the scope it holds now),
 * ALL, OVERDUE (past due) or DUE_THIS_WEEK (due today to today + 6), by due day.
 */
export function myTasks(
  sql: Sql,
  access: AccessControl,
  filter: TaskListFilterValue,
  first: number,
  after: string | null | undefined,
  today: string,
): Promise<Page<TaskWithPerson>> {
  access.requirePersonAccess();
  const identity = access.identity;
  const values: unknown[] = [identity.subject, today];
  let scope: string;
  if (access.kind === 'region') {
    values.push(identity.region);
    scope = `t.village_code like $3 || '%'`;
  } else if (access.kind === 'partner-city' || access.kind === 'institution') {
    values.push(access.kind === 'partner-city' ? identity.partnerCity : identity.institution, access.kind === 'partner-city' ? 'PARTNER_STATION' : 'INSTITUTION');
    scope = `t.assignee_scope = $3 and t.assignee_kind = $4`;
  } else {
    throw forbidden('myTasks: this account holds no tasks', 'no-scope');
  }
  const due = filter === 'OVERDUE' ? ' and t.due_on < $2::date' : filter === 'DUE_THIS_WEEK' ? ` and t.due_on between $2::date and $2::date + 6` : ' and $2::date is not null';
  return taskPage(sql, `t.assignee = $1 and t.status <> 'CLOSED' and ${scope}${due}`, values, first, after, today);
}

export interface RegionTaskQuery {
  region: Region;
  status?: TaskStatus | null;
  assignee?: string | null;
  kind?: TaskKind | null;
  overdue?: boolean | null;
  first: number;
  after?: string | null;
}

const AGE_BUCKETS: [string, number, number][] = [
  ['0-7', 0, 7],
  ['8-15', 8, 15],
  ['16-30', 16, 30],
  ['31-90', 31, 90],
  ['91+', 91, 1_000_000],
];

/** The filters of 区域任务 as SQL over task t: $1 = region, $2 = today, then the filters given. */
function regionTaskWhere(query: Omit<RegionTaskQuery, 'first' | 'after'>, today: string): { where: string; values: unknown[] } {
  if (query.assignee != null && !ACCOUNT_PATTERN.test(query.assignee)) throw badInput('assignee', STAFF_ACCOUNT_MESSAGE, 'ACCOUNT');
  const values: unknown[] = [query.region.code, today];
  const conditions = [regionCondition('t.village_code', 1, query.region.code), '$2::date is not null'];
  const add = (value: unknown, condition: (n: number) => string) => {
    values.push(value);
    conditions.push(condition(values.length));
  };
  if (query.status != null) add(query.status, (n) => `t.status = $${n}`);
  if (query.kind != null) add(query.kind, (n) => `t.kind = $${n}`);
  if (query.assignee != null) add(query.assignee, (n) => `t.assignee = $${n}`);
  if (query.overdue === true) conditions.push(`t.status <> 'CLOSED' and t.due_on < $2::date`);
  if (query.overdue === false) conditions.push(`not (t.status <> 'CLOSED' and t.due_on < $2::date)`);
  return { where: conditions.join(' and '), values };
}

/** Every task of 区域任务 with the same filters, in keyset pages of 500 (the task export): memory stays one page. */
export function regionTaskBatches(sql: Sql, query: Omit<RegionTaskQuery, 'first' | 'after'>, today: string): AsyncGenerator<TaskWithPerson[]> {
  const { where, values } = regionTaskWhere(query, today);
  return allPages((after) => taskPage(sql, where, values, 500, after, today));
}

/** 区域任务: a region's tasks with filters, and its open tasks by assignee and by age. */
export async function regionTasks(sql: Sql, query: RegionTaskQuery, today: string) {
  const { where, values } = regionTaskWhere(query, today);
  const open = `${regionCondition('t.village_code', 1, query.region.code)} and t.status <> 'CLOSED'`;
  const [page, byAssignee, byAge] = await Promise.all([
    taskPage(sql, where, values, query.first, query.after, today),
    sql.rows<{ assignee: string | null; assignee_kind: string | null; open: number; overdue: number }>(
      `select t.assignee, min(t.assignee_kind) as assignee_kind, count(*) as open, count(*) filter (where t.due_on < $2::date) as overdue
         from task t where ${open} group by t.assignee order by t.assignee nulls first`,
      [query.region.code, today],
    ),
    sql.rows<{ bucket: string; count: number }>(
      `select b.bucket, count(t.id) as count
         from (values ${AGE_BUCKETS.map(([name, low, high]) => `('${name}', ${low}, ${high})`).join(', ')}) as b(bucket, low, high)
         left join task t on ${open} and ($2::date - t.opened_on) between b.low and b.high
        group by b.bucket, b.low order by b.low`,
      [query.region.code, today],
    ),
  ]);
  return {
    ...page,
    countsByAssignee: byAssignee.map((row) => ({ assignee: row.assignee, assigneeKind: row.assignee_kind, open: row.open, overdue: row.overdue })),
    countsByAge: byAge,
  };
}

/** One task the caller may see (region staff of its village, or its assignee); NOT_FOUND otherwise. */
export async function taskById(sql: Sql, access: AccessControl, id: string, today: string): Promise<TaskWithPerson> {
  access.requirePersonAccess();
  const task = await readTask(sql, parseTaskId(id, 'id'), today);
  if (!task || !canSeeTask(access, task)) throw notFound(`task ${id}`, 'id');
  return (await withPeople(sql, [task]))[0];
}

/** The history of these tasks, oldest first (the taskHistory loader). */
export async function loadTaskHistory(sql: Sql, ids: readonly number[]): Promise<TaskEventRow[][]> {
  const rows = await sql.rows<TaskEventRow>(`select task_id, from_status, to_status, actor, at, note, assignee from task_event where task_id = any($1::int[]) order by id`, [ids]);
  const byTask = new Map<number, TaskEventRow[]>(ids.map((id) => [id, []]));
  for (const row of rows) byTask.get(row.task_id)?.push(row);
  return ids.map((id) => byTask.get(id) ?? []);
}
