import type { EnrolmentScope } from '../access';
import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  badInput,
  checkIdNumber,
  checkPageSize,
  conflict,
  decodeIdCursor,
  InputProblems,
  LinkConfirmation,
  notFound,
  type Page,
  todayInChina,
  toPage,
  workerPseudonym,
} from '@jiuye/common';
import { daysBetween } from '@jiuye/common';
import { throwIfInvalid } from '../ids';
import { Course } from '../course/course.entity';
import { TrainingReferralService } from '../referral/referral.service';
import { parseRowId } from '@jiuye/common';
import { ClassStatus, classLengthDays, TrainingClass } from '../training-class/training-class.entity';
import { attendanceSuffices, COMPLETION_ATTENDANCE_PERCENT, daysNeededToComplete, Enrolment, ENROLMENT_STATUS_LABELS, EnrolmentStatus } from './enrolment.entity';
import type {
  CompleteTrainingInput,
  DecideEnrolmentInput,
  DropTrainingInput,
  EnrolTraineeInput,
  RecordAttendanceInput,
  RecordPostTrainingEmploymentInput,
} from './enrolment.inputs';

/** Days a class has run by `today`, both ends included: 0 before it starts, its length once it ended. */
export function daysRunSoFar(trainingClass: Pick<TrainingClass, 'startsOn' | 'endsOn'>, today: string): number {
  if (today < trainingClass.startsOn) return 0;
  const last = today < trainingClass.endsOn ? today : trainingClass.endsOn;
  return daysBetween(trainingClass.startsOn, last) + 1;
}

/**
 * enrolTrainee's rules on its input, without the database (the spreadsheet import reuses them):
 * a class id, an enrolment day not in the future, a valid ID number (GB 11643, with its reason).
 */
export function checkEnrolment(problems: InputProblems, input: Pick<EnrolTraineeInput, 'classId' | 'idNumber' | 'enrolledOn'>, today = todayInChina()): InputProblems {
  problems.check(parseRowId(input.classId) !== null, 'input.classId', 'not a training class id').check(input.enrolledOn <= today, 'input.enrolledOn', 'must not be in the future');
  checkIdNumber(problems, input.idNumber, 'input.idNumber');
  return problems;
}

/** Why a class takes no enrolment on that day (closed, cancelled, or ended before it), or null. */
export function classRefusal(trainingClass: Pick<TrainingClass, 'status' | 'closedOn' | 'endsOn'>, enrolledOn: string): string | null {
  if (trainingClass.status !== ClassStatus.OPEN) return `the class was ${trainingClass.status === ClassStatus.CLOSED ? 'closed' : 'cancelled'} on ${trainingClass.closedOn}`;
  if (enrolledOn > trainingClass.endsOn) return `the class ended on ${trainingClass.endsOn}, before the enrolment date`;
  return null;
}

/** The answer for a worker already enrolled in the class. */
export function alreadyOnRoster(existing: Pick<Enrolment, 'status' | 'id'>): string {
  return `the worker is already on this class's roster (${ENROLMENT_STATUS_LABELS[existing.status]}, enrolment ${existing.id})`;
}

/** The answer for a class whose places are all taken. */
export function classFull(capacity: number): string {
  return `the class is full: all ${capacity} places are taken`;
}

/** 培训机构 rules for a trainee's path: enrol, attend, complete or drop, find a job. */
export class EnrolmentService {
  constructor(
    private readonly em: EntityManager,
    private readonly pseudonymKey: string,
    /** For writes to an existing enrolment: the caller's scope (access.ts authorizeEnrolmentWrite). */
    private readonly inScope?: EnrolmentScope,
  ) {}

  /**
   * `confirmed`: whether the county stands behind the enrolment (region staff, or an institution
   * whose confirmed trainee the worker already is); otherwise an open referral of the worker to
   * the institution or class confirms it (and is used up); without one it is PENDING (hole 7).
   */
  async enrol(input: EnrolTraineeInput, confirmed: boolean): Promise<Enrolment> {
    const classId = parseRowId(input.classId);
    throwIfInvalid(checkEnrolment(new InputProblems(), input));
    const workerId = workerPseudonym(input.idNumber, this.pseudonymKey);
    try {
      return await this.em.transactional(async (em) => {
        // Locking the class serialises enrolments in it, so two clerks cannot both take the last place.
        const trainingClass = await em.findOne(TrainingClass, classId!, { lockMode: LockMode.PESSIMISTIC_WRITE });
        if (!trainingClass) throw notFound('training class', 'input.classId');
        const refusal = classRefusal(trainingClass, input.enrolledOn);
        if (refusal) throw conflict('input.classId', refusal);
        const existing = await em.findOne(Enrolment, { classId: trainingClass.id, workerId });
        if (existing) throw conflict('input.idNumber', alreadyOnRoster(existing));
        // Evidence the county issued first (a referral of this worker to this institution or class) confirms the enrolment at once.
        const course = confirmed ? null : await em.findOneOrFail(Course, trainingClass.courseId);
        const referralId = course === null ? null : await TrainingReferralService.lockOpen(em, workerId, course.institutionId, trainingClass.id);
        const taken = await em.count(Enrolment, { classId: trainingClass.id, status: { $ne: EnrolmentStatus.DROPPED }, confirmation: { $ne: LinkConfirmation.REJECTED } });
        if (taken >= trainingClass.capacity) throw conflict('input.classId', classFull(trainingClass.capacity));
        const enrolment = em.create(Enrolment, {
          classId: trainingClass.id,
          workerId,
          idNumber: input.idNumber,
          enrolledOn: input.enrolledOn,
          confirmation: confirmed || referralId !== null ? LinkConfirmation.CONFIRMED : LinkConfirmation.PENDING,
        });
        await em.flush();
        if (referralId !== null) await TrainingReferralService.markUsed(em, referralId, enrolment.id);
        return enrolment;
      });
    } catch (error) {
      // The unique (class_id, worker_id) index catches a concurrent double enrolment.
      if (error instanceof UniqueConstraintViolationException) throw conflict('input.idNumber', "the worker is already on this class's roster");
      throw error;
    }
  }

