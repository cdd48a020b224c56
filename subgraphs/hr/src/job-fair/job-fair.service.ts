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
  requireDivisionCode,
  todayInChina,
  toPage,
  refuseClearing,
} from '@jiuye/common';
import type { ReferenceScope } from '../access';
import { Employer } from '../employer/employer.entity';
import { JobPosting } from '../job-posting/job-posting.entity';
import { requireRegisteredWorker, requireScope, type InScope } from '../worker/worker.service';
import { conflictOnUnique, InputCheck, requireKnownDivision } from '../validation';
import { JobFair, JobFairEmployer, JobFairIntention, JobFairPosting } from './job-fair.entity';
import type {
  AddJobFairEmployerInput,
  CancelJobFairInput,
  CreateJobFairInput,
  RecordJobFairAttendanceInput,
  RecordJobFairIntentionInput,
  RemoveJobFairEmployerInput,
  UpdateJobFairInput,
} from './job-fair.inputs';

/** At most this many employers and postings take part in one fair: what JobFair.employers and JobFair.postings can list (gateway LIST_SIZES). */
export const MAX_FAIR_EMPLOYERS = 200;
export const MAX_FAIR_POSTINGS = 500;
const MAX_POSTINGS_PER_CALL = 50;
const MAX_ATTENDANCE = 1_000_000;

const ALREADY_RECORDED = 'this intention is already recorded for this fair';

export class JobFairService {
  constructor(
    private readonly em: EntityManager,
    private readonly pseudonymKey: string,
    /** For writes about a worker: the caller's scope (hr's access.ts); see requireRegisteredWorker. */
    private readonly inScope?: InScope,
    /** For writes about the fair itself: the officer's region (authorizeReferenceWrite). */
    private readonly scope?: ReferenceScope,
  ) {}

  private requireReferenceScope(): ReferenceScope {
    if (!this.scope) throw new Error('a job-fair write needs the officer scope (authorizeReferenceWrite)');
    return this.scope;
  }

  /** The fair, locked, if it lies in the officer's region: NOT_FOUND naming the field otherwise (one statement either way). */
  private async requireFairInScope(em: EntityManager, id: number, field: string): Promise<JobFair> {
    const fair = await em.findOne(JobFair, id, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!fair || !this.requireReferenceScope().covers(fair.divisionCode)) throw notFound('job fair', field);
    return fair;
  }

  /**
   * Rules: name 2–100 and organiser 2–100; held in a catalogued township or county of the
   * region (a township fair in its township, county-wide and online fairs at the county); an
   * on-site fair has a venue.
   */
  async create(input: CreateJobFairInput): Promise<JobFair> {
    const scope = this.requireReferenceScope();
    const check = new InputCheck();
    const name = check.text(input.name, 'input.name', 2, 100);
    const organiser = check.text(input.organiser, 'input.organiser', 2, 100);
    const venue = check.optionalText(input.venue, 'input.venue', 2, 100);
    check.check(input.online || venue !== null, 'input.venue', 'an on-site fair has a venue');
    check.divisionCode(input.divisionCode, 'input.divisionCode', ['COUNTY', 'TOWNSHIP']);
    check.throwIfAny();
    if (!scope.covers(input.divisionCode)) throw forbiddenOutside('input.divisionCode', input.divisionCode, scope);
    return this.em.transactional(async (em) => {
      await requireKnownDivision(em, input.divisionCode, 'input.divisionCode');
      const fair = em.create(JobFair, { name, heldOn: input.heldOn, divisionCode: input.divisionCode, online: input.online, venue, organiser });
      await em.flush();
      return fair;
    });
  }

