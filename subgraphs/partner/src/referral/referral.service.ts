import type { EntityManager } from '@mikro-orm/postgresql';
import { addDays, InputProblems, notFound, requireIdNumber, todayInChina, workerPseudonym } from '@jiuye/common';
import { PartnerCity } from '../partner-city/partner-city.entity';
import { cleanText, hasLength, requireCityCode } from '../validation';
import { DEFAULT_REFERRAL_DAYS, MAX_REFERRAL_DAYS, TransferReferral } from './referral.entity';
import type { ReferForTransferInput } from './referral.inputs';

export class TransferReferralService {
  constructor(
    private readonly em: EntityManager,
    private readonly pseudonymKey: string,
  ) {}

  async refer(input: ReferForTransferInput, issuedBy: string): Promise<TransferReferral> {
    requireIdNumber(input.idNumber, 'input.idNumber');
    requireCityCode(input.cityCode, 'input.cityCode');
    const today = todayInChina();
    const validUntil = input.validUntil ?? addDays(today, DEFAULT_REFERRAL_DAYS);
    const note = cleanText(input.note);
    new InputProblems()
      .check(validUntil >= today, 'input.validUntil', 'must not be in the past')
      .check(validUntil <= addDays(today, MAX_REFERRAL_DAYS), 'input.validUntil', `must be within ${MAX_REFERRAL_DAYS} days`)
      .check(note === null || hasLength(note, 1, 200), 'input.note', 'a note is at most 200 characters')
      .throwIfAny();
    return this.em.transactional(async (em) => {
      if (!(await em.findOne(PartnerCity, { code: input.cityCode }))) throw notFound('partner city', 'input.cityCode');
      const referral = em.create(TransferReferral, {
        workerId: workerPseudonym(input.idNumber, this.pseudonymKey),
        idNumber: input.idNumber,
        cityCode: input.cityCode,
        validUntil,
        note,
        issuedBy,
      });
      await em.flush();
      return referral;
    });
  }

  /**
   * The oldest open referral of the worker to the city, locked in the caller's transaction (so
   * two transfers cannot use one referral), or null.
   */
  static async lockOpen(em: EntityManager, workerId: string, cityCode: string): Promise<number | null> {
    const [row] = await em.getConnection().execute<{ id: number }[]>(
      `select id from transfer_referral
        where worker_id = ? and city_code = ? and transfer_id is null and valid_until >= ?::date
        order by id limit 1 for update`,
      [workerId, cityCode, todayInChina()],
      'all',
      em.getTransactionContext(),
    );
    return row?.id ?? null;
  }

  static async markUsed(em: EntityManager, referralId: number, transferId: number): Promise<void> {
    await em.getConnection().execute('update transfer_referral set transfer_id = ? where id = ?', [transferId, referralId], 'run', em.getTransactionContext());
  }
}
