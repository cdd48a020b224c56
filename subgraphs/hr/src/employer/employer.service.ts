import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  badInput,
  checkPageSize,
  conflict,
  decodeIdCursor,
  divisionCodeRange,
  forbidden,
  notFound,
  type Page,
  parseRowId,
  patched,
  refuseClearing,
  requireDivisionCode,
  toPage,
} from '@jiuye/common';
import type { ReferenceScope } from '../access';
import { JobPosting } from '../job-posting/job-posting.entity';
import { conflictOnUnique, InputCheck, requireKnownDivision } from '../validation';
import { CERTIFIED_EMPLOYER_KINDS, Employer, LOCAL_EMPLOYER_KINDS, type EmployerKind } from './employer.entity';
import type { CloseEmployerInput, CreateEmployerInput, UpdateEmployerInput } from './employer.inputs';

const CREDIT_CODE_TAKEN = 'another employer has this unified social credit code';
const LOCATION_LEVELS = ['COUNTY', 'TOWNSHIP', 'VILLAGE'] as const;

/**
 * The employer an hr officer may change: NOT_FOUND naming the field when it does not exist or
 * is kept outside the officer's region (one statement either way; employers are public, but a
 * township's records are its own to change).
 */
export async function requireEmployerInScope(em: EntityManager, id: number, scope: ReferenceScope, field: string, lock = true): Promise<Employer> {
  const employer = await em.findOne(Employer, id, lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {});
  if (!employer || !scope.covers(employer.keeperCode)) throw notFound('employer', field);
  return employer;
}

/** 人社 rules for the employer registry (用工主体): enterprises, workshops, village factories, bases, cooperatives. */
export class EmployerService {
  constructor(
    private readonly em: EntityManager,
    /** For writes: the officer's region (authorizeReferenceWrite). */
    private readonly scope?: ReferenceScope,
  ) {}

  private requireScope(): ReferenceScope {
    if (!this.scope) throw new Error('an employer write needs the officer scope (authorizeReferenceWrite)');
    return this.scope;
  }

  /**
   * Rules: name 2–100; a valid, unique credit code; the certification date of a certified kind
   * (workshop, village factory, base) given and not after today; located in a catalogued
   * village or township of the region (county level allowed for enterprises and bases), or —
   * enterprises and bases recorded by a county officer — outside the county, then kept by that
   * officer's region.
   */
  async create(input: CreateEmployerInput): Promise<Employer> {
    const scope = this.requireScope();
    const check = new InputCheck();
    const name = check.text(input.name, 'input.name', 2, 100);
    const creditCode = check.creditCode(input.creditCode, 'input.creditCode');
    check.divisionCode(input.divisionCode, 'input.divisionCode', LOCATION_LEVELS);
    this.checkCertification(check, input.kind, input.certifiedOn ?? null, 'input.certifiedOn');
    check.throwIfAny();
    const created = this.em.transactional(async (em) => {
      const keptByCode = await this.checkLocation(em, scope, input.kind, input.divisionCode, 'input.divisionCode');
      if (await em.count(Employer, { creditCode })) throw conflict('input.creditCode', CREDIT_CODE_TAKEN);
      const employer = em.create(Employer, { name, kind: input.kind, divisionCode: input.divisionCode, creditCode, certifiedOn: input.certifiedOn ?? null, keptByCode });
      await em.flush();
      return employer;
    });
    return conflictOnUnique(created, 'input.creditCode', CREDIT_CODE_TAKEN);
  }

  /** Changes what is given; the rules of create hold for the result. A closed employer is not changed. */
  async update(input: UpdateEmployerInput): Promise<Employer> {
    const scope = this.requireScope();
    const check = new InputCheck();
    const id = check.recordId(input.id, 'input.id', 'an employer');
    const name = input.name == null ? null : check.text(input.name, 'input.name', 2, 100);
    const creditCode = input.creditCode == null ? null : check.creditCode(input.creditCode, 'input.creditCode');
    if (input.divisionCode != null) check.divisionCode(input.divisionCode, 'input.divisionCode', LOCATION_LEVELS);
    if (input.certifiedOn != null) check.notInFuture(input.certifiedOn, 'input.certifiedOn');
    refuseClearing(check, input, ['name', 'kind', 'divisionCode', 'creditCode']);
    check.throwIfAny();
    const updated = this.em.transactional(async (em) => {
      const employer = await requireEmployerInScope(em, id, scope, 'input.id');
      if (employer.closedOn !== null) throw conflict('input.id', `the employer closed on ${employer.closedOn}`);
      const kind = input.kind ?? employer.kind;
      // null clears the certification date, which only kinds without certification may lack.
      const certifiedOn = patched(input.certifiedOn, employer.certifiedOn);
      if (CERTIFIED_EMPLOYER_KINDS.includes(kind) && certifiedOn === null)
        throw badInput('input.certifiedOn', 'a workshop, village factory or assistance base has a certification date (认定日期)');
      if (input.divisionCode != null || input.kind != null) {
        employer.keptByCode = await this.checkLocation(em, scope, kind, input.divisionCode ?? employer.divisionCode, 'input.divisionCode');
      }
      if (creditCode !== null && creditCode !== employer.creditCode && (await em.count(Employer, { creditCode }))) throw conflict('input.creditCode', CREDIT_CODE_TAKEN);
      em.assign(employer, {
        name: name ?? employer.name,
        kind,
        divisionCode: input.divisionCode ?? employer.divisionCode,
        creditCode: creditCode ?? employer.creditCode,
        certifiedOn,
      });
      await em.flush();
      return employer;
    });
    return conflictOnUnique(updated, 'input.creditCode', CREDIT_CODE_TAKEN);
  }

