import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { DepartmentName } from '../departments';
import { badInput, conflict, InputProblems, notFound } from '../errors';
import { parseRowId } from '../row-id';
import { isLocalDate, todayInChina } from '../scalars';
import { containsIdNumber, ID_NUMBER_IN_TEXT_MESSAGE } from '../text-guard';
import { refuseClearing } from '../update-input';
import { ServiceRecord } from './service-record.entity';
import type { RecordServiceInput, UpdateRightsCaseInput, WithdrawServiceInput } from './service-record.inputs';
import { OUTCOMES_OF, POSTING_OWNER, type PostingSource, type ServiceKind } from './vocabulary';

export const MAX_SERVICE_NOTE_LENGTH = 500;
export const MAX_PUSHED_POSTINGS = 20;
export const MIN_WITHDRAWAL_REASON_LENGTH = 4;
const WORKER_KEY = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The records a department holds that service records may point to (its tables): hr's job
 * postings, partner's pushed postings, training's courses and classes. Whoever records the
 * service, each reference is checked with the department that holds it: in the same database
 * when that is the recording department, otherwise on the holder's internal route
 * SERVICE_REFERENCES_PATH (serviceReferencesRoute), asked with the caller's signed identity.
 */
export interface ServiceReferences {
  postingTable?: string;
  /** The posting table's period columns: open from, open until (inclusive), closed early from (a posting is open on a day inside the period and before its closing). */
  postingPeriod?: { from: string; until: string; closed: string };
  courseTable?: string;
  classTable?: string;
}

/** The internal route of hr, partner and training that answers which of these ids they hold. */
export const SERVICE_REFERENCES_PATH = '/internal/service-references';

/** The departments that hold what a service record may name. */
export type ReferenceHolder = (typeof POSTING_OWNER)[PostingSource] | 'training';

export interface ReferenceIds {
  postingIds: number[];
  courseIds: number[];
  classIds: number[];
  /** Asked: which of postingIds were open on this day (YYYY-MM-DD) — answered in openPostingIds. */
  postingsOpenOn?: string;
  /** Answered when postingsOpenOn was asked: the postings open on that day. */
  openPostingIds?: number[];
}

/** Which of these ids a holder has (the ids it has, per kind). */
export type ReferenceLookup = (holder: ReferenceHolder, query: ReferenceIds) => Promise<ReferenceIds>;

/** Which of the ids exist in this department's own tables (a kind it does not hold: none). */
export async function findReferences(em: EntityManager, references: ServiceReferences, query: ReferenceIds): Promise<ReferenceIds> {
  const found = async (table: string | undefined, ids: number[]) => (table ? [...(await existing(em, table, ids))] : []);
  const answer: ReferenceIds = {
    postingIds: await found(references.postingTable, query.postingIds),
    courseIds: await found(references.courseTable, query.courseIds),
    classIds: await found(references.classTable, query.classIds),
  };
  if (query.postingsOpenOn !== undefined && references.postingTable) {
    answer.openPostingIds = references.postingPeriod
      ? [...(await openOn(em, references.postingTable, references.postingPeriod, answer.postingIds, query.postingsOpenOn))]
      : answer.postingIds;
  }
  return answer;
}

const MAX_REFERENCE_IDS = 20;

/** The ids of a reference query as another department sent them: up to 20 row ids per kind. */
export function parseReferenceQuery(body: unknown): ReferenceIds | null {
  const ids = (value: unknown): number[] | null =>
    value === undefined ? [] : Array.isArray(value) && value.length <= MAX_REFERENCE_IDS && value.every((id) => parseRowId(id) !== null) ? value.map(Number) : null;
  const object = (body ?? {}) as Record<string, unknown>;
  const [postingIds, courseIds, classIds] = [ids(object.postingIds), ids(object.courseIds), ids(object.classIds)];
  if (!postingIds || !courseIds || !classIds) return null;
  const query: ReferenceIds = { postingIds, courseIds, classIds };
  if (object.postingsOpenOn !== undefined) {
    if (typeof object.postingsOpenOn !== 'string' || !isLocalDate(object.postingsOpenOn)) return null;
    query.postingsOpenOn = object.postingsOpenOn;
  }
  if (object.openPostingIds !== undefined) {
    const open = ids(object.openPostingIds);
    if (!open) return null;
    query.openPostingIds = open;
  }
  return query;
}

/** Whether the caller may see this worker (the department's access rules); false for nobody known. */
export type WorkerScope = (workerId: string) => Promise<boolean>;

