import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, checkPageSize, conflict, decodeIdCursor, divisionCodeRange, notFound, type Page, requireDivisionCode, toPage, type WelfarePostKind } from '@jiuye/common';
import { DivisionRecord } from '../division/division.entity';
import { Employment } from '../employment/employment.entity';
import { closeEmployment, openEmployment } from '../employment/employment.service';
import { requireRecordInScope, requireRegisteredWorker, requireScope, type InScope } from '../worker/worker.service';
import { conflictOnUnique, InputCheck } from '../validation';
import { WelfarePost, WelfarePostAssignment } from './welfare-post.entity';
import type { AssignWelfarePostInput, ReleaseWelfarePostInput } from './welfare-post.inputs';

const POST_HELD = 'the post is held; release it first';
const DEFAULT_RELEASE_REASON = '聘期届满';

/** 人社 rules for public-welfare posts (公益性岗位): the floor for workers who cannot leave home. */
export class WelfarePostService {
  constructor(
    private readonly em: EntityManager,
    private readonly pseudonymKey: string,
    /** For writes about a worker: the caller's scope (hr's access.ts); see requireRegisteredWorker. */
    private readonly inScope?: InScope,
  ) {}

  /**
   * Rules: the post is vacant, the worker lives in the post's village and has no open
   * employment. Opens the matching PUBLIC_WELFARE_POST employment (in township, the monthly
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
      if (await em.count(WelfarePostAssignment, { postId, endsOn: null })) throw conflict('input.postId', POST_HELD);
      const worker = await requireRegisteredWorker(em, this.pseudonymKey, input.idNumber, 'input.idNumber', requireScope(this.inScope));
      if (worker.villageCode !== post.villageCode) throw conflict('input.idNumber', 'a public-welfare post goes to a resident of its own village');
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
    return conflictOnUnique(assigned, 'input.postId', POST_HELD);
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
  async list(args: { divisionCode: string; vacantOnly?: boolean | null; kind?: WelfarePostKind | null; first: number; after?: string | null }): Promise<Page<WelfarePost>> {
    requireDivisionCode(args.divisionCode, 'divisionCode');
    const first = checkPageSize(args.first);
    const after = decodeIdCursor(args.after);
    const { from, to } = divisionCodeRange(args.divisionCode);
    const where: Record<string, unknown> = { villageCode: { $gte: from, $lt: to } };
    if (args.kind) where.kind = args.kind;
    if (args.vacantOnly) {
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
