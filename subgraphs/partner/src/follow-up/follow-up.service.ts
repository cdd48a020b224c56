import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { conflict, InputProblems, todayInChina } from '@jiuye/common';
import { ContactAttempt, REACHED_OUTCOMES } from '../contact-attempt/contact-attempt.entity';
import { checkAttempt, checkAttemptAfterStart } from '../contact-attempt/contact-attempt.service';
import { Transfer } from '../transfer/transfer.entity';
import { chinaDay, cleanText, isWage, MAX_MONTHLY_WAGE, MAX_NOTE_LENGTH } from '../validation';
import { isRowId } from '@jiuye/common';
import { requireTransferInScope, type TransferScope } from '../access';
import { FollowUpVisit } from './follow-up.entity';
import type { RecordFollowUpVisitInput } from './follow-up.inputs';

export const ENDED_AT_VISIT = '跟踪回访：已不在岗';

export class FollowUpService {
  constructor(private readonly em: EntityManager) {}

  /** The visit, its attempts and (when the worker left) the end of the transfer: all or nothing. */
  async record(input: RecordFollowUpVisitInput, inScope: TransferScope): Promise<FollowUpVisit> {
    const note = cleanText(input.note);
    const attempts = input.contactAttempts ?? [];
    const problems = new InputProblems()
      .check(isRowId(input.transferId), 'input.transferId', 'not a transfer id')
      .check(input.visitedOn <= todayInChina(), 'input.visitedOn', 'must not be in the future')
      .check(input.monthlyWage == null || isWage(input.monthlyWage), 'input.monthlyWage', `a monthly wage is a whole number of yuan from 1 to ${MAX_MONTHLY_WAGE}`)
      .check(input.monthlyWage == null || !isWage(input.monthlyWage) || input.stillEmployed, 'input.monthlyWage', 'a wage is only recorded when the worker is still employed')
      .check((note?.length ?? 0) <= MAX_NOTE_LENGTH, 'input.note', `a note has at most ${MAX_NOTE_LENGTH} characters`);
    attempts.forEach((attempt, i) => {
      const field = `input.contactAttempts[${i}]`;
      checkAttempt(problems, attempt, field);
      problems.check(chinaDay(attempt.attemptedAt) <= input.visitedOn, `${field}.attemptedAt`, 'must not be after the day of the visit');
    });
    if (attempts.length > 0) {
      const reached = attempts.filter((a) => REACHED_OUTCOMES.includes(a.outcome)).sort((a, b) => a.attemptedAt.getTime() - b.attemptedAt.getTime());
      const last = reached[reached.length - 1];
      problems
        .check(last !== undefined, 'input.contactAttempts', 'no attempt reached the worker: record failed attempts with recordContactAttempt, a visit records what the worker said')
        .check(
          last === undefined || (last.outcome === 'REACHED_WORKING') === input.stillEmployed,
          'input.stillEmployed',
          'contradicts the outcome of the last attempt that reached the worker',
        );
    }
    problems.throwIfAny();

    return this.em.transactional(async (em) => {
      const found = await em.findOne(Transfer, { id: Number(input.transferId) }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      const transfer = await requireTransferInScope(found, inScope);
      const related = new InputProblems().check(
        input.visitedOn >= transfer.startedOn,
        'input.visitedOn',
        `must not be before the worker started in the job (${transfer.startedOn})`,
      );
      attempts.forEach((attempt, i) => checkAttemptAfterStart(related, attempt, `input.contactAttempts[${i}]`, transfer));
      related.throwIfAny();
      if (input.stillEmployed && transfer.endedOn !== null && input.visitedOn > transfer.endedOn) {
        throw conflict('input.stillEmployed', `the transfer ended on ${transfer.endedOn}; a new job in the city is a new transfer`);
      }

      const visit = em.create(FollowUpVisit, {
        transferId: transfer.id,
        visitedOn: input.visitedOn,
        stillEmployed: input.stillEmployed,
        monthlyWage: input.monthlyWage ?? null,
        rightsCase: input.rightsCase,
        note,
      });
      // Not columns (formulas the loaders select): whom the visit is about, for access control.
      visit.workerId = transfer.workerId;
      visit.cityCode = transfer.cityCode;
      await em.flush(); // the attempts need the visit's id
      for (const attempt of attempts) {
        em.create(ContactAttempt, {
          transferId: transfer.id,
          followUpVisitId: visit.id,
          workerId: transfer.workerId,
          attemptedAt: attempt.attemptedAt,
          channel: attempt.channel,
          outcome: attempt.outcome,
          note: cleanText(attempt.note),
        });
      }
      if (!input.stillEmployed && transfer.endedOn === null) {
        transfer.endedOn = input.visitedOn;
        transfer.endReason = ENDED_AT_VISIT;
      }
      await em.flush();
      return visit;
    });
  }
}
