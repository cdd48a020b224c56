import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  badInput,
  checkPageSize,
  conflict,
  InputProblems,
  isMobileNumber,
  MOBILE_NUMBER_MESSAGE,
  notFound,
  requireIdNumber,
  todayInChina,
  toPage,
  workerPseudonym,
  LinkConfirmation,
  type Page,
} from '@jiuye/common';
import { FollowUpVisit } from '../follow-up/follow-up.entity';
import { followUpDueSql, type FollowUpDueFilter } from '../follow-up/follow-up.rhythm';
import { TransferBatch } from '../transfer-batch/transfer-batch.entity';
import { cleanText, hasLength, requireCityCode } from '../validation';
import { decodeIdCursor, isRowId, requireRowId } from '@jiuye/common';
import { TransferReferralService } from '../referral/referral.service';
import { requireTransferInScope, transferNeedsCountyOffice, type TransferScope } from '../access';
import { Transfer } from './transfer.entity';
import type { DecideTransferInput, EndTransferInput, RecordSelfOrganisedTransferInput, RecordTransferInput } from './transfer.inputs';
import { PartnerCity } from '../partner-city/partner-city.entity';
import type { CityPlace } from '../validation';

/** What a new transfer carries besides where it came from (a batch, or the worker's own way). */
export type TransferFacts = Pick<RecordTransferInput, 'idNumber' | 'startedOn'> & { phone: string | null; employerName: string; jobTitle: string; fareReimbursed: boolean };

/** The checks every new transfer passes, batch or none: all problems at once, naming the fields (a malformed ID number is thrown at once). */
export function checkTransferFacts(input: RecordTransferInput | RecordSelfOrganisedTransferInput, problems: InputProblems): TransferFacts {
  requireIdNumber(input.idNumber, 'input.idNumber');
  const phone = cleanText(input.phone);
  const employerName = cleanText(input.employerName);
  const jobTitle = cleanText(input.jobTitle);
  problems
    .check(phone === null || isMobileNumber(phone), 'input.phone', MOBILE_NUMBER_MESSAGE)
    .check(hasLength(employerName, 2, 100), 'input.employerName', 'give an employer name of 2 to 100 characters')
    .check(hasLength(jobTitle, 1, 60), 'input.jobTitle', 'give a job title of 1 to 60 characters')
    .check(input.startedOn <= todayInChina(), 'input.startedOn', 'must not be in the future: record a transfer once the worker has started');
  return { idNumber: input.idNumber, startedOn: input.startedOn, phone, employerName: employerName!, jobTitle: jobTitle!, fareReimbursed: input.fareReimbursed ?? false };
}

export const OPEN_TRANSFER = 'the worker already has an open transfer; end it (endTransfer) before recording a new one';
const OPEN_PENDING = "your city already recorded an open transfer of this ID number that awaits the county's confirmation";

/** Why a worker's own transfer (自发外出) cannot have started on that day in the city: before the pairing began. */
export function pairingRefusal(city: Pick<PartnerCity, 'pairedSince'>, startedOn: string): string | null {
  return startedOn < city.pairedSince ? `must not be before the pairing with this city began (${city.pairedSince})` : null;
}

/** 东西部协作 rules for transfers: one open transfer per worker, dates in order. */
export class TransferService {
  constructor(
    private readonly em: EntityManager,
    private readonly pseudonymKey: string,
  ) {}

  /**
   * `confirmed`: whether the county stands behind the new transfer (the caller is county staff of
   * the worker's region, or a partner city that already sees the worker through a confirmed
   * transfer). Otherwise an open referral of the worker to the city confirms it (and is used
   * up); without one the transfer is PENDING, and its checks look only at what the caller's
   * city itself recorded: whether the worker exists or is transferred elsewhere is not told.
   * `mayKnow` tells whether the caller may learn of a worker's open transfer (they may see it);
   * when not, the refusal is transferNeedsCountyOffice, which says nothing of it.
   */
  async record(input: RecordTransferInput, confirmed: boolean, mayKnow: (open: Transfer) => boolean | Promise<boolean>): Promise<Transfer> {
    const problems = new InputProblems().check(isRowId(input.batchId), 'input.batchId', 'not a transfer batch id');
    const facts = checkTransferFacts(input, problems);
    problems.throwIfAny();
    return this.em.transactional(async (em) => {
      const batch = await em.findOne(TransferBatch, { id: Number(input.batchId) });
      if (!batch) throw notFound('transfer batch', 'input.batchId');
      if (input.startedOn < batch.departedOn) throw badInput('input.startedOn', `must not be before the batch departed (${batch.departedOn})`);
      return this.insert(em, facts, { cityCode: batch.cityCode, batchId: batch.id, district: batch.destinationDistrict }, confirmed, mayKnow);
    });
  }