  /**
   * The county's decision on a pending enrolment (hole 7): confirmed, the worker becomes the
   * institution's trainee; rejected, the row stays the institution's own and grants nothing.
   */
  async decide(input: DecideEnrolmentInput, decision: 'CONFIRMED' | 'REJECTED', staff: string): Promise<Enrolment> {
    const enrolmentId = parseRowId(input.enrolmentId);
    const reason = input.reason == null ? null : input.reason.trim() || null;
    const noteOk = reason !== null && reason.length >= 2 && reason.length <= 200;
    throwIfInvalid(
      new InputProblems()
        .check(enrolmentId !== null, 'input.enrolmentId', 'not an enrolment id')
        .check(
          decision === 'CONFIRMED' ? reason === null || noteOk : noteOk,
          'input.reason',
          decision === 'CONFIRMED' ? 'a note is 2 to 200 characters' : 'give a reason of 2 to 200 characters',
        ),
    );
    return this.em.transactional(async (em) => {
      const enrolment = await em.findOne(Enrolment, enrolmentId!, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!enrolment) throw notFound('enrolment', 'input.enrolmentId');
      if (enrolment.confirmation !== LinkConfirmation.PENDING) {
        throw conflict('input.enrolmentId', `the enrolment is not pending: it was already ${enrolment.confirmation === LinkConfirmation.CONFIRMED ? 'confirmed' : 'rejected'}`);
      }
      enrolment.confirmation = decision;
      enrolment.decidedBy = staff;
      enrolment.decidedAt = new Date();
      enrolment.decisionNote = reason;
      await em.flush();
      return enrolment;
    });
  }

  /** Pending enrolments by id (keyset pagination): the county's worklist. */
  async pending(args: { first: number; after?: string | null }): Promise<Page<Enrolment>> {
    const first = checkPageSize(args.first);
    const after = decodeIdCursor(args.after);
    const where = { confirmation: LinkConfirmation.PENDING };
    const [rows, totalCount] = await Promise.all([
      this.em.find(Enrolment, after === null ? where : { ...where, id: { $gt: after } }, { orderBy: { id: 'asc' }, limit: first + 1 }),
      this.em.count(Enrolment, where),
    ]);
    return toPage(rows, first, totalCount, (e) => e.id);
  }

  async recordAttendance(input: RecordAttendanceInput): Promise<Enrolment> {
    const enrolmentId = parseRowId(input.enrolmentId);
    throwIfInvalid(
      new InputProblems()
        .check(enrolmentId !== null, 'input.enrolmentId', 'not an enrolment id')
        .check(Number.isInteger(input.attendanceDays) && input.attendanceDays >= 0, 'input.attendanceDays', 'days attended is a whole number, 0 or more'),
    );
    return this.em.transactional(async (em) => {
      const { enrolment, trainingClass } = await this.load(em, enrolmentId!);
      if (enrolment.status === EnrolmentStatus.DROPPED) throw conflict('input.enrolmentId', 'the trainee dropped out; attendance is closed');
      const length = classLengthDays(trainingClass);
      const run = daysRunSoFar(trainingClass, todayInChina());
      if (input.attendanceDays > length) {
        throw badInput('input.attendanceDays', `the class lasts ${length} days; attendance cannot exceed that`);
      }
      if (input.attendanceDays > run) {
        throw badInput('input.attendanceDays', `the class has run ${run} of its ${length} days so far; attendance cannot exceed that`);
      }
      if (enrolment.status === EnrolmentStatus.COMPLETED && !attendanceSuffices(input.attendanceDays, length)) {
        throw badInput(
          'input.attendanceDays',
          `the trainee completed the class; attendance cannot fall below ${COMPLETION_ATTENDANCE_PERCENT} % (${daysNeededToComplete(length)} of ${length} days)`,
        );
      }
      enrolment.attendanceDays = input.attendanceDays;
      await em.flush();
      return enrolment;
    });
  }

