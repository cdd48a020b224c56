import type { EntityManager } from '@mikro-orm/postgresql';
import { oneLoader } from '@jiuye/common';
import { PersonCircumstance } from './person.entity';

export function createPersonLoaders(em: EntityManager) {
  return {
    situationByWorker: oneLoader<string, PersonCircumstance>(
      (ids) => em.find(PersonCircumstance, { workerId: { $in: [...ids] } }),
      (situation) => situation.workerId,
    ),
  };
}