  /**
   * 自发外出 — a worker who went to the partner city on their own, without a batch: the same
   * checks and the same confirmation rule as a batch transfer (recordTransfer), the city (or
   * its district) named instead of the batch; the job must not start before the pairing began.
   */
  async recordSelfOrganised(
    input: RecordSelfOrganisedTransferInput,
    place: CityPlace,
    confirmed: boolean,
    mayKnow: (open: Transfer) => boolean | Promise<boolean>,
  ): Promise<Transfer> {
    const problems = new InputProblems();
    const facts = checkTransferFacts(input, problems);
    problems.throwIfAny();
    return this.em.transactional(async (em) => {
      const city = await em.findOne(PartnerCity, { code: place.city });
      if (!city) throw notFound('partner city', 'input.cityCode');
      const beforePairing = pairingRefusal(city, input.startedOn);
      if (beforePairing) throw badInput('input.startedOn', beforePairing);
      return this.insert(em, facts, { cityCode: city.code, batchId: null, district: place.district }, confirmed, mayKnow);
    });
  }

  /** The new transfer, in the caller's transaction: the referral, the one-open-transfer rule, the row. */
  private async insert(
    em: EntityManager,
    facts: TransferFacts,
    where: { cityCode: string; batchId: number | null; district: string | null },
    confirmed: boolean,
    mayKnow: (open: Transfer) => boolean | Promise<boolean>,
  ): Promise<Transfer> {
    const workerId = workerPseudonym(facts.idNumber, this.pseudonymKey);
    // Evidence the county issued first (a referral of this worker to this city) confirms the city's transfer at once.
    const referralId = confirmed ? null : await TransferReferralService.lockOpen(em, workerId, where.cityCode);
    const confirmation = confirmed || referralId !== null ? LinkConfirmation.CONFIRMED : LinkConfirmation.PENDING;
    if (confirmation === LinkConfirmation.CONFIRMED) {
      const open = await em.findOne(Transfer, { workerId, endedOn: null, confirmation: LinkConfirmation.CONFIRMED });
      if (open) throw (await mayKnow(open)) ? conflict('input.idNumber', OPEN_TRANSFER) : transferNeedsCountyOffice();
    } else if (await em.count(Transfer, { workerId, endedOn: null, cityCode: where.cityCode, confirmation: LinkConfirmation.PENDING })) {
      throw conflict('input.idNumber', OPEN_PENDING);
    }
    const transfer = em.create(Transfer, {
      batchId: where.batchId,
      workerId,
      idNumber: facts.idNumber,
      phone: facts.phone,
      cityCode: where.cityCode,
      destinationDistrict: where.district,
      employerName: facts.employerName,
      jobTitle: facts.jobTitle,
      startedOn: facts.startedOn,
      fareReimbursed: facts.fareReimbursed,
      confirmation,
    });
    try {
      await em.flush();
    } catch (error) {
      // A concurrent recordTransfer for the same worker won: the partial unique index says so.
      // Which city won is not said: the caller may not see it.
      if (error instanceof UniqueConstraintViolationException) throw transferNeedsCountyOffice();
      throw error;
    }
    if (referralId !== null) await TransferReferralService.markUsed(em, referralId, transfer.id);
    return transfer;
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
      const laterVisit = await em.findOne(FollowUpVisit, { transferId: transfer.id, stillEmployed: true, visitedOn: { $gt: input.endedOn } }, { orderBy: { visitedOn: 'desc' } });
      if (laterVisit) {
        throw badInput('input.endedOn', `a follow-up visit on ${laterVisit.visitedOn} found the worker still employed; the job cannot have ended before`);
      }
      transfer.endedOn = input.endedOn;
      transfer.endReason = reason;
      await em.flush();
      return transfer;
    });
  }

  /**
   * The county's decision on a pending transfer (hole 7): confirmed, it makes the worker visible
   * to the city and counts for the one-open-transfer rule; rejected, it stays the city's own row
   * and grants nothing. `staff` is the deciding account, kept as the evidence.
   */
  async decide(input: DecideTransferInput, decision: 'CONFIRMED' | 'REJECTED', staff: string): Promise<Transfer> {
    const reason = cleanText(input.reason);
    new InputProblems()
      .check(isRowId(input.transferId), 'input.transferId', 'not a transfer id')
      .check(
        decision === 'CONFIRMED' ? reason === null || hasLength(reason, 2, 200) : hasLength(reason, 2, 200),
        'input.reason',
        decision === 'CONFIRMED' ? 'a note is 2 to 200 characters' : 'give a reason of 2 to 200 characters',
      )
      .throwIfAny();
    try {
      return await this.em.transactional(async (em) => {
        const transfer = await em.findOne(Transfer, { id: Number(input.transferId) }, { lockMode: LockMode.PESSIMISTIC_WRITE });
        if (!transfer) throw notFound('transfer', 'input.transferId');
        if (transfer.confirmation !== LinkConfirmation.PENDING) {
          throw conflict('input.transferId', `the transfer is not pending: it was already ${transfer.confirmation === LinkConfirmation.CONFIRMED ? 'confirmed' : 'rejected'}`);
        }
        if (
          decision === 'CONFIRMED' &&
          transfer.endedOn === null &&
          (await em.count(Transfer, { workerId: transfer.workerId, endedOn: null, confirmation: LinkConfirmation.CONFIRMED }))
        ) {
          throw conflict('input.transferId', `${OPEN_TRANSFER.replace('recording', 'confirming')}, or reject this one`);
        }
        transfer.confirmation = decision;
        transfer.decidedBy = staff;
        transfer.decidedAt = new Date();
        transfer.decisionNote = reason;
        await em.flush();
        return transfer;
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw conflict('input.transferId', OPEN_TRANSFER);
      throw error;
    }
  }

  /** Transfers by id (keyset pagination), optionally of one city or batch, optionally only open ones or those whose follow-up is due. */
  async list(args: {
    cityCode?: string | null;
    batchId?: string | null;
    onlyActive?: boolean | null;
    followUpDue?: FollowUpDueFilter | null;
    confirmation?: LinkConfirmation | null;
    first: number;
    after?: string | null;
  }): Promise<Page<Transfer>> {
    if (args.cityCode != null) requireCityCode(args.cityCode, 'cityCode');
    const batchId = args.batchId != null ? requireRowId(args.batchId, 'batchId', 'transfer batch') : null;
    const first = checkPageSize(args.first);
    const after = decodeIdCursor(args.after);
    const where: Record<string, unknown> = {};
    if (args.cityCode != null) where.cityCode = args.cityCode;
    if (batchId !== null) where.batchId = batchId;
    if (args.onlyActive) where.endedOn = null;
    if (args.confirmation != null) where.confirmation = args.confirmation;
    const query = (conditions: Record<string, unknown>) => {
      const qb = this.em.createQueryBuilder(Transfer, 't').where(conditions);
      // Due or overdue by the follow-up rhythm (follow-up.rhythm.ts), over the whole list: one SQL condition, paged like the rest.
      return args.followUpDue != null ? qb.andWhere(followUpDueSql(args.followUpDue, 't'), [todayInChina()]) : qb;
    };
    const [rows, totalCount] = await Promise.all([
      query(after === null ? where : { ...where, id: { $gt: after } })
        .orderBy({ id: 'asc' })
        .limit(first + 1)
        .getResult(),
      query(where).getCount(),
    ]);
    return toPage(rows, first, totalCount, (t) => t.id);
  }
}
