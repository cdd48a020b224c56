import type { EntityManager } from '@mikro-orm/postgresql';
import { createContactAttemptLoaders } from './contact-attempt/contact-attempt.loaders';
import { createFollowUpLoaders } from './follow-up/follow-up.loaders';
import { createJobPostingLoaders } from './job-posting/job-posting.loaders';
import { createLabourBaseLoaders } from './labour-base/labour-base.loaders';
import { createPartnerCityLoaders } from './partner-city/partner-city.loaders';
import { createTransferBatchLoaders } from './transfer-batch/transfer-batch.loaders';
import { createTransferLoaders } from './transfer/transfer.loaders';

/** Fresh loaders for every request: caches never outlive one request. */
export function createLoaders(em: EntityManager) {
  return {
    ...createPartnerCityLoaders(em),
    ...createLabourBaseLoaders(em),
    ...createJobPostingLoaders(em),
    ...createTransferBatchLoaders(em),
    ...createTransferLoaders(em),
    ...createFollowUpLoaders(em),
    ...createContactAttemptLoaders(em),
  };
}

export type PartnerLoaders = ReturnType<typeof createLoaders>;
