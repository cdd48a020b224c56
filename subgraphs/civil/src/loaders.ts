import type { EntityManager } from '@mikro-orm/postgresql';
import { createAssistanceLoaders } from './assistance/assistance.loaders';
import { createCareDutyLoaders } from './care-duty/care-duty.loaders';
import { createPersonLoaders } from './person/person.loaders';

/** Fresh loaders for every request: caches never outlive one request. */
export function createLoaders(em: EntityManager) {
  return {
    ...createAssistanceLoaders(em),
    ...createPersonLoaders(em),
    ...createCareDutyLoaders(em),
  };
}

export type CivilLoaders = ReturnType<typeof createLoaders>;
