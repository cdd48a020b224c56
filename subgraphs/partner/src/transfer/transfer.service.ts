import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  badInput,
  checkPageSize,
  conflict,
  InputProblems,
  notFound,
  requireIdNumber,
  todayInChina,
  toPage,
  workerPseudonym,
  type Page,
} from '@jiuye/common';
import { FollowUpVisit } from '../follow-up/follow-up.entity';
import { afterId } from '../paging';
import { TransferBatch } from '../transfer-batch/transfer-batch.entity';
import { cleanText, hasLength, MOBILE_PATTERN, requireCityCode } from '../validation';
import { isRowId, requireRowId } from '@jiuye/common';
import { requireTransferInScope, transferNeedsCountyOffice, type TransferScope } from '../access';
import { Transfer } from './transfer.entity';
import type { EndTransferInput, RecordTransferInput } from './transfer.inputs';

const OPEN_TRANSFER = 'the worker already has an open transfer; end it (endTransfer) before recording a new one';

/** 东西部协作 rules for transfers: one open transfer per worker, dates in order. */
export class TransferService {
  constructor(
    private readonly em: EntityManager,
    private readonly pseudonymKey: string,
  ) {}

  /**
   * `mayKnow` tells whether the caller may learn of a worker's open transfer (they may see it);
   * when not, the refusal is transferNeedsCountyOffice, which says nothing of it.
   */
  async record(input: RecordTransferInput, mayKnow: (open: Transfer) => boolean | Promise<boolean>): Promise<Transfer> {
    requireIdNumber(input.idNumber, 'input.idNumber');
    const phone = cleanText(input.phone);
    const employerName = cleanText(input.employerName);
    const jobTitle = cleanText(input.jobTitle);
    new InputProblems()
      .check(isRowId(input.batchId), 'input.batchId', 'not a transfer batch id')
      .check(phone === null || MOBILE_PATTERN.test(phone), 'input.phone', 'a mobile number is 11 digits starting with 1')
      .check(hasLength(employerName, 2, 100), 'input.employerName', 'give an employer name of 2 to 100 characters')
      .check(hasLength(jobTitle, 1, 60), 'input.jobTitle', 'give a job title of 1 to 60 characters')
      .check(input.startedOn <= todayInChina(), 'input.startedOn', 'must not be in the future: record a transfer once the worker has started')
      .throwIfAny();
    const workerId = workerPseudonym(input.idNumber, this.pseudonymKey);
    return this.em.transactional(async (em) => {
      const batch = await em.findOne(TransferBatch, { id: Number(input.batchId) });
      if (!batch) throw notFound('transfer batch', 'input.batchId');
      if (input.startedOn < batch.departedOn) throw badInput('input.startedOn', `must not be before the batch departed (${batch.departedOn})`);
      const open = await em.findOne(Transfer, { workerId, endedOn: null });
      if (open) throw (await mayKnow(open)) ? conflict('input.idNumber', OPEN_TRANSFER) : transferNeedsCountyOffice();
      const transfer = em.create(Transfer, {
        batchId: batch.id,
        workerId,
        idNumber: input.idNumber,
        phone,
        cityCode: batch.cityCode,
        employerName: employerName!,
        jobTitle: jobTitle!,
        startedOn: input.startedOn,
        fareReimbursed: input.fareReimbursed,
      });
      try {
        await em.flush();
      } catch (error) {
        // A concurrent recordTransfer for the same worker won: the partial unique index says so.
        // Which city won is not said: the caller may not see it.
        if (error instanceof UniqueConstraintViolationException) throw transferNeedsCountyOffice();
        throw error;
      }
      return transfer;
    });
  }

  async end(input: EndTransferInput, inScope: TransferScope): Promise<Transfer> {
    const reason = cleanText(input.reason);
    new InputProblems()
      .check(isRowId(input.transferId), 'input.transferId', 'not a transfer id')
      .check(input.endedOn <= todayInChina(), 'input.endedOn', 'must not be in the future')
      .check(hasLength(reason, 2, 200), 'input.reason', 'give a reason of 2 to 200 characters')
      .throwIfAny();
    return this.em.transactional(async (em) => {
      const found = await em.findOne(Transfer, { id: Number(input.transferId) }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      const transfer = await requireTransferInScope(found, inScope);
      if (transfer.endedOn !== null) throw conflict('input.transferId', `the transfer already ended on ${transfer.endedOn}`);
      if (input.endedOn < transfer.startedOn) throw badInput('input.endedOn', `must not be before the worker started (${transfer.startedOn})`);
      const laterVisit = await em.findOne(
        FollowUpVisit,
        { transferId: transfer.id, stillEmployed: true, visitedOn: { $gt: input.endedOn } },
        { orderBy: { visitedOn: 'desc' } },
      );
      if (laterVisit) {
        throw badInput('input.endedOn', `a follow-up visit on ${laterVisit.visitedOn} found the worker still employed; the job cannot have ended before`);
      }
      transfer.endedOn = input.endedOn;
      transfer.endReason = reason;
      await em.flush();
      return transfer;
    });
  }

  /** Transfers by id (keyset pagination), optionally of one city or batch, optionally only open ones. */
  async list(args: { cityCode?: string | null; batchId?: string | null; onlyActive?: boolean | null; first: number; after?: string | null }): Promise<Page<Transfer>> {
    if (args.cityCode != null) requireCityCode(args.cityCode, 'cityCode');
    const batchId = args.batchId != null ? requireRowId(args.batchId, 'batchId', 'transfer batch') : null;
    const first = checkPageSize(args.first);
    const after = afterId(args.after);
    const where: Record<string, unknown> = {};
    if (args.cityCode != null) where.cityCode = args.cityCode;
    if (batchId !== null) where.batchId = batchId;
    if (args.onlyActive) where.endedOn = null;
    const [rows, totalCount] = await Promise.all([
      this.em.find(Transfer, after === null ? where : { ...where, id: { $gt: after } }, { orderBy: { id: 'asc' }, limit: first + 1 }),
      this.em.count(Transfer, where),
    ]);
    return toPage(rows, first, totalCount, (t) => t.id);
  }
}
