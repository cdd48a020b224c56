import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, checkPageSize, conflict, decodeIdCursor, divisionCodeRange, notFound, type Page, requireDivisionCode, todayInChina, toPage } from '@jiuye/common';
import { JobPosting } from '../job-posting/job-posting.entity';
import { requireRegisteredWorker, requireScope, type InScope } from '../worker/worker.service';
import { conflictOnUnique, InputCheck } from '../validation';
import { JobFair, JobFairIntention } from './job-fair.entity';
import type { RecordJobFairIntentionInput } from './job-fair.inputs';

const ALREADY_RECORDED = 'this intention is already recorded for this fair';

export class JobFairService {
  constructor(
    private readonly em: EntityManager,
    private readonly pseudonymKey: string,
    /** For writes about a worker: the caller's scope (hr's access.ts); see requireRegisteredWorker. */
    private readonly inScope?: InScope,
  ) {}

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
      if (fair.heldOn > todayInChina()) throw conflict('input.fairId', `the fair is only held on ${fair.heldOn}`);
      const reachedOn = input.reachedOn ?? fair.heldOn;
      if (reachedOn < fair.heldOn) throw badInput('input.reachedOn', `must not be before the fair (${fair.heldOn})`);
      if (posting.openFrom > fair.heldOn || posting.openUntil < fair.heldOn) {
        throw conflict('input.postingId', `the posting was not open on the day of the fair (open ${posting.openFrom} to ${posting.openUntil})`);
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
  async list(args: { divisionCode?: string | null; online?: boolean | null; first: number; after?: string | null }): Promise<Page<JobFair>> {
    if (args.divisionCode) requireDivisionCode(args.divisionCode, 'divisionCode');
    const first = checkPageSize(args.first);
    const after = decodeIdCursor(args.after);
    const where: Record<string, unknown> = {};
    if (args.divisionCode) {
      const { from, to } = divisionCodeRange(args.divisionCode);
      where.divisionCode = { $gte: from, $lt: to };
    }
    if (args.online != null) where.online = args.online;
    const [rows, totalCount] = await Promise.all([
      this.em.find(JobFair, after === null ? where : { ...where, id: { $gt: after } }, { orderBy: { id: 'asc' }, limit: first + 1 }),
      this.em.count(JobFair, where),
    ]);
    return toPage(rows, first, totalCount, (f) => f.id);
  }
}
