import type { EntityManager } from '@mikro-orm/postgresql';
import { conflict } from '@jiuye/common';
import { requireRegisteredWorker, requireScope, type InScope } from '../worker/worker.service';
import { conflictOnUnique, InputCheck } from '../validation';
import { SubsidyPayment } from './subsidy.entity';
import type { RecordSubsidyPaymentInput } from './subsidy.inputs';

export const MAX_SUBSIDY_AMOUNT = 20_000;
const ONE_OFF_PAID = 'the one-off employment subsidy has already been paid to this worker';

export class SubsidyService {
  constructor(
    private readonly em: EntityManager,
    private readonly pseudonymKey: string,
    /** For writes about a worker: the caller's scope (hr's access.ts); see requireRegisteredWorker. */
    private readonly inScope?: InScope,
  ) {}

  /** Rules: registered worker; 1 to 20000 yuan; the one-off employment subsidy at most once per worker. */
  async record(input: RecordSubsidyPaymentInput): Promise<SubsidyPayment> {
    const check = new InputCheck();
    check.idNumber(input.idNumber, 'input.idNumber');
    check
      .check(
        Number.isInteger(input.amount) && input.amount >= 1 && input.amount <= MAX_SUBSIDY_AMOUNT,
        'input.amount',
        `an amount is a whole number of yuan from 1 to ${MAX_SUBSIDY_AMOUNT}`,
      )
      .notInFuture(input.paidOn, 'input.paidOn')
      .throwIfAny();
    const recorded = this.em.transactional(async (em) => {
      const worker = await requireRegisteredWorker(em, this.pseudonymKey, input.idNumber, 'input.idNumber', requireScope(this.inScope));
      if (input.kind === 'ONE_OFF_EMPLOYMENT' && (await em.count(SubsidyPayment, { workerId: worker.id, kind: 'ONE_OFF_EMPLOYMENT' }))) {
        throw conflict('input.kind', ONE_OFF_PAID);
      }
      const payment = em.create(SubsidyPayment, { workerId: worker.id, kind: input.kind, amount: input.amount, paidOn: input.paidOn });
      await em.flush();
      return payment;
    });
    return conflictOnUnique(recorded, 'input.kind', ONE_OFF_PAID);
  }
}
