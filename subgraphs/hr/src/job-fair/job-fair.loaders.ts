import type { EntityManager } from '@mikro-orm/postgresql';
import { manyLoader, oneLoader } from '@jiuye/common';
import { JobFair, JobFairEmployer, JobFairIntention, JobFairPosting } from './job-fair.entity';

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
    /** fair → the employers taking part, in the order they joined. */
    employerLinksByFair: manyLoader<number, JobFairEmployer>(
      (ids) => em.find(JobFairEmployer, { fairId: { $in: [...ids] } }, { orderBy: { id: 'asc' } }),
      (link) => link.fairId,
    ),
    /** fair → the postings brought, in the order they were added. */
    postingLinksByFair: manyLoader<number, JobFairPosting>(
      (ids) => em.find(JobFairPosting, { fairId: { $in: [...ids] } }, { orderBy: { id: 'asc' } }),
      (link) => link.fairId,
    ),
  };
}