  async complete(input: CompleteTrainingInput): Promise<Enrolment> {
    const enrolmentId = parseRowId(input.enrolmentId);
    throwIfInvalid(
      new InputProblems()
        .check(enrolmentId !== null, 'input.enrolmentId', 'not an enrolment id')
        .check(input.completedOn <= todayInChina(), 'input.completedOn', 'must not be in the future'),
    );
    return this.em.transactional(async (em) => {
      const { enrolment, trainingClass } = await this.load(em, enrolmentId!);
      this.requireEnrolled(enrolment);
      if (input.completedOn < trainingClass.startsOn) {
        throw badInput('input.completedOn', `must not be before the class started (${trainingClass.startsOn})`);
      }
      if (input.completedOn < enrolment.enrolledOn) {
        throw badInput('input.completedOn', `must not be before the trainee enrolled (${enrolment.enrolledOn})`);
      }
      const length = classLengthDays(trainingClass);
      if (!attendanceSuffices(enrolment.attendanceDays, length)) {
        throw badInput(
          'input.enrolmentId',
          `attendance is ${enrolment.attendanceDays} of ${length} class days (${Math.floor((enrolment.attendanceDays * 100) / length)} %); ` +
            `completion needs at least ${COMPLETION_ATTENDANCE_PERCENT} % (${daysNeededToComplete(length)} days): record attendance first`,
          'ATTENDANCE',
        );
      }
      enrolment.status = EnrolmentStatus.COMPLETED;
      enrolment.completedOn = input.completedOn;
      await em.flush();
      return enrolment;
    });
  }

  async drop(input: DropTrainingInput): Promise<Enrolment> {
    const enrolmentId = parseRowId(input.enrolmentId);
    const reason = (input.reason ?? '').trim();
    throwIfInvalid(
      new InputProblems()
        .check(enrolmentId !== null, 'input.enrolmentId', 'not an enrolment id')
        .check(reason.length >= 2 && reason.length <= 200, 'input.reason', 'give a reason of 2 to 200 characters'),
    );
    return this.em.transactional(async (em) => {
      const { enrolment } = await this.load(em, enrolmentId!);
      this.requireEnrolled(enrolment);
      enrolment.status = EnrolmentStatus.DROPPED;
      enrolment.dropReason = reason;
      await em.flush();
      return enrolment;
    });
  }

  async recordEmployment(input: RecordPostTrainingEmploymentInput): Promise<Enrolment> {
    const enrolmentId = parseRowId(input.enrolmentId);
    throwIfInvalid(
      new InputProblems()
        .check(enrolmentId !== null, 'input.enrolmentId', 'not an enrolment id')
        .check(input.employedOn <= todayInChina(), 'input.employedOn', 'must not be in the future'),
    );
    return this.em.transactional(async (em) => {
      const { enrolment } = await this.load(em, enrolmentId!);
      if (enrolment.status !== EnrolmentStatus.COMPLETED || enrolment.completedOn === null) {
        throw conflict('input.enrolmentId', `only a completed training leads to post-training employment; this one is ${ENROLMENT_STATUS_LABELS[enrolment.status]}`);
      }
      if (input.employedOn < enrolment.completedOn) {
        throw badInput('input.employedOn', `must not be before the training was completed (${enrolment.completedOn})`);
      }
      // The first job after training is what the indicator counts: a later job never replaces it.
      if (enrolment.employedOn !== null && input.employedOn > enrolment.employedOn) {
        throw conflict('input.employedOn', `the first job after this training was already recorded (from ${enrolment.employedOn}); only an earlier date can correct it`);
      }
      enrolment.employedOn = input.employedOn;
      await em.flush();
      return enrolment;
    });
  }

  private async load(em: EntityManager, enrolmentId: number): Promise<{ enrolment: Enrolment; trainingClass: TrainingClass }> {
    const enrolment = await em.findOne(Enrolment, enrolmentId, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!this.inScope) throw new Error("a write to an enrolment needs the caller's scope (authorizeEnrolmentWrite)");
    // Outside the scope is as missing as never recorded: same answer, same work (access.ts).
    if (!(await this.inScope(enrolment)) || !enrolment) throw notFound('enrolment', 'input.enrolmentId');
    const trainingClass = await em.findOneOrFail(TrainingClass, enrolment.classId);
    return { enrolment, trainingClass };
  }

  private requireEnrolled(enrolment: Enrolment): void {
    if (enrolment.status === EnrolmentStatus.COMPLETED) {
      throw conflict('input.enrolmentId', `the trainee already completed the class on ${enrolment.completedOn}`);
    }
    if (enrolment.status === EnrolmentStatus.DROPPED) throw conflict('input.enrolmentId', 'the trainee already dropped out of the class');
  }
}
