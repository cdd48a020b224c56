import 'reflect-metadata';
import { importRunsResolver, ServiceRecord, type SubgraphModule } from '@jiuye/common';
import { civilAccess } from './access';
import { AssistanceGrant } from './assistance/assistance.entity';
import { AssistanceResolver } from './assistance/assistance.resolver';
import { CareDuty } from './care-duty/care-duty.entity';
import { HouseholdResolver, resolveHouseholdReference } from './household/household.resolver';
import { Household } from './household/household.type';
import { civilImports } from './import/grant-import';
import { createLoaders, type CivilLoaders } from './loaders';
import { migrations } from './migrations';
import { CivilWorkerHistoryResolver, CivilHouseholdHistoryResolver, civilHistory } from './history';
import { PersonCircumstance } from './person/person.entity';
import { resolveWorkerReference, WorkerResolver } from './worker/worker.resolver';
import { Worker } from './worker/worker.type';

export { publishedViews as civilPublishedViews } from './published-views';

/** 民政 — civil affairs: subsistence allowance, special hardship, left-behind, disability, care duties. */
import { ServiceRecordResolver } from './service-record/service-record.resolver';

export const civilSubgraph: SubgraphModule<CivilLoaders> = {
  name: 'civil',
  resolvers: [importRunsResolver('civil'), ServiceRecordResolver, WorkerResolver, HouseholdResolver, AssistanceResolver, CivilWorkerHistoryResolver, CivilHouseholdHistoryResolver],
  // Entity types reached only through _entities must be listed, or the schema leaves them out.
  orphanedTypes: [Worker, Household],
  referenceResolvers: {
    Worker: resolveWorkerReference,
    Household: resolveHouseholdReference,
  },
  entities: [ServiceRecord, AssistanceGrant, PersonCircumstance, CareDuty],
  migrations,
  createLoaders,
  // Civil affairs places only the people it holds a household for; the authorities decide the rest.
  access: civilAccess,
  history: civilHistory,
  // 低保/特困 grants from the county list (src/import): POST /imports/assistance-grants.
  imports: civilImports,
};

/** The department's own vocabularies (values and labels), for the demo generator and tests. */
export { AssistanceKindVocabulary } from './assistance/assistance.entity';
export { CareReasonVocabulary } from './care-duty/care-duty.entity';
export { DisabilityKindVocabulary, LeftBehindKindVocabulary } from './person/person.entity';
