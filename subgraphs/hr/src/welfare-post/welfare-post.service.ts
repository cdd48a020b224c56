import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  ageOn,
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
  toPage,
  WelfarePostKindVocabulary,
  type WelfarePostKind,
  refuseClearing,
} from '@jiuye/common';
import type { ReferenceScope } from '../access';
import { DivisionRecord } from '../division/division.entity';
import { Employment } from '../employment/employment.entity';
import { closeEmployment, openEmployment } from '../employment/employment.service';
import { requireRecordInScope, requireRegisteredWorker, requireScope, type InScope } from '../worker/worker.service';
import { InputCheck, requireKnownDivision } from '../validation';
import { DEFAULT_MAX_HOLDER_AGE, MAX_HOLDER_AGE_LIMIT, MIN_HOLDER_AGE, WelfarePost, WelfarePostAssignment, type WelfarePostFunding } from './welfare-post.entity';
import type { AssignWelfarePostInput, CloseWelfarePostInput, CreateWelfarePostInput, ReleaseWelfarePostInput, UpdateWelfarePostInput } from './welfare-post.inputs';

const POST_HELD = 'the post is held; release it first';
const HOLDS_A_POST = 'the worker already holds a public-welfare post (one post per person)';
const MONTHLY_ALLOWANCE = { min: 100, max: 5_000 };
const DEFAULT_RELEASE_REASON = '聘期届满';

/** 人社 rules for public-welfare posts (公益性岗位): the floor for workers who cannot leave home. */
export class WelfarePostService {
  constructor(
    private readonly em: EntityManager,
    private readonly pseudonymKey: string,
    /** For writes about a worker: the caller's scope (hr's access.ts); see requireRegisteredWorker. */
    private readonly inScope?: InScope,
    /** For writes about the post itself: the officer's region (authorizeReferenceWrite). */
    private readonly scope?: ReferenceScope,
  ) {}

  private requireReferenceScope(): ReferenceScope {
    if (!this.scope) throw new Error('a welfare-post write needs the officer scope (authorizeReferenceWrite)');
    return this.scope;
  }

  /** The post, locked, if its village lies in the officer's region: NOT_FOUND naming the field otherwise (one statement either way). */
  private async requirePostInScope(em: EntityManager, id: number, field: string): Promise<WelfarePost> {
    const post = await em.findOne(WelfarePost, id, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!post || !this.requireReferenceScope().covers(post.villageCode)) throw notFound('welfare post', field);
    return post;
  }

  /**
   * 开发公益性岗位. Rules: a catalogued village of the region; title (or the village name and
   * kind), agency, managing department within their lengths; 100–5,000 yuan a month; opened
   * not after today; oldest starting age of a holder 60 to 65.
   */
  async create(input: CreateWelfarePostInput): Promise<WelfarePost> {
    const scope = this.requireReferenceScope();
    const check = new InputCheck();
    check.divisionCode(input.villageCode, 'input.villageCode', ['VILLAGE']);
    const title = check.optionalText(input.title, 'input.title', 2, 100);
    const terms = this.checkTerms(check, input);
    check.notInFuture(input.openedOn, 'input.openedOn').throwIfAny();
    if (!scope.covers(input.villageCode)) throw forbidden(`input.villageCode: ${input.villageCode} lies outside your region ${scope.region}`, 'outside-region');
    return this.em.transactional(async (em) => {
      const village = await requireKnownDivision(em, input.villageCode, 'input.villageCode');
      const post = em.create(WelfarePost, {
        kind: input.kind,
        villageCode: input.villageCode,
        title: title ?? `${village.name}${WelfarePostKindVocabulary.labels[input.kind]}`.slice(0, 100),
        openedOn: input.openedOn,
        ...terms,
        agency: terms.agency ?? null,
        managingDepartment: terms.managingDepartment!,
        fundingSource: terms.fundingSource!,
        annualAllowance: terms.annualAllowance!,
        maxHolderAge: terms.maxHolderAge ?? DEFAULT_MAX_HOLDER_AGE,
      });
      await em.flush();
      return post;
    });
  }

  /** Changes what is given of an open post. */
  async update(input: UpdateWelfarePostInput): Promise<WelfarePost> {
    const check = new InputCheck();
    const id = check.recordId(input.id, 'input.id', 'a welfare post');
    const title = input.title == null ? undefined : check.text(input.title, 'input.title', 2, 100);
    const terms = this.checkTerms(check, input);
    // null clears the agency (用岗单位, optional); left out, it stays.
    const cleared = input.agency === null ? { agency: null } : {};
    refuseClearing(check, input, ['title', 'managingDepartment', 'fundingSource', 'monthlyAllowance', 'maxHolderAge']);
    check.throwIfAny();
    return this.em.transactional(async (em) => {
      const post = await this.requirePostInScope(em, id, 'input.id');
      if (post.closedOn !== null) throw conflict('input.id', `the post was closed on ${post.closedOn}`);
      const changes = { ...Object.fromEntries(Object.entries({ title, ...terms }).filter(([, value]) => value !== undefined)), ...cleared };
      em.assign(post, changes);
      await em.flush();
      return post;
    });
  }

