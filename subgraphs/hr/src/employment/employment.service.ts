import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, conflict, notFound, type EmploymentKind, type EmploymentPlace } from '@jiuye/common';
import { Employer } from '../employer/employer.entity';
import { WelfarePostAssignment } from '../welfare-post/welfare-post.entity';
import { WorkerRecord } from '../worker/worker.entity';
import { requireRecordInScope, requireRegisteredWorker, requireScope, type InScope } from '../worker/worker.service';
import { conflictOnUnique, InputCheck } from '../validation';
import { Employment } from './employment.entity';
import type { RecordEmploymentEndInput, RecordEmploymentStartInput } from './employment.inputs';

export const MAX_MONTHLY_WAGE = 100_000;
export const ONE_OPEN_EMPLOYMENT = 'the worker already has an open employment; record its end first';

export interface NewEmployment {
  kind: EmploymentKind;
  place: EmploymentPlace;
  employerId: number | null;
  employerName: string;
  location: string;
  startsOn: string;
  monthlyWage: number;
}

/**
 * Opens an employment for a (locked) worker and marks them EMPLOYED. Rules: no other open
 * employment, and no recorded employment still running on the new start day.
 * `field` names the input field a conflict is reported on.
 */
export async function openEmployment(em: EntityManager, worker: WorkerRecord, data: NewEmployment, field: string): Promise<Employment> {
  const spells = await em.find(Employment, { workerId: worker.id }, { orderBy: { startsOn: 'desc' } });
  const refusal = employmentStartRefusal(spells, data.startsOn);
  if (refusal) throw conflict(field, refusal);
  const employment = em.create(Employment, { workerId: worker.id, ...data });
  worker.employmentStatus = 'EMPLOYED';
  return employment;
}

/**
 * Why a worker with these employments (spells, latest start first) cannot start one on that day:
 * one still open, or one that ended on or after it; null when they can.
 */
export function employmentStartRefusal(spells: readonly Pick<Employment, 'endsOn'>[], startsOn: string): string | null {
  if (spells.some((e) => e.endsOn === null)) return ONE_OPEN_EMPLOYMENT;
  const overlapping = spells.find((e) => e.endsOn !== null && e.endsOn >= startsOn);
  return overlapping ? `overlaps an employment that ended on ${overlapping.endsOn}` : null;
}

/**
 * recordEmploymentStart's rules on its input, without the database (the spreadsheet import
 * reuses them): the problems go into `check`; answers the cleaned employer name and location and
 * the employer's row id.
 */
export function checkEmploymentStart(check: InputCheck, input: RecordEmploymentStartInput): { employerId: number | null; employerName: string; location: string } {
  check.idNumber(input.idNumber, 'input.idNumber');
  const employerId = input.employerId == null ? null : check.recordId(input.employerId, 'input.employerId', 'an employer');
  const employerName = check.text(input.employerName, 'input.employerName', 2, 100);
  const location = check.text(input.location, 'input.location', 2, 100);
  check
    .check(input.kind !== 'PUBLIC_WELFARE_POST', 'input.kind', 'public-welfare posts are filled with assignWelfarePost')
    .check(input.kind !== 'TRANSFER_OUT_OF_PROVINCE' || input.place === 'OUT_OF_PROVINCE', 'input.place', 'a transfer out of the province is work OUT_OF_PROVINCE')
    .check(input.kind !== 'TRANSFER_IN_PROVINCE' || input.place !== 'OUT_OF_PROVINCE', 'input.place', 'a transfer within the province is not OUT_OF_PROVINCE')
    .notInFuture(input.startsOn, 'input.startsOn')
    .check(
      Number.isInteger(input.monthlyWage) && input.monthlyWage > 0 && input.monthlyWage <= MAX_MONTHLY_WAGE,
      'input.monthlyWage',
      `a monthly wage is a whole number of yuan from 1 to ${MAX_MONTHLY_WAGE}`,
    );
  return { employerId, employerName, location };
}

/** Ends an employment; the worker becomes UNEMPLOYED when no open employment remains. */
export async function closeEmployment(em: EntityManager, employment: Employment, endsOn: string, reason: string): Promise<void> {
  employment.endsOn = endsOn;
  employment.endReason = reason;
  const worker = await em.findOne(WorkerRecord, { id: employment.workerId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  const stillOpen = await em.count(Employment, { workerId: employment.workerId, endsOn: null, id: { $ne: employment.id } });
  if (worker && stillOpen === 0 && worker.employmentStatus === 'EMPLOYED') worker.employmentStatus = 'UNEMPLOYED';
}

/** 人社 rules for employment records (就业登记). */
export class EmploymentService {
  constructor(
    private readonly em: EntityManager,
    private readonly pseudonymKey: string,
    /** For writes about a worker: the caller's scope (hr's access.ts); see requireRegisteredWorker. */
    private readonly inScope?: InScope,
  ) {}

  async recordStart(input: RecordEmploymentStartInput): Promise<Employment> {
    const check = new InputCheck();
    const { employerId, employerName, location } = checkEmploymentStart(check, input);
    check.throwIfAny();
    const recorded = this.em.transactional(async (em) => {
      const worker = await requireRegisteredWorker(em, this.pseudonymKey, input.idNumber, 'input.idNumber', requireScope(this.inScope));
      const employer = employerId === null ? null : await em.findOne(Employer, employerId);
      if (employerId !== null && !employer) throw notFound('employer', 'input.employerId');
      // A closed employer stays for the records that point to it, but nobody starts there after it closed.
      if (employer?.closedOn != null && input.startsOn >= employer.closedOn) throw conflict('input.employerId', `the employer closed on ${employer.closedOn}`);
      const employment = await openEmployment(
        em,
        worker,
        { kind: input.kind, place: input.place, employerId, employerName, location, startsOn: input.startsOn, monthlyWage: input.monthlyWage },
        'input.startsOn',
      );
      await em.flush();
      return employment;
    });
    return conflictOnUnique(recorded, 'input.startsOn', ONE_OPEN_EMPLOYMENT);
  }

  async recordEnd(input: RecordEmploymentEndInput): Promise<Employment> {
    const check = new InputCheck();
    const id = check.recordId(input.employmentId, 'input.employmentId', 'an employment');
    const reason = check.text(input.reason, 'input.reason', 2, 200);
    check.notInFuture(input.endsOn, 'input.endsOn').throwIfAny();
    return this.em.transactional(async (em) => {
      const found = await em.findOne(Employment, id, { lockMode: LockMode.PESSIMISTIC_WRITE });
      const employment = await requireRecordInScope(found, requireScope(this.inScope), 'employment', 'input.employmentId');
      if (employment.endsOn !== null) throw conflict('input.employmentId', `the employment already ended on ${employment.endsOn}`);
      if (input.endsOn < employment.startsOn) throw badInput('input.endsOn', `must not be before the start (${employment.startsOn})`);
      if (await em.count(WelfarePostAssignment, { employmentId: employment.id, endsOn: null })) {
        throw conflict('input.employmentId', 'this is a public-welfare post: end it with releaseWelfarePost');
      }
      await closeEmployment(em, employment, input.endsOn, reason);
      await em.flush();
      return employment;
    });
  }
}