/** Trimmed text, or null when nothing but blanks was given. */
function clean(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

export function checkServiceNote(problems: InputProblems, note: string | null, field: string): void {
  if (note === null) return;
  problems
    .check([...note].length <= MAX_SERVICE_NOTE_LENGTH, field, `a note has at most ${MAX_SERVICE_NOTE_LENGTH} characters`)
    .check(!containsIdNumber(note), field, ID_NUMBER_IN_TEXT_MESSAGE, 'ID_NUMBER_IN_TEXT');
}

function absentUnless(problems: InputProblems, present: boolean, allowed: boolean, field: string, kinds: string): void {
  problems.check(!present || allowed, field, `only ${kinds} take this field`);
}

/** The postings a department records without naming their source: its own. */
const OWN_POSTINGS: Partial<Record<DepartmentName, PostingSource>> = { hr: 'HR_JOB_POSTING', partner: 'PARTNER_PUSHED_POSTING' };

/** The checks of recordService that need no database; answers the parsed row ids. */
export function checkService(
  input: RecordServiceInput,
  department: DepartmentName,
  today = todayInChina(),
): { problems: InputProblems; postingSource: PostingSource | null; postingIds: number[]; courseId: number | null; classId: number | null; note: string | null } {
  const problems = new InputProblems();
  const kind: ServiceKind = input.kind;
  problems.check(typeof input.workerId === 'string' && WORKER_KEY.test(input.workerId), 'input.workerId', 'not a worker key');
  problems.check(input.servedOn <= today, 'input.servedOn', `must not be after today (${today})`);
  const note = clean(input.note);
  checkServiceNote(problems, note, 'input.note');

  const postings = input.postingIds ?? [];
  const takesPostings = kind === 'JOB_REFERRAL' || kind === 'JOB_PUSH';
  absentUnless(problems, input.postingIds != null, takesPostings, 'input.postingIds', 'JOB_REFERRAL and JOB_PUSH');
  absentUnless(problems, input.postingSource != null, takesPostings, 'input.postingSource', 'JOB_REFERRAL and JOB_PUSH');
  const postingSource: PostingSource | null = takesPostings ? (input.postingSource ?? OWN_POSTINGS[department] ?? null) : null;
  if (takesPostings && postingSource === null) problems.add('input.postingSource', 'say whose postings these are: HR_JOB_POSTING or PARTNER_PUSHED_POSTING');
  const postingIds: number[] = [];
  if (takesPostings) {
    if (kind === 'JOB_REFERRAL') problems.check(postings.length === 1, 'input.postingIds', 'a job referral names exactly one posting');
    else problems.check(postings.length >= 1 && postings.length <= MAX_PUSHED_POSTINGS, 'input.postingIds', `a push names 1 to ${MAX_PUSHED_POSTINGS} postings`);
    postings.forEach((raw, index) => {
      const id = parseRowId(raw);
      if (id === null) problems.add(`input.postingIds[${index}]`, 'not a posting id');
      else if (postingIds.includes(id)) problems.add(`input.postingIds[${index}]`, 'named twice');
      else postingIds.push(id);
    });
  }

  const outcomes = OUTCOMES_OF[kind] ?? [];
  if (input.outcome != null) {
    problems.check(outcomes.includes(input.outcome), 'input.outcome', outcomes.length ? `${kind} takes ${outcomes.join(', ')}` : `${kind} takes no outcome`);
  }
  if (kind === 'JOB_REFERRAL' || kind === 'CONTACT_ATTEMPT') problems.check(input.outcome != null, 'input.outcome', `required for ${kind} (${outcomes.join(', ')})`);
  if (kind === 'RIGHTS_PROTECTION') {
    problems.check(
      (input.outcome != null) === (input.closedOn != null),
      input.outcome != null ? 'input.closedOn' : 'input.outcome',
      'a closed case needs both closedOn and outcome',
    );
  }

  absentUnless(problems, input.channel != null, kind === 'JOB_PUSH' || kind === 'CONTACT_ATTEMPT', 'input.channel', 'JOB_PUSH and CONTACT_ATTEMPT');
  if (kind === 'JOB_PUSH') problems.check(input.channel != null, 'input.channel', 'required for JOB_PUSH (SMS, WECHAT, PHONE, VISIT, OTHER)');

  const isTraining = kind === 'TRAINING_REFERRAL';
  absentUnless(problems, input.courseId != null, isTraining, 'input.courseId', 'TRAINING_REFERRAL');
  absentUnless(problems, input.classId != null, isTraining, 'input.classId', 'TRAINING_REFERRAL');
  let courseId: number | null = null;
  let classId: number | null = null;
  if (isTraining) {
    problems.check(input.courseId != null || input.classId != null, 'input.courseId', 'a training referral names a course or a class');
    if (input.courseId != null) {
      courseId = parseRowId(input.courseId);
      problems.check(courseId !== null, 'input.courseId', 'not a course id');
    }
    if (input.classId != null) {
      classId = parseRowId(input.classId);
      problems.check(classId !== null, 'input.classId', 'not a class id');
    }
  }

  absentUnless(problems, input.closedOn != null, kind === 'RIGHTS_PROTECTION', 'input.closedOn', 'RIGHTS_PROTECTION');
  if (input.closedOn != null && kind === 'RIGHTS_PROTECTION') {
    problems.check(input.closedOn >= input.servedOn, 'input.closedOn', 'must not be before the case was opened (servedOn)');
    problems.check(input.closedOn <= today, 'input.closedOn', `must not be after today (${today})`);
  }
  return { problems, postingSource, postingIds, courseId, classId, note };
}

/** Which of these postings were open on the day: inside their period and before an early closing (one statement). */
async function openOn(em: EntityManager, table: string, period: NonNullable<ServiceReferences['postingPeriod']>, ids: number[], day: string): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await em
    .getConnection()
    .execute<{ id: number }[]>(
      `select id from "${table}" where id in (${ids.map(() => '?').join(', ')}) and "${period.from}" <= ?::date and "${period.until}" >= ?::date and ("${period.closed}" is null or "${period.closed}" > ?::date)`,
      [...ids, day, day, day],
    );
  return new Set(rows.map((row) => Number(row.id)));
}