  /** 撤岗: a vacant post closes, on or after the day its last holder left. */
  async close(input: CloseWelfarePostInput): Promise<WelfarePost> {
    const check = new InputCheck();
    const id = check.recordId(input.id, 'input.id', 'a welfare post');
    const reason = check.text(input.reason, 'input.reason', 2, 200);
    check.notInFuture(input.closedOn, 'input.closedOn').throwIfAny();
    return this.em.transactional(async (em) => {
      const post = await this.requirePostInScope(em, id, 'input.id');
      if (post.closedOn !== null) throw conflict('input.id', `the post was already closed on ${post.closedOn}`);
      if (await em.count(WelfarePostAssignment, { postId: id, endsOn: null })) throw conflict('input.id', POST_HELD);
      if (post.openedOn !== null && input.closedOn < post.openedOn) throw badInput('input.closedOn', `must not be before it opened (${post.openedOn})`);
      const [last] = await em.find(WelfarePostAssignment, { postId: id }, { orderBy: { endsOn: 'desc' }, limit: 1 });
      if (last?.endsOn && input.closedOn < last.endsOn) throw badInput('input.closedOn', `must not be before its last holder left (${last.endsOn})`);
      em.assign(post, { closedOn: input.closedOn, closeReason: reason });
      await em.flush();
      return post;
    });
  }

  /** The optional terms of a post, checked; undefined where left out. */
  private checkTerms(
    check: InputCheck,
    input: {
      agency?: string | null;
      managingDepartment?: string | null;
      fundingSource?: WelfarePostFunding | null;
      monthlyAllowance?: number | null;
      maxHolderAge?: number | null;
    },
  ) {
    if (input.monthlyAllowance != null) check.integer(input.monthlyAllowance, 'input.monthlyAllowance', MONTHLY_ALLOWANCE.min, MONTHLY_ALLOWANCE.max);
    if (input.maxHolderAge != null) check.integer(input.maxHolderAge, 'input.maxHolderAge', DEFAULT_MAX_HOLDER_AGE, MAX_HOLDER_AGE_LIMIT);
    return {
      agency: input.agency == null ? undefined : check.optionalText(input.agency, 'input.agency', 2, 100),
      managingDepartment: input.managingDepartment == null ? undefined : check.text(input.managingDepartment, 'input.managingDepartment', 2, 50),
      fundingSource: input.fundingSource ?? undefined,
      annualAllowance: input.monthlyAllowance == null ? undefined : input.monthlyAllowance * 12,
      maxHolderAge: input.maxHolderAge ?? undefined,
    };
  }

  async byId(id: string): Promise<WelfarePost | null> {
    const rowId = parseRowId(id);
    return rowId === null ? null : this.em.findOne(WelfarePost, rowId);
  }

  /**
   * Rules: the post is open (not closed, opened by the start) and vacant; the worker lives in
   * the post's village, is 16 or older and not older than the post's oldest starting age
   * (60, or up to 65 where the county allows) on the first day, holds no other post and has no
   * open employment. Opens the matching PUBLIC_WELFARE_POST employment (in township, the monthly
   * share of the annual allowance) in the same transaction, so the worker becomes EMPLOYED.
   */
  async assign(input: AssignWelfarePostInput): Promise<WelfarePostAssignment> {
    const check = new InputCheck();
    const postId = check.recordId(input.postId, 'input.postId', 'a welfare post');
    check.idNumber(input.idNumber, 'input.idNumber');
    check.notInFuture(input.startsOn, 'input.startsOn').throwIfAny();
    const assigned = this.em.transactional(async (em) => {
      const post = await em.findOne(WelfarePost, postId, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!post) throw notFound('welfare post', 'input.postId');
      if (post.closedOn !== null) throw conflict('input.postId', `the post was closed on ${post.closedOn}`);
      if (post.openedOn !== null && input.startsOn < post.openedOn) throw badInput('input.startsOn', `must not be before the post opened (${post.openedOn})`);
      if (await em.count(WelfarePostAssignment, { postId, endsOn: null })) throw conflict('input.postId', POST_HELD);
      const worker = await requireRegisteredWorker(em, this.pseudonymKey, input.idNumber, 'input.idNumber', requireScope(this.inScope));
      if (worker.villageCode !== post.villageCode) throw conflict('input.idNumber', 'a public-welfare post goes to a resident of its own village');
      const age = ageOn(worker.birthDate, input.startsOn);
      if (age < MIN_HOLDER_AGE || age > post.maxHolderAge) throw conflict('input.idNumber', `a holder of this post starts aged ${MIN_HOLDER_AGE} to ${post.maxHolderAge}`);
      if (await em.count(WelfarePostAssignment, { workerId: worker.id, endsOn: null })) throw conflict('input.idNumber', HOLDS_A_POST);
      const village = await em.findOne(DivisionRecord, { code: post.villageCode });
      const villageName = village?.name ?? post.villageCode;
      const employment = await openEmployment(
        em,
        worker,
        {
          kind: 'PUBLIC_WELFARE_POST',
          place: 'IN_TOWNSHIP',
          employerId: null,
          employerName: `${villageName}（${post.title}）`.slice(0, 100),
          location: villageName,
          startsOn: input.startsOn,
          monthlyWage: Math.round(post.annualAllowance / 12),
        },
        'input.idNumber',
      );
      await em.flush();
      const assignment = em.create(WelfarePostAssignment, { postId, workerId: worker.id, employmentId: employment.id, startsOn: input.startsOn });
      await em.flush();
      return assignment;
    });
    try {
      return await assigned;
    } catch (error) {
      // A race lost at commit: the index says which rule the other clerk's write took first.
      if (error instanceof UniqueConstraintViolationException) {
        throw String(error.message).includes('one_post_per_worker') ? conflict('input.idNumber', HOLDS_A_POST) : conflict('input.postId', POST_HELD);
      }
      throw error;
    }
  }

