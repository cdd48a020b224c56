import type { EntityManager } from '@mikro-orm/postgresql';
import type { LoaderRequest, SubgraphConfig } from '@jiuye/common';
import { createDivisionLoaders } from './division/division.loaders';
import { createEmployerLoaders } from './employer/employer.loaders';
import { createEmploymentLoaders } from './employment/employment.loaders';
import { createJobFairLoaders } from './job-fair/job-fair.loaders';
import { createJobPostingLoaders } from './job-posting/job-posting.loaders';
import { createSubsidyLoaders } from './subsidy/subsidy.loaders';
import { createVerificationLoaders } from './verification/verification.loaders';
import { createWelfarePostLoaders } from './welfare-post/welfare-post.loaders';
import { createWorkerLoaders } from './worker/worker.loaders';

/** Fresh loaders for every request: caches never outlive one request. */
export function createLoaders(em: EntityManager, config: SubgraphConfig, request: Pick<LoaderRequest, 'writes'> = { writes: () => true }) {
  return {
    ...createDivisionLoaders(em),
    ...createWorkerLoaders(em, request),
    ...createEmployerLoaders(em),
    ...createEmploymentLoaders(em),
    ...createJobPostingLoaders(em),
    ...createJobFairLoaders(em),
    ...createWelfarePostLoaders(em, config),
    ...createSubsidyLoaders(em),
    ...createVerificationLoaders(em, config),
  };
}

export type HrLoaders = ReturnType<typeof createLoaders>;
