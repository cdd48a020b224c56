import 'reflect-metadata';

export * from './config';
export * from './database';
export * from './departments';
export * from './deployment';
export * from './division-code';
export * from './household-code';
export * from './embedded-postgres';
export * from './errors';
export * from './http';
export * from './id-number';
export * from './loaders';
export * from './logger';
export * from './mobile-number';
export * from './pagination';
export * from './paged-children';
export * from './pseudonym';
export * from './scalars';
export * from './text-guard';
export * from './subgraph';
export * from './vocabulary';
export * from './bulk';
export * from './seeding';
export * from './outbox';
export * from './published-views';
// The demo county: its generator and the types every department's seeder reads. The demo's
// vocabularies stay inside it; services use ./vocabulary (registered GraphQL enums).
export { createDemoCounty } from './demo';
export type { DemoOptions, DemoCounty, DemoDivision, DemoTownship, DemoVillage, DemoEmployer, DemoJobPosting, DemoJobFair, DemoWelfarePost, DemoRelocationSite, DemoResponsibleUnit, DemoCadre, DemoInstitution, DemoCourse, DemoClass, DemoPartnerCity, DemoLabourBase, DemoPartnerPosting, DemoTransferBatch, DemoReference, DemoStatusChange, DemoAssistance, DemoHousehold, DemoDisability, DemoCareDuty, DemoEmployment, DemoWelfarePostHolding, DemoSubsidy, DemoJobFairIntention, DemoEnrolment, DemoCertificate, DemoTransfer, DemoFollowUp, DemoContactAttempt, DemoPerson } from './demo';
export * from './dates';
export * from './row-id';
export * from './auth';
export * from './export';
export * from './suppression';
