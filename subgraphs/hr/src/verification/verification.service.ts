import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, forbidden, todayInChina } from '@jiuye/common';
import type { WorkerRecord } from '../worker/worker.entity';
import { requireRegisteredWorker, requireScope, type InScope } from '../worker/worker.service';
import { InputCheck } from '../validation';
import { NOTE_LENGTH, RecordVerification, VERIFIED_BY_LENGTH } from './verification.entity';
import type { RecordVerificationInput } from './verification.inputs';

export const DEFAULT_VERIFICATIONS = 12;
export const MAX_VERIFICATIONS = 100;

/** Worker.verifications(first): 1 to 100 (null means the default, a year of monthly checks). */
export function checkVerificationCount(first: number | null | undefined): number {
  const count = first ?? DEFAULT_VERIFICATIONS;
  if (!Number.isInteger(count) || count < 1 || count > MAX_VERIFICATIONS) throw badInput('first', `from 1 to ${MAX_VERIFICATIONS}`, 'PAGE_SIZE');
  return count;
}

/** The latest `first` verifications of one worker (a loader key). */
export interface VerificationsKey {
  workerId: string;
  first: number;
}

/** 人社 rules for the monthly verification of registry records (月动态核实). */
export class VerificationService {
  constructor(
    private readonly em: EntityManager,
    private readonly pseudonymKey: string,
    /** For writes about a worker: the caller's scope (hr's access.ts); see requireRegisteredWorker. */
    private readonly inScope?: InScope,
  ) {}

  /**
   * Rules: a registered worker; the day defaults to today (China time), is not in the future and
   * not before the month the worker was registered; a note of at most 500 characters. One
   * transaction: the new row, and the worker's verified_on moved forward to the day (never back).
   * Another verification in the same month is allowed: it is a new row.
   */
  async record(input: RecordVerificationInput, verifiedBy: string): Promise<{ verification: RecordVerification; worker: WorkerRecord }> {
    const check = new InputCheck();
    check.idNumber(input.idNumber, 'input.idNumber');
    const verifiedOn = input.verifiedOn ?? todayInChina();
    check.notInFuture(verifiedOn, 'input.verifiedOn');
    const note = (input.note ?? '').trim();
    // Characters as PostgreSQL counts them (code points), not UTF-16 units.
    check.check([...note].length <= NOTE_LENGTH, 'input.note', `give at most ${NOTE_LENGTH} characters`);
    check.throwIfAny();
    if (verifiedBy.length > VERIFIED_BY_LENGTH) {
      throw forbidden(`this staff account's id is longer than ${VERIFIED_BY_LENGTH} characters and cannot be recorded as the verifier`, 'subject-too-long');
    }
    return this.em.transactional(async (em) => {
      const worker = await requireRegisteredWorker(em, this.pseudonymKey, input.idNumber, 'input.idNumber', requireScope(this.inScope));
      const registeredMonth = todayInChina(worker.registeredAt).slice(0, 7);
      if (verifiedOn.slice(0, 7) < registeredMonth) {
        throw badInput('input.verifiedOn', `must not be before the month the worker was registered (${registeredMonth})`, 'BEFORE_REGISTRATION');
      }
      const verification = em.create(RecordVerification, { workerId: worker.id, verifiedOn, verifiedBy, outcome: input.outcome, note: note || null });
      if (worker.verifiedOn === null || worker.verifiedOn < verifiedOn) worker.verifiedOn = verifiedOn;
      await em.flush();
      return { verification, worker };
    });
  }

  /**
   * The latest verifications of many workers, newest first: one statement per distinct `first`
   * (a lateral join that walks each worker's (worker_id, verified_on) index and stops at `first`).
   */
  async latest(keys: readonly VerificationsKey[]): Promise<{ key: VerificationsKey; verification: RecordVerification }[]> {
    const byFirst = new Map<number, VerificationsKey[]>();
    for (const key of keys) byFirst.set(key.first, [...(byFirst.get(key.first) ?? []), key]);
    const connection = this.em.getConnection();
    const groups = await Promise.all(
      [...byFirst].map(async ([first, group]) => {
        const workerIds = [...new Set(group.map((key) => key.workerId))];
        const rows = await connection.execute<Record<string, unknown>[]>(
          'select w.id as for_worker, v.* from json_array_elements_text(?::json) as w(id) cross join lateral ' +
            '(select * from record_verification v where v.worker_id = w.id order by v.verified_on desc, v.id desc limit ?) v',
          [JSON.stringify(workerIds), first],
        );
        const byWorker = new Map<string, RecordVerification[]>();
        for (const { for_worker: workerId, ...columns } of rows) {
          const list = byWorker.get(workerId as string) ?? [];
          list.push(this.em.map(RecordVerification, columns));
          byWorker.set(workerId as string, list);
        }
        return group.flatMap((key) => (byWorker.get(key.workerId) ?? []).map((verification) => ({ key, verification })));
      }),
    );
    return groups.flat();
  }
}
