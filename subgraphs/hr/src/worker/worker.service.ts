import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  ageOn,
  badInput,
  conflict,
  type EmploymentIntention,
  type EmploymentStatus,
  HOUSEHOLD_CODE_MESSAGE,
  HOUSEHOLD_CODE_PATTERN,
  isHouseholdCode,
  isMobileNumber,
  type Keyset,
  MOBILE_NUMBER_MESSAGE,
  notFound,
  type PageRequest,
  type ParsedIdNumber,
  type PopulationStatus,
  todayInChina,
  type Trade,
  villageOfHousehold,
  workerPseudonym,
  refuseClearing,
} from '@jiuye/common';
import { DivisionRecord } from '../division/division.entity';
import { Employment } from '../employment/employment.entity';
import { conflictOnUnique, InputCheck } from '../validation';
import { WorkerRecord } from './worker.entity';
import type { RegisterWorkerInput, UpdateSixClaritiesInput } from './worker.inputs';

export const MIN_REGISTRY_AGE = 16;
export const MAX_REGISTRY_AGE = 60;
const SET_BY_EMPLOYMENT_RECORDS = 'EMPLOYED follows the employment records: use recordEmploymentStart';

export interface WorkerFilter {
  employmentStatus?: EmploymentStatus | null;
  populationStatus?: PopulationStatus | null;
  employmentIntention?: EmploymentIntention | null;
  trainingWish?: Trade | null;
}

/** What root `workers` and `Division.workers` ask for: one page of workers in one division. */
export interface WorkerListArgs extends WorkerFilter, PageRequest {
  divisionCode: string;
}

/**
 * Workers of a division in household code, then id, order (common's pagedDivisions). Their
 * cursors join the two with '/' (not common's '|'): cursors handed out before stay valid.
 */
export const WORKER_KEYSET: Keyset<WorkerRecord> = {
  columns: ['household_code', 'id'],
  parts: [(p) => HOUSEHOLD_CODE_PATTERN.test(p), (p) => /^w[\w-]+$/.test(p)],
  keyOf: (w) => [w.householdCode, w.id],
  separator: '/',
};

/** The list filters as columns of the worker table (pagedDivisions' equality filters). */
export function workerFilterColumns(filter: WorkerFilter): Record<string, string | null | undefined> {
  return {
    employment_status: filter.employmentStatus,
    population_status: filter.populationStatus,
    employment_intention: filter.employmentIntention,
    training_wish: filter.trainingWish,
  };
}

/** Whether the caller may write about a worker (hr's access.ts: WorkerScope); the same work whether the worker exists or not. */
export type InScope = (workerId: string | null) => Promise<boolean>;

/**
 * The registered worker with this ID number, locked for update, if the caller's scope holds
 * them; NOT_FOUND naming the field otherwise — one answer for unregistered and out of scope.
 */
export async function requireRegisteredWorker(em: EntityManager, pseudonymKey: string, idNumber: string, field: string, inScope: InScope): Promise<WorkerRecord> {
  const id = workerPseudonym(idNumber, pseudonymKey);
  const visible = await inScope(id);
  // The same statement either way (refresh: a hidden worker already in the identity map is read
  // again, as a missing one is); only a worker the caller may write is locked, so a hidden
  // worker's row held by another transaction cannot make this answer wait.
  const worker = await em.findOne(WorkerRecord, { id }, visible ? { lockMode: LockMode.PESSIMISTIC_WRITE } : { refresh: true });
  if (!worker || !visible) throw notFound('worker', field);
  return worker;
}

/** A record of a worker loaded by its row id: NOT_FOUND naming the field when missing or when its worker lies outside the scope (same work both ways). */
export async function requireRecordInScope<T extends { workerId: string }>(record: T | null, inScope: InScope, what: string, field: string): Promise<T> {
  const visible = await inScope(record?.workerId ?? null);
  if (!record || !visible) throw notFound(what, field);
  return record;
}

/**
 * Refusal of a registration whose ID number is already registered — anywhere. One answer, in
 * scope or not, and it names no place: the clerk is sent to the county office, which sees
 * every village and moves a record between households. See registerWorker.
 */
export const ALREADY_REGISTERED = 'this ID number cannot be registered from your account; the county office (县级人社部门) registers or moves the record';

/** registerWorker's answer when the household's village is not in the division catalogue (the import gives the same). */
export const UNKNOWN_VILLAGE_MESSAGE = 'its first 12 digits are not a village in the division catalogue';
export const OPEN_EMPLOYMENT_MESSAGE = 'the worker has an open employment; record its end first';
export { SET_BY_EMPLOYMENT_RECORDS };

/**
 * registerWorker's checks that need no database: the ID number (GB 11643), the name, the
 * mobile number, the household code, and EMPLOYED refused (it follows the employment records).
 * One home for the rules: registerWorker and the spreadsheet import (src/import) both call it.
 */
