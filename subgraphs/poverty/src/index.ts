import 'reflect-metadata';
import { importRunsResolver, ServiceRecord, type SubgraphModule } from '@jiuye/common';
import { Cadre, CadrePosting, ResponsibleUnit, UnitPairing } from './cadre/cadre.entity';
import { CadrePostingResolver, CadreResolver } from './cadre/cadre.resolver';
import { ResponsibleUnitResolver, UnitPairingResolver } from './responsible-unit/unit.resolver';
import { DivisionResolver, resolveDivisionReference } from './division/division.resolver';
import { Division } from './division/division.type';
import { RegisteredHousehold } from './household/household.entity';
import { HouseholdResolver, resolveHouseholdReference } from './household/household.resolver';
import { Household } from './household/household.type';
import { povertyAccess } from './access';
import { povertyImports } from './import/imports';
import { createLoaders, type PovertyLoaders } from './loaders';
import { HouseholdMember } from './member/member.entity';
import { HouseholdMemberResolver } from './member/member.resolver';
import { migrations } from './migrations';
import { MonitoringCase, MonitoringMeasure, MonitoringTransition } from './monitoring/monitoring.entity';
import { HouseholdMonitoringResolver, MonitoringResolver } from './monitoring/monitoring.resolver';
import { PovertyWorkerHistoryResolver, PovertyHouseholdHistoryResolver, povertyHistory } from './history';
import { RelocationSite } from './relocation/relocation.entity';
import { RelocationResolver } from './relocation/relocation.resolver';
import { HouseholdResponsibility } from './responsibility/responsibility.entity';
import { ResponsibilityResolver } from './responsibility/responsibility.resolver';
import { PovertyStatusChange } from './status/status.entity';
import { StatusResolver } from './status/status.resolver';
import { resolveWorkerReference, WorkerResolver } from './worker/worker.resolver';
import { Worker } from './worker/worker.type';

export { publishedViews as povertyPublishedViews } from './published-views';

/** 扶贫办 / 乡村振兴局 — registered households, their members and status history, relocation, responsible cadres. */
import { ServiceRecordResolver } from './service-record/service-record.resolver';

export const povertySubgraph: SubgraphModule<PovertyLoaders> = {
  name: 'poverty',
  resolvers: [
    // 导入记录: povertyImportRuns (common/src/import/runs.ts).
    importRunsResolver('poverty'),
    ServiceRecordResolver,
    HouseholdResolver,
    WorkerResolver,
    DivisionResolver,
    HouseholdMemberResolver,
    StatusResolver,
    RelocationResolver,
    CadreResolver,
    CadrePostingResolver,
    ResponsibleUnitResolver,
    UnitPairingResolver,
    ResponsibilityResolver,
    PovertyWorkerHistoryResolver,
    PovertyHouseholdHistoryResolver,
    MonitoringResolver,
    HouseholdMonitoringResolver,
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
    RegisteredHousehold,
    HouseholdMember,
    PovertyStatusChange,
    RelocationSite,
    ResponsibleUnit,
    Cadre,
    CadrePosting,
    UnitPairing,
    HouseholdResponsibility,
    MonitoringCase,
    MonitoringTransition,
    MonitoringMeasure,
  ],
  migrations,
  createLoaders,
  access: povertyAccess,
  history: povertyHistory,
  // 建档立卡贫困户名单 from spreadsheets (src/import): POST /imports/households, GET /imports/runs/<id>/rejected.xlsx.
  imports: povertyImports,
};

/** The department's own vocabularies (values and labels), for the demo generator and tests. */
export { RelationshipVocabulary } from './member/member.entity';
export { CadreRoleVocabulary, ResponsibleUnitKindVocabulary } from './cadre/cadre.entity';
/** The SQL that reads cadre postings and unit pairings off the household responsibilities (the demo seeder runs it after its last batch). */
export { PAIRINGS_FROM_RESPONSIBILITIES_SQL, POSTINGS_FROM_RESPONSIBILITIES_SQL, UNIT_REGIONS_FROM_PAIRINGS_SQL } from './cadre/cadre-backfill';
