import type { EntityManager } from '@mikro-orm/postgresql';
import { manyLoader } from '@jiuye/common';
import { Employment } from './employment.entity';

export function createEmploymentLoaders(em: EntityManager) {
  return {
    /** worker → employments, newest first (the open one, if any, is first). */
    employmentsByWorker: manyLoader<string, Employment>(
      (ids) => em.find(Employment, { workerId: { $in: [...ids] } }, { orderBy: { workerId: 'asc', startsOn: 'desc', id: 'desc' } }),
      (employment) => employment.workerId,
    ),
  };
}
