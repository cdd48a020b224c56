import type { EntityManager } from '@mikro-orm/postgresql';
import { manyLoader } from '@jiuye/common';
import { SubsidyPayment } from './subsidy.entity';

export function createSubsidyLoaders(em: EntityManager) {
  return {
    /** worker → payments, newest first. */
    subsidiesByWorker: manyLoader<string, SubsidyPayment>(
      (ids) => em.find(SubsidyPayment, { workerId: { $in: [...ids] } }, { orderBy: { workerId: 'asc', paidOn: 'desc', id: 'desc' } }),
      (payment) => payment.workerId,
    ),
  };
}