  /** Ends the holding and its employment together; the post becomes vacant. */
  async release(input: ReleaseWelfarePostInput): Promise<WelfarePostAssignment> {
    const check = new InputCheck();
    const id = check.recordId(input.assignmentId, 'input.assignmentId', 'a welfare post assignment');
    const reason = input.reason == null ? DEFAULT_RELEASE_REASON : check.text(input.reason, 'input.reason', 2, 200);
    check.notInFuture(input.endsOn, 'input.endsOn').throwIfAny();
    return this.em.transactional(async (em) => {
      const found = await em.findOne(WelfarePostAssignment, id, { lockMode: LockMode.PESSIMISTIC_WRITE });
      const assignment = await requireRecordInScope(found, requireScope(this.inScope), 'welfare post assignment', 'input.assignmentId');
      if (assignment.endsOn !== null) throw conflict('input.assignmentId', `the assignment already ended on ${assignment.endsOn}`);
      if (input.endsOn < assignment.startsOn) throw badInput('input.endsOn', `must not be before the start (${assignment.startsOn})`);
      assignment.endsOn = input.endsOn;
      const employment = assignment.employmentId === null ? null : await em.findOne(Employment, assignment.employmentId, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (employment && employment.endsOn === null) await closeEmployment(em, employment, input.endsOn, reason);
      await em.flush();
      return assignment;
    });
  }

  /** Posts in a division (villages by code prefix), by id (keyset pagination). */
  async list(args: {
    divisionCode: string;
    vacantOnly?: boolean | null;
    kind?: WelfarePostKind | null;
    open?: boolean | null;
    fundingSource?: WelfarePostFunding | null;
    first: number;
    after?: string | null;
  }): Promise<Page<WelfarePost>> {
    requireDivisionCode(args.divisionCode, 'divisionCode');
    const first = checkPageSize(args.first);
    const after = decodeIdCursor(args.after);
    const { from, to } = divisionCodeRange(args.divisionCode);
    const where: Record<string, unknown> = { villageCode: { $gte: from, $lt: to } };
    if (args.kind) where.kind = args.kind;
    if (args.fundingSource) where.fundingSource = args.fundingSource;
    if (args.open != null) where.closedOn = args.open ? null : { $ne: null };
    if (args.vacantOnly) {
      // Vacant: open and held by nobody (a closed post takes no holder).
      where.closedOn = null;
      const held = this.em.createQueryBuilder(WelfarePostAssignment, 'a').select('a.postId').where({ endsOn: null });
      where.id = { $nin: held.getKnexQuery() };
    }
    const [rows, totalCount] = await Promise.all([
      this.em.find(WelfarePost, after === null ? where : { $and: [where, { id: { $gt: after } }] }, { orderBy: { id: 'asc' }, limit: first + 1 }),
      this.em.count(WelfarePost, where),
    ]);
    return toPage(rows, first, totalCount, (p) => p.id);
  }

  /** Every post in each of many divisions (by code prefix), in one statement. */
  async inDivisions(codes: readonly string[]): Promise<{ divisionCode: string; post: WelfarePost }[]> {
    const divisions = JSON.stringify(codes.map((code) => ({ code, ...divisionCodeRange(code) })));
    const rows = await this.em
      .getConnection()
      .execute<Record<string, unknown>[]>(
        `select d.code as division_key, p.* from json_to_recordset(?::json) as d(code text, "from" text, "to" text) ` +
          `join welfare_post p on p.village_code >= d."from" and p.village_code < d."to" order by p.village_code, p.id`,
        [divisions],
      );
    return rows.map(({ division_key, ...columns }) => ({ divisionCode: division_key as string, post: this.em.map(WelfarePost, columns) }));
  }
}
