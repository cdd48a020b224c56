import type { EntityManager } from '@mikro-orm/postgresql';
import { manyLoader } from '@jiuye/common';
import { PovertyStatusChange } from './status.entity';

export function createStatusLoaders(em: EntityManager) {
  return {
    /** household code → its status history, oldest first; one query per batch of households. */
    statusChangesByHousehold: manyLoader<string, PovertyStatusChange>(
      (codes) => em.find(PovertyStatusChange, { householdCode: { $in: [...codes] } }, { orderBy: { effectiveOn: 'asc', id: 'asc' } }),
      (change) => change.householdCode,
    ),
  };
}
