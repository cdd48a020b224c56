import 'reflect-metadata';
import { importRunsResolver, ServiceRecord, WORKER_VILLAGES_PATH, type SubgraphModule } from '@jiuye/common';
import { DivisionRecord } from './division/division.entity';
import { DivisionResolver, resolveDivisionReference } from './division/division.resolver';
import { Division } from './division/division.type';
import { Employer } from './employer/employer.entity';
import { EmployerResolver } from './employer/employer.resolver';
import { Employment } from './employment/employment.entity';
import { EmploymentResolver } from './employment/employment.resolver';
import { HouseholdResolver, resolveHouseholdReference } from './household/household.resolver';
import { Household } from './household/household.type';
import { JobFair, JobFairEmployer, JobFairIntention, JobFairPosting } from './job-fair/job-fair.entity';
import { JobFairIntentionResolver, JobFairResolver } from './job-fair/job-fair.resolver';
import { JobPosting } from './job-posting/job-posting.entity';
import { JobPostingResolver } from './job-posting/job-posting.resolver';
import { hrAccess, hrAuthority } from './access';
import { hrImports } from './import/imports';
import { createLoaders, type HrLoaders } from './loaders';
import type { HrContext } from './context';
import { migrations } from './migrations';
import { HrHouseholdHistoryResolver, HrWorkerHistoryResolver, hrHistory } from './history';
import { SubsidyPayment } from './subsidy/subsidy.entity';
import { SubsidyResolver } from './subsidy/subsidy.resolver';
import { WelfarePost, WelfarePostAssignment } from './welfare-post/welfare-post.entity';
import { WelfarePostAssignmentResolver, WelfarePostResolver } from './welfare-post/welfare-post.resolver';
import { WorkerRecord } from './worker/worker.entity';
import { resolveWorkerReference, WorkerResolver } from './worker/worker.resolver';
import { Worker } from './worker/worker.type';
import { workerVillages } from './worker/worker-villages';
import { RecordVerification } from './verification/verification.entity';
import { VerificationResolver, WorkerVerificationsResolver } from './verification/verification.resolver';

export { publishedViews as hrPublishedViews } from './published-views';

/**
 * 人社 — human resources and social security: the real-name labour registry and the six
 * clarities, the division catalogue, employers, employment records, job postings and fairs,
 * public-welfare posts, employment subsidies and the monthly verification of records.
 */
import { ServiceRecordResolver, serviceReferenceRoutes } from './service-record/service-record.resolver';

export const hrSubgraph: SubgraphModule<HrLoaders> = {
  name: 'hr',
  resolvers: [
    // 导入记录: hrImportRuns (common/src/import/runs.ts).
    importRunsResolver('hr'),
    ServiceRecordResolver,
    WorkerResolver,
    HouseholdResolver,
    DivisionResolver,
    EmployerResolver,
    EmploymentResolver,
    JobPostingResolver,
    JobFairResolver,
    JobFairIntentionResolver,
    WelfarePostResolver,
    WelfarePostAssignmentResolver,
    SubsidyResolver,
    VerificationResolver,
    WorkerVerificationsResolver,
    HrWorkerHistoryResolver,
    HrHouseholdHistoryResolver,
  ],
  // Entity types reached only through _entities must be listed, or the schema leaves them out.
  orphanedTypes: [Worker, Household, Division],
  referenceResolvers: {
    Worker: resolveWorkerReference,
    Household: resolveHouseholdReference,
    Division: resolveDivisionReference,
  },
  entities: [
    ServiceRecord,
    DivisionRecord,
    WorkerRecord,
    Employer,
    Employment,
    JobPosting,
    JobFair,
    JobFairIntention,
    JobFairEmployer,
    JobFairPosting,
    WelfarePost,
    WelfarePostAssignment,
    SubsidyPayment,
    RecordVerification,
  ],
  migrations,
  createLoaders,
  access: hrAccess,
  history: hrHistory,
  authority: hrAuthority,
  // The gateway's access log asks where the people partner cities and institutions read live.
  routes: { [WORKER_VILLAGES_PATH]: (context, body) => workerVillages(context as HrContext, body), ...serviceReferenceRoutes },
  // 劳动力实名登记 from spreadsheets (src/import): POST /imports/workers, GET /imports/runs/<id>/rejected.xlsx.
  imports: hrImports,
};

/** The department's own vocabularies (values and labels), for the demo generator and tests. */
export { EmployerKindVocabulary } from './employer/employer.entity';
export { PostingCloseReasonVocabulary } from './job-posting/job-posting.entity';
export { WelfarePostFundingVocabulary } from './welfare-post/welfare-post.entity';
export { SubsidyKindVocabulary } from './subsidy/subsidy.entity';

/** The spreadsheet import of the labour registry (for npm run bench:import). */
export { workerImportKind, WORKER_COLUMNS } from './import/worker-import';