  /** Changes what is given of a fair that is not cancelled; the day moves only before anything happened at the fair. */
  async update(input: UpdateJobFairInput): Promise<JobFair> {
    const check = new InputCheck();
    const id = check.recordId(input.id, 'input.id', 'a job fair');
    const name = input.name == null ? null : check.text(input.name, 'input.name', 2, 100);
    const organiser = input.organiser == null ? null : check.text(input.organiser, 'input.organiser', 2, 100);
    const venue = input.venue == null ? null : check.text(input.venue, 'input.venue', 2, 100);
    refuseClearing(check, input, ['name', 'heldOn', 'organiser']);
    check.throwIfAny();
    return this.em.transactional(async (em) => {
      const fair = await this.requireFairInScope(em, id, 'input.id');
      if (fair.cancelledOn !== null) throw conflict('input.id', `the fair was cancelled on ${fair.cancelledOn}`);
      if (input.heldOn != null && input.heldOn !== fair.heldOn) {
        if (fair.attendance !== null || (await em.count(JobFairIntention, { fairId: id })))
          throw conflict('input.heldOn', 'intentions or attendance are recorded for this fair: it took place');
        const brought = await em.find(JobPosting, { id: { $in: (await em.find(JobFairPosting, { fairId: id })).map((link) => link.postingId) } });
        const closed = brought.filter((posting) => !posting.openOn(input.heldOn!));
        if (closed.length) throw conflict('input.heldOn', `${closed.length} of the postings brought are not open on ${input.heldOn}`);
        fair.heldOn = input.heldOn;
      }
      // null clears the venue, which only an online fair may lack (as createJobFair); left out, it stays.
      if (input.venue === null && !fair.online) throw badInput('input.venue', 'an on-site fair has a venue');
      em.assign(fair, { name: name ?? fair.name, organiser: organiser ?? fair.organiser, venue: input.venue === undefined ? fair.venue : venue });
      await em.flush();
      return fair;
    });
  }

  /** Calls a fair off; only before anything happened at it. */
  async cancel(input: CancelJobFairInput): Promise<JobFair> {
    const check = new InputCheck();
    const id = check.recordId(input.id, 'input.id', 'a job fair');
    const reason = check.text(input.reason, 'input.reason', 2, 200);
    check.notInFuture(input.cancelledOn, 'input.cancelledOn').throwIfAny();
    return this.em.transactional(async (em) => {
      const fair = await this.requireFairInScope(em, id, 'input.id');
      if (fair.cancelledOn !== null) throw conflict('input.id', `the fair was already cancelled on ${fair.cancelledOn}`);
      if (fair.attendance !== null || (await em.count(JobFairIntention, { fairId: id })))
        throw conflict('input.id', 'intentions or attendance are recorded for this fair: it took place');
      em.assign(fair, { cancelledOn: input.cancelledOn, cancelReason: reason });
      await em.flush();
      return fair;
    });
  }

