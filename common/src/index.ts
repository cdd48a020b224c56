import 'reflect-metadata';

export * from './config';
export * from './database';
export * from './division-code';
export * from './embedded-postgres';
export * from './errors';
export * from './http';
export * from './id-number';
export * from './loaders';
export * from './logger';
export * from './pagination';
export * from './pseudonym';
export * from './scalars';
export * from './subgraph';
export * from './vocabulary';
export * from './bulk';
export * from './seeding';