  /** Closes the employer (never deletes it) and withdraws its open postings, in one transaction. */
  async close(input: CloseEmployerInput): Promise<Employer> {
    const scope = this.requireScope();
    const check = new InputCheck();
    const id = check.recordId(input.id, 'input.id', 'an employer');
    const reason = check.text(input.reason, 'input.reason', 2, 200);
    check.notInFuture(input.closedOn, 'input.closedOn').throwIfAny();
    return this.em.transactional(async (em) => {
      const employer = await requireEmployerInScope(em, id, scope, 'input.id');
      if (employer.closedOn !== null) throw conflict('input.id', `the employer already closed on ${employer.closedOn}`);
      if (employer.certifiedOn !== null && input.closedOn < employer.certifiedOn)
        throw badInput('input.closedOn', `must not be before its certification (${employer.certifiedOn})`);
      employer.closedOn = input.closedOn;
      employer.closeReason = reason;
      const postings = await em.find(JobPosting, { employerId: id, closedOn: null }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      for (const posting of postings) em.assign(posting, { closedOn: input.closedOn, closeReason: 'WITHDRAWN' });
      await em.flush();
      return employer;
    });
  }

  private checkCertification(check: InputCheck, kind: EmployerKind, certifiedOn: string | null, field: string): void {
    if (certifiedOn !== null) check.notInFuture(certifiedOn, field);
    else check.check(!CERTIFIED_EMPLOYER_KINDS.includes(kind), field, 'a workshop, village factory or assistance base has a certification date (认定日期)');
  }

  /** Where an employer may be recorded from this region; returns the keeping region for one outside it (null when kept where it is). */
  private async checkLocation(em: EntityManager, scope: ReferenceScope, kind: EmployerKind, code: string, field: string): Promise<string | null> {
    const local = LOCAL_EMPLOYER_KINDS.includes(kind);
    if (scope.covers(code)) {
      await requireKnownDivision(em, code, field);
      if (local && code.length < 9) throw badInput(field, 'a workshop, village factory or cooperative lies in a village or township');
      return null;
    }
    // Outside the region: only firms and bases elsewhere, recorded by a county (or higher) office.
    if (local || scope.region.length > 6) throw forbidden(`${field}: ${code} lies outside your region ${scope.region}`, 'outside-region');
    return scope.region;
  }

  async byId(id: string): Promise<Employer | null> {
    const rowId = parseRowId(id);
    return rowId === null ? null : this.em.findOne(Employer, rowId);
  }

  /** Employers in a division (by code prefix), by id (keyset pagination). */
  async list(args: { divisionCode?: string | null; kind?: EmployerKind | null; open?: boolean | null; first: number; after?: string | null }): Promise<Page<Employer>> {
    if (args.divisionCode) requireDivisionCode(args.divisionCode, 'divisionCode');
    const first = checkPageSize(args.first);
    const after = decodeIdCursor(args.after);
    const where: Record<string, unknown> = {};
    if (args.divisionCode) {
      const { from, to } = divisionCodeRange(args.divisionCode);
      where.divisionCode = { $gte: from, $lt: to };
    }
    if (args.kind) where.kind = args.kind;
    if (args.open != null) where.closedOn = args.open ? null : { $ne: null };
    const [rows, totalCount] = await Promise.all([
      this.em.find(Employer, after === null ? where : { ...where, id: { $gt: after } }, { orderBy: { id: 'asc' }, limit: first + 1 }),
      this.em.count(Employer, where),
    ]);
    return toPage(rows, first, totalCount, (e) => e.id);
  }
}