  /**
   * Rules: the fair lies in the region and is not cancelled; the employer operates (it may be
   * from anywhere); each posting is the employer's, not closed and open on the fair day; at most
   * MAX_FAIR_EMPLOYERS employers and MAX_FAIR_POSTINGS postings per fair. Adding again adds
   * only what is new.
   */
  async addEmployer(input: AddJobFairEmployerInput): Promise<JobFair> {
    const check = new InputCheck();
    const fairId = check.recordId(input.fairId, 'input.fairId', 'a job fair');
    const employerId = check.recordId(input.employerId, 'input.employerId', 'an employer');
    const postingIds = [...new Set(input.postingIds.map((value) => check.recordId(value, 'input.postingIds', 'a job posting')))];
    check.check(postingIds.length <= MAX_POSTINGS_PER_CALL, 'input.postingIds', `at most ${MAX_POSTINGS_PER_CALL} postings per call`);
    check.throwIfAny();
    return this.em.transactional(async (em) => {
      const fair = await this.requireFairInScope(em, fairId, 'input.fairId');
      if (fair.cancelledOn !== null) throw conflict('input.fairId', `the fair was cancelled on ${fair.cancelledOn}`);
      const employer = await em.findOne(Employer, employerId);
      if (!employer) throw notFound('employer', 'input.employerId');
      if (employer.closedOn !== null) throw conflict('input.employerId', `the employer closed on ${employer.closedOn}`);
      const postings = postingIds.length ? await em.find(JobPosting, { id: { $in: postingIds } }) : [];
      if (postings.length < postingIds.length) throw notFound('job posting', 'input.postingIds');
      const others = postings.filter((posting) => posting.employerId !== employerId);
      if (others.length) throw badInput('input.postingIds', `postings ${others.map((p) => p.id).join(', ')} are not this employer's`);
      const notOpen = postings.filter((posting) => !posting.openOn(fair.heldOn));
      if (notOpen.length) throw conflict('input.postingIds', `postings ${notOpen.map((p) => p.id).join(', ')} are not open on the fair day (${fair.heldOn})`);
      if (!(await em.count(JobFairEmployer, { fairId, employerId }))) {
        if ((await em.count(JobFairEmployer, { fairId })) >= MAX_FAIR_EMPLOYERS) throw conflict('input.fairId', `a fair takes at most ${MAX_FAIR_EMPLOYERS} employers`);
        em.create(JobFairEmployer, { fairId, employerId });
      }
      const already = new Set((await em.find(JobFairPosting, { fairId, postingId: { $in: postingIds } })).map((link) => link.postingId));
      const added = postingIds.filter((id) => !already.has(id));
      if (added.length && (await em.count(JobFairPosting, { fairId })) + added.length > MAX_FAIR_POSTINGS)
        throw conflict('input.postingIds', `a fair takes at most ${MAX_FAIR_POSTINGS} postings`);
      for (const postingId of added) em.create(JobFairPosting, { fairId, postingId });
      await em.flush();
      return fair;
    });
  }

  /** The employer leaves the fair with its postings; not once intentions were reached for them there. */
  async removeEmployer(input: RemoveJobFairEmployerInput): Promise<JobFair> {
    const check = new InputCheck();
    const fairId = check.recordId(input.fairId, 'input.fairId', 'a job fair');
    const employerId = check.recordId(input.employerId, 'input.employerId', 'an employer');
    check.throwIfAny();
    return this.em.transactional(async (em) => {
      const fair = await this.requireFairInScope(em, fairId, 'input.fairId');
      const link = await em.findOne(JobFairEmployer, { fairId, employerId });
      if (!link) throw notFound('employer at this fair', 'input.employerId');
      const postingIds = (await em.find(JobPosting, { employerId }, { fields: ['id'] })).map((posting) => posting.id);
      if (await em.count(JobFairIntention, { fairId, postingId: { $in: postingIds } })) throw conflict('input.employerId', 'intentions were reached for its postings at this fair');
      await em.nativeDelete(JobFairPosting, { fairId, postingId: { $in: postingIds } });
      em.remove(link);
      await em.flush();
      return fair;
    });
  }

  /** 入场人数, recorded (or corrected) once the fair has been held. */
  async recordAttendance(input: RecordJobFairAttendanceInput): Promise<JobFair> {
    const check = new InputCheck();
    const fairId = check.recordId(input.fairId, 'input.fairId', 'a job fair');
    check.integer(input.attendance, 'input.attendance', 0, MAX_ATTENDANCE).throwIfAny();
    return this.em.transactional(async (em) => {
      const fair = await this.requireFairInScope(em, fairId, 'input.fairId');
      if (fair.cancelledOn !== null) throw conflict('input.fairId', `the fair was cancelled on ${fair.cancelledOn}`);
      if (fair.heldOn > todayInChina()) throw conflict('input.fairId', `the fair is only held on ${fair.heldOn}`);
      fair.attendance = input.attendance;
      await em.flush();
      return fair;
    });
  }

  async byId(id: string): Promise<JobFair | null> {
    const rowId = parseRowId(id);
    return rowId === null ? null : this.em.findOne(JobFair, rowId);
  }

