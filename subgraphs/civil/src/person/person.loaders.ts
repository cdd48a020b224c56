import type { EntityManager } from '@mikro-orm/postgresql';
import { oneLoader } from '@jiuye/common';
import { PersonSituation } from './person.entity';

export function createPersonLoaders(em: EntityManager) {
  return {
    situationByWorker: oneLoader<string, PersonSituation>(
      (ids) => em.find(PersonSituation, { workerId: { $in: [...ids] } }),
      (situation) => situation.workerId,
    ),
  };
}
