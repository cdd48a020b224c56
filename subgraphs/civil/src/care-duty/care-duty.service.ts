import type { RowScope } from '../access';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, conflict, notFound, requireIdNumber, requireRowId, workerPseudonym } from '@jiuye/common';
import { CareDuty } from './care-duty.entity';
import type { AddCareDutyInput, EndCareDutyInput } from './care-duty.inputs';

export class CareDutyService {
  constructor(
    private readonly em: EntityManager,
    private readonly pseudonymKey: string,
  ) {}

  async add(input: AddCareDutyInput): Promise<CareDuty> {
    requireIdNumber(input.idNumber, 'input.idNumber');
    const caredForName = input.caredForName.trim();
    if (caredForName.length < 1 || caredForName.length > 60) throw badInput('input.caredForName', 'give a name of 1 to 60 characters');
    return this.em.transactional(async (em) => {
      const duty = em.create(CareDuty, {
        workerId: workerPseudonym(input.idNumber, this.pseudonymKey),
        reason: input.reason,
        caredForName,
        since: input.since,
      });
      await em.flush();
      return duty;
    });
  }

  /** `inScope`: whether the caller may write the loaded duty (access.ts); a duty outside it is as missing as one that never was. */
  async end(input: EndCareDutyInput, inScope: RowScope<CareDuty>): Promise<CareDuty> {
    const id = requireRowId(input.careDutyId, 'input.careDutyId', 'care duty');
    return this.em.transactional(async (em) => {
      const duty = await em.findOne(CareDuty, id);
      if (!(await inScope(duty)) || !duty) throw notFound('care duty', 'input.careDutyId');
      if (duty.until !== null) throw conflict('input.careDutyId', `the care duty already ended on ${duty.until}`);
      if (input.until < duty.since) throw badInput('input.until', `must not be before the duty began (${duty.since})`);
      duty.until = input.until;
      await em.flush();
      return duty;
    });
  }
}
