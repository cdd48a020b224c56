import type { EntityManager } from '@mikro-orm/postgresql';
import { manyLoader, oneLoader } from '@jiuye/common';
import { JobFair, JobFairIntention } from './job-fair.entity';

export function createJobFairLoaders(em: EntityManager) {
  return {
    fairById: oneLoader<number, JobFair>(
      (ids) => em.find(JobFair, { id: { $in: [...ids] } }),
      (fair) => fair.id,
    ),
    /** worker → intentions, newest first. */
    intentionsByWorker: manyLoader<string, JobFairIntention>(
      (ids) => em.find(JobFairIntention, { workerId: { $in: [...ids] } }, { orderBy: { reachedOn: 'desc', id: 'desc' } }),
      (intention) => intention.workerId,
    ),
    /** fair → intentions reached there, in the order recorded. */
    intentionsByFair: manyLoader<number, JobFairIntention>(
      (ids) => em.find(JobFairIntention, { fairId: { $in: [...ids] } }, { orderBy: { id: 'asc' } }),
      (intention) => intention.fairId,
    ),
  };
}