/** Which of these row ids exist in the table (one statement). */
async function existing(em: EntityManager, table: string, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await em.getConnection().execute<{ id: number }[]>(`select id from "${table}" where id in (${ids.map(() => '?').join(', ')})`, ids);
  return new Set(rows.map((row) => Number(row.id)));
}

/** 一人一案: a department's service records (the same rules in every department). */
export class ServiceRecordService {
  constructor(
    private readonly em: EntityManager,
    private readonly department: DepartmentName,
  ) {}

  /**
   * Records one service: every input check first (all problems at once, naming the fields), then
   * the person (NOT_FOUND on input.workerId, the same for a person outside the caller's scope as
   * for nobody), then the postings, course or class it names (each with its holder), then the
   * row in one transaction.
   */
  async record(input: RecordServiceInput, staffAccount: string, inScope: WorkerScope, lookup: ReferenceLookup): Promise<ServiceRecord> {
    const { problems, postingSource, postingIds, courseId, classId, note } = checkService(input, this.department);
    problems.throwIfAny();
    if (!(await inScope(input.workerId))) throw notFound('person', 'input.workerId');
    // Each reference with its holder (a question to another department is asked before the transaction opens).
    const missing = new InputProblems();
    if (postingSource !== null) {
      // A referral or push names postings open on the day of the service (a holder that does not answer openPostingIds: existence only).
      const answer = await lookup(POSTING_OWNER[postingSource], { postingIds, courseIds: [], classIds: [], postingsOpenOn: input.servedOn });
      const found = new Set(answer.postingIds);
      const open = answer.openPostingIds === undefined ? found : new Set(answer.openPostingIds);
      postingIds.forEach((id, index) => {
        if (!found.has(id)) missing.add(`input.postingIds[${index}]`, `no such posting (${postingSource})`, 'NOT_FOUND');
        else missing.check(open.has(id), `input.postingIds[${index}]`, `the posting was not open on ${input.servedOn} (not yet open, expired or closed early)`, 'POSTING_NOT_OPEN');
      });
    }
    if (courseId !== null || classId !== null) {
      const found = await lookup('training', { postingIds: [], courseIds: courseId === null ? [] : [courseId], classIds: classId === null ? [] : [classId] });
      if (courseId !== null) missing.check(found.courseIds.includes(courseId), 'input.courseId', 'no such course', 'NOT_FOUND');
      if (classId !== null) missing.check(found.classIds.includes(classId), 'input.classId', 'no such class', 'NOT_FOUND');
    }
    missing.throwIfAny();
    return this.em.transactional(async (em) => {
      const rights = input.kind === 'RIGHTS_PROTECTION';
      const record = em.create(ServiceRecord, {
        workerId: input.workerId,
        department: this.department,
        kind: input.kind,
        servedOn: input.servedOn,
        staffAccount,
        note,
        postingSource,
        postingIds: postingIds.map(String),
        outcome: input.outcome ?? null,
        channel: input.channel ?? null,
        courseId,
        classId,
        caseStatus: rights ? (input.closedOn ? 'CLOSED' : 'OPEN') : null,
        closedOn: rights ? (input.closedOn ?? null) : null,
      });
      await em.flush();
      return record;
    });
  }