export function checkRegistration(check: InputCheck, input: RegisterWorkerInput): { parsed: ParsedIdNumber | null; name: string; phone: string | null } {
  const parsed = check.idNumber(input.idNumber, 'input.idNumber');
  const name = check.text(input.name, 'input.name', 2, 30);
  const phone = input.phone?.trim() || null;
  check
    .check(phone === null || isMobileNumber(phone), 'input.phone', MOBILE_NUMBER_MESSAGE)
    .check(isHouseholdCode(input.householdCode), 'input.householdCode', HOUSEHOLD_CODE_MESSAGE)
    .check(input.employmentStatus !== 'EMPLOYED', 'input.employmentStatus', SET_BY_EMPLOYMENT_RECORDS);
  return { parsed, name, phone };
}

/** The registry holds people aged 16 to 60 when they are registered (by the birth date in the ID number). */
export function checkRegistryAge(check: InputCheck, parsed: ParsedIdNumber, field: string): void {
  const age = ageOn(parsed.birthDate, todayInChina());
  check.check(
    age >= MIN_REGISTRY_AGE && age <= MAX_REGISTRY_AGE,
    field,
    `the labour registry holds people aged ${MIN_REGISTRY_AGE} to ${MAX_REGISTRY_AGE} (by the birth date in the ID number)`,
  );
}

/** 人社 rules for the real-name labour registry. */
export class WorkerService {
  constructor(
    private readonly em: EntityManager,
    private readonly pseudonymKey: string,
    /** For writes about an existing worker (updateSixClarities); see requireRegisteredWorker. */
    private readonly inScope?: InScope,
  ) {}

  async register(input: RegisterWorkerInput): Promise<WorkerRecord> {
    const check = new InputCheck();
    const { parsed, name, phone } = checkRegistration(check, input);
    if (parsed) checkRegistryAge(check, parsed, 'input.idNumber');
    check.throwIfAny();
    const id = workerPseudonym(input.idNumber, this.pseudonymKey);
    const villageCode = villageOfHousehold(input.householdCode);
    const registered = this.em.transactional(async (em) => {
      if (!(await em.findOne(DivisionRecord, { code: villageCode }))) {
        throw badInput('input.householdCode', UNKNOWN_VILLAGE_MESSAGE, 'UNKNOWN_VILLAGE');
      }
      if (await em.findOne(WorkerRecord, { id }, { fields: ['id'] })) {
        throw conflict('input.idNumber', ALREADY_REGISTERED);
      }
      const worker = em.create(WorkerRecord, {
        id,
        idNumber: input.idNumber,
        name,
        sex: parsed!.sex,
        birthDate: parsed!.birthDate,
        phone,
        householdCode: input.householdCode,
        villageCode,
        populationStatus: input.populationStatus,
        employmentStatus: input.employmentStatus,
        employmentIntention: input.employmentIntention,
        skillLevel: input.skillLevel,
        trainingWish: input.trainingWish ?? null,
        education: input.education,
        verifiedOn: todayInChina(),
      });
      await em.flush();
      return worker;
    });
    // Two clerks registering the same person at once: the primary key decides, same answer.
    return conflictOnUnique(registered, 'input.idNumber', ALREADY_REGISTERED);
  }

  async updateSixClarities(input: UpdateSixClaritiesInput): Promise<WorkerRecord> {
    const check = new InputCheck();
    check.idNumber(input.idNumber, 'input.idNumber');
    // trainingWish: null clears the wish; the clarities themselves are required (common/src/update-input.ts).
    refuseClearing(check, input, ['populationStatus', 'employmentStatus', 'employmentIntention', 'skillLevel', 'education']);
    check.check(input.employmentStatus !== 'EMPLOYED', 'input.employmentStatus', SET_BY_EMPLOYMENT_RECORDS);
    check.throwIfAny();
    return this.em.transactional(async (em) => {
      const worker = await requireRegisteredWorker(em, this.pseudonymKey, input.idNumber, 'input.idNumber', requireScope(this.inScope));
      if (input.employmentStatus != null && input.employmentStatus !== worker.employmentStatus) {
        const open = await em.count(Employment, { workerId: worker.id, endsOn: null });
        if (open > 0) throw conflict('input.employmentStatus', OPEN_EMPLOYMENT_MESSAGE);
      }
      if (input.populationStatus != null) worker.populationStatus = input.populationStatus;
      if (input.employmentStatus != null) worker.employmentStatus = input.employmentStatus;
      if (input.employmentIntention != null) worker.employmentIntention = input.employmentIntention;
      if (input.skillLevel != null) worker.skillLevel = input.skillLevel;
      if (input.education != null) worker.education = input.education;
      if (input.trainingWish !== undefined) worker.trainingWish = input.trainingWish;
      worker.verifiedOn = todayInChina();
      await em.flush();
      return worker;
    });
  }
}

/** Services built without a scope (loaders, lists) must not write about a worker. */
export function requireScope(inScope: InScope | undefined): InScope {
  if (!inScope) throw new Error("a write about a worker needs the caller's scope (authorizeWorkerWrite)");
  return inScope;
}
