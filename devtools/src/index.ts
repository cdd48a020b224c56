/**
 * Tools for developers, never loaded by a service: the demo county generator, the departments'
 * seeders (bulk loading into each department's tables), seeding a whole county (migrations, the
 * five departments, the read model), and the embedded PostgreSQL that
 * `npm start`, the benchmarks and the tests run on. Sits above the departments: it imports
 * @jiuye/common and the department packages; nothing in production imports it.
 */
export * from './bulk';
export * from './bulk-load';
export * from './seeding';
export * from './embedded-postgres';
export * from './demo';
export { hrSeeder } from './seed/hr';
export { povertySeeder } from './seed/poverty';
export { civilSeeder } from './seed/civil';
export { trainingSeeder } from './seed/training';
export { partnerSeeder } from './seed/partner';
export * from './subgraphs';
export * from './seed-county';
export * from './read-model-checksums';
