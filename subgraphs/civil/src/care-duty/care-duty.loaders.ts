import type { EntityManager } from '@mikro-orm/postgresql';
import { manyLoader } from '@jiuye/common';
import { CareDuty } from './care-duty.entity';

export function createCareDutyLoaders(em: EntityManager) {
  return {
    careDutiesByWorker: manyLoader<string, CareDuty>(
      (ids) => em.find(CareDuty, { workerId: { $in: [...ids] } }, { orderBy: { since: 'desc', id: 'desc' } }),
      (duty) => duty.workerId,
    ),
  };
}