  /** A rights case changes until it is closed: its note, or its closing (day and outcome). */
  async updateRightsCase(input: UpdateRightsCaseInput, inScope: WorkerScope, today = todayInChina()): Promise<ServiceRecord> {
    const problems = new InputProblems();
    const id = parseRowId(input.id);
    problems.check(id !== null, 'input.id', 'not a service record id');
    const note = clean(input.note);
    checkServiceNote(problems, note, 'input.note');
    problems.check(
      (input.outcome != null) === (input.closedOn != null),
      input.outcome != null ? 'input.closedOn' : 'input.outcome',
      'closing a case needs both closedOn and outcome',
    );
    if (input.outcome != null)
      problems.check(OUTCOMES_OF.RIGHTS_PROTECTION!.includes(input.outcome), 'input.outcome', `a rights case ends ${OUTCOMES_OF.RIGHTS_PROTECTION!.join(', ')}`);
    if (input.closedOn != null) problems.check(input.closedOn <= today, 'input.closedOn', `must not be after today (${today})`);
    // note: null clears it; closedOn and outcome close a case and are not cleared (a closed case stays closed).
    refuseClearing(problems, input, ['closedOn', 'outcome']);
    problems.check(input.note !== undefined || input.closedOn != null, 'input', 'give a note (null clears it), or closedOn and outcome');
    problems.throwIfAny();
    return this.em.transactional(async (em) => {
      const record = await em.findOne(ServiceRecord, { id: id! }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      // One answer for a record that does not exist and one of a person outside the scope.
      if (!(await inScope(record?.workerId ?? 'w-none')) || !record) throw notFound('service record', 'input.id');
      if (record.withdrawnAt) throw conflict('input.id', 'the record was withdrawn; a withdrawn record is not changed');
      if (record.kind !== 'RIGHTS_PROTECTION') throw badInput('input.id', 'not a rights-protection case');
      if (record.caseStatus === 'CLOSED') throw conflict('input.id', `the case was closed on ${record.closedOn}; a closed case is not changed`);
      if (input.closedOn != null && input.closedOn < record.servedOn) throw badInput('input.closedOn', `must not be before the case was opened (${record.servedOn})`);
      if (input.note !== undefined) record.note = note;
      if (input.closedOn != null) {
        record.caseStatus = 'CLOSED';
        record.closedOn = input.closedOn;
        record.outcome = input.outcome!;
      }
      await em.flush();
      return record;
    });
  }

  /**
   * 作废: withdraws a record entered in error (the reason checked first; then the record, NOT_FOUND
   * alike for none and for a person outside the scope; CONFLICT if already withdrawn). The row
   * stays with who, when and why; the published view leaves it out from then on.
   */
  async withdraw(input: WithdrawServiceInput, staffAccount: string, inScope: WorkerScope): Promise<ServiceRecord> {
    const problems = new InputProblems();
    const id = parseRowId(input.id);
    problems.check(id !== null, 'input.id', 'not a service record id');
    const reason = clean(input.reason);
    problems.check(
      reason !== null && [...reason].length >= MIN_WITHDRAWAL_REASON_LENGTH,
      'input.reason',
      `say why the record is withdrawn (at least ${MIN_WITHDRAWAL_REASON_LENGTH} characters)`,
    );
    checkServiceNote(problems, reason, 'input.reason');
    problems.throwIfAny();
    return this.em.transactional(async (em) => {
      const record = await em.findOne(ServiceRecord, { id: id! }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!(await inScope(record?.workerId ?? 'w-none')) || !record) throw notFound('service record', 'input.id');
      if (record.withdrawnAt) throw conflict('input.id', `the record was already withdrawn on ${todayInChina(record.withdrawnAt)}`);
      record.withdrawnAt = new Date();
      record.withdrawnBy = staffAccount;
      record.withdrawalReason = reason;
      await em.flush();
      return record;
    });
  }
}