  /**
   * Rules: the fair has been held, the posting was open on the fair day and still has headcount
   * left (headcount minus intentions already reached), the worker is registered, and the same
   * intention is recorded once.
   */
  async recordIntention(input: RecordJobFairIntentionInput): Promise<JobFairIntention> {
    const check = new InputCheck();
    const fairId = check.recordId(input.fairId, 'input.fairId', 'a job fair');
    check.idNumber(input.idNumber, 'input.idNumber');
    const postingId = check.recordId(input.postingId, 'input.postingId', 'a job posting');
    if (input.reachedOn) check.notInFuture(input.reachedOn, 'input.reachedOn');
    check.throwIfAny();
    const recorded = this.em.transactional(async (em) => {
      const fair = await em.findOne(JobFair, fairId);
      if (!fair) throw notFound('job fair', 'input.fairId');
      // Locked: two intentions for the last free place must not both pass the headcount check.
      const posting = await em.findOne(JobPosting, postingId, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!posting) throw notFound('job posting', 'input.postingId');
      const worker = await requireRegisteredWorker(em, this.pseudonymKey, input.idNumber, 'input.idNumber', requireScope(this.inScope));
      if (fair.cancelledOn !== null) throw conflict('input.fairId', `the fair was cancelled on ${fair.cancelledOn}`);
      if (fair.heldOn > todayInChina()) throw conflict('input.fairId', `the fair is only held on ${fair.heldOn}`);
      const reachedOn = input.reachedOn ?? fair.heldOn;
      if (reachedOn < fair.heldOn) throw badInput('input.reachedOn', `must not be before the fair (${fair.heldOn})`);
      if (!posting.openOn(fair.heldOn)) {
        const closed = posting.closedOn === null ? '' : `, closed ${posting.closedOn}`;
        throw conflict('input.postingId', `the posting was not open on the day of the fair (open ${posting.openFrom} to ${posting.openUntil}${closed})`);
      }
      // A fair that lists the postings brought to it takes intentions for those only (fairs recorded before lists were kept take any open posting).
      if ((await em.count(JobFairPosting, { fairId })) && !(await em.count(JobFairPosting, { fairId, postingId }))) {
        throw conflict('input.postingId', 'the posting was not brought to this fair');
      }
      if (await em.count(JobFairIntention, { fairId, workerId: worker.id, postingId })) throw conflict('input.postingId', ALREADY_RECORDED);
      const taken = await em.count(JobFairIntention, { postingId });
      if (taken >= posting.headcount) throw conflict('input.postingId', `the posting's headcount (${posting.headcount}) is taken`);
      const intention = em.create(JobFairIntention, { fairId, workerId: worker.id, postingId, reachedOn });
      await em.flush();
      return intention;
    });
    return conflictOnUnique(recorded, 'input.postingId', ALREADY_RECORDED);
  }

  /** Fairs held in a division (by code prefix), by id (keyset pagination). */
  async list(args: { divisionCode?: string | null; online?: boolean | null; cancelled?: boolean | null; first: number; after?: string | null }): Promise<Page<JobFair>> {
    if (args.divisionCode) requireDivisionCode(args.divisionCode, 'divisionCode');
    const first = checkPageSize(args.first);
    const after = decodeIdCursor(args.after);
    const where: Record<string, unknown> = {};
    if (args.divisionCode) {
      const { from, to } = divisionCodeRange(args.divisionCode);
      where.divisionCode = { $gte: from, $lt: to };
    }
    if (args.online != null) where.online = args.online;
    if (args.cancelled != null) where.cancelledOn = args.cancelled ? { $ne: null } : null;
    const [rows, totalCount] = await Promise.all([
      this.em.find(JobFair, after === null ? where : { ...where, id: { $gt: after } }, { orderBy: { id: 'asc' }, limit: first + 1 }),
      this.em.count(JobFair, where),
    ]);
    return toPage(rows, first, totalCount, (f) => f.id);
  }
}

function forbiddenOutside(field: string, code: string, scope: ReferenceScope) {
  return forbidden(`${field}: ${code} lies outside your region ${scope.region}`, 'outside-region');
}
