import 'reflect-metadata';
import { importRunsResolver, ServiceRecord, type SubgraphModule } from '@jiuye/common';
import { ContactAttempt } from './contact-attempt/contact-attempt.entity';
import { ContactAttemptResolver } from './contact-attempt/contact-attempt.resolver';
import { FollowUpVisit } from './follow-up/follow-up.entity';
import { FollowUpResolver } from './follow-up/follow-up.resolver';
import { PartnerJobPosting } from './job-posting/job-posting.entity';
import { JobPostingResolver, resolvePostingReference } from './job-posting/job-posting.resolver';
import { LabourBase } from './labour-base/labour-base.entity';
import { LabourBaseResolver } from './labour-base/labour-base.resolver';
import { partnerAccess, partnerAuthority } from './access';
import { createLoaders, type PartnerLoaders } from './loaders';
import { migrations } from './migrations';
import { PartnerWorkerHistoryResolver, partnerHistory } from './history';
import { PartnerCity } from './partner-city/partner-city.entity';
import { PartnerCityResolver } from './partner-city/partner-city.resolver';
import { PhoneRevealResolver } from './phone-reveal/phone-reveal.resolver';
import { PartnerAssessmentResolver } from './assessment/assessment.resolver';
import { TransferReferral } from './referral/referral.entity';
import { TransferReferralResolver } from './referral/referral.resolver';
import { TransferBatch } from './transfer-batch/transfer-batch.entity';
import { TransferBatchResolver } from './transfer-batch/transfer-batch.resolver';
import { Transfer } from './transfer/transfer.entity';
import { TransferResolver } from './transfer/transfer.resolver';
import { resolveWorkerReference, WorkerResolver } from './worker/worker.resolver';
import { Worker } from './worker/worker.type';

export { publishedViews as partnerPublishedViews } from './published-views';

/**
 * 东西部协作 / 对口帮扶 — the partner cities: labour bases, pushed postings, organised transfers,
 * follow-up visits and every contact attempt. Partner-city staff see only their own city's
 * workers and records (access.ts); nothing here exposes an ID number or a full phone number.
 */
import { ServiceRecordResolver, serviceReferenceRoutes } from './service-record/service-record.resolver';
import { partnerCityRoutes } from './partner-city/partner-city.route';
import { partnerImports } from './import/transfer-import';

export const partnerSubgraph: SubgraphModule<PartnerLoaders> = {
  name: 'partner',
  resolvers: [
    // 导入记录: partnerImportRuns (common/src/import/runs.ts).
    importRunsResolver('partner'),
    ServiceRecordResolver,
    WorkerResolver,
    PartnerCityResolver,
    LabourBaseResolver,
    JobPostingResolver,
    TransferBatchResolver,
    TransferResolver,
    FollowUpResolver,
    ContactAttemptResolver,
    TransferReferralResolver,
    PartnerWorkerHistoryResolver,
    PhoneRevealResolver,
    PartnerAssessmentResolver,
  ],
  // Entity types reached only through _entities must be listed, or the schema leaves them out.
  orphanedTypes: [Worker],
  referenceResolvers: {
    Worker: resolveWorkerReference,
    PartnerJobPosting: resolvePostingReference,
  },
  entities: [ServiceRecord, PartnerCity, LabourBase, PartnerJobPosting, TransferBatch, Transfer, FollowUpVisit, ContactAttempt, TransferReferral],
  migrations,
  routes: { ...serviceReferenceRoutes, ...partnerCityRoutes },
  // 转移就业人员名单 from spreadsheets (src/import): POST /imports/transfers, GET /imports/runs/<id>/rejected.xlsx.
  imports: partnerImports,
  createLoaders,
  access: partnerAccess,
  history: partnerHistory,
  authority: partnerAuthority,
};

/** The end reason a follow-up visit writes on a transfer whose worker has left: the demo seeder writes the same. */
export { ENDED_AT_VISIT } from './follow-up/follow-up.service';

/** The department's own vocabularies (values and labels), for the demo generator and tests. */
export { ContactChannelVocabulary, ContactOutcomeVocabulary } from './contact-attempt/contact-attempt.entity';
export { LabourBaseKindVocabulary } from './labour-base/labour-base.entity';
