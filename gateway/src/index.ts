export * from './gateway';
export * from './compose';
export * from './limits';
export * from './errors';
export * from './auth';
export * from './audit/access-log';
export * from './audit/audit-subgraph';
export * from './audit/id-lookups';
