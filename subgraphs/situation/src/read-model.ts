/**
 * Writing read-model rows directly, with the projector's own code: the pg type parsers of the
 * read model, a person_situation row, households' and villages' kept counts. Declared as the
 * subpath `@jiuye/situation/read-model` for the test harness (testing/src/situation.ts), which
 * constructs rows the departments' databases do not hold or moves the history's start back; the service does not load this entry.
 */
export { readModelTypes } from './db';
export type { PersonRow } from './projection/person';
export type { HouseholdRow } from './projection/sources';
export { writeHouseholds } from './projection/projector';
export { recountVillages } from './roster/village-counts';
/** Rows written outside the feed: the kept warnings and conflicts no longer hold; readers evaluate at query time until the next full evaluation. */
export { forgetKeptViews } from './projection/kept-state';
export { clientSql } from './db';
/** The versioned tables whose history the as-of reads use (the harness moves their history start back). */
export { VERSIONED_TABLES } from './history/as-of';

import { DERIVED_TABLES } from './projection/feed';
import { ALL_REFERENCE_TABLES } from './projection/projector';
/**
 * Every table a rebuild writes (the derived tables and the reference tables copied whole): what
 * "the read model equals a fresh rebuild" compares (the fault tests and `npm run chaos`).
 */
export const REBUILT_TABLES: readonly string[] = [...DERIVED_TABLES, ...ALL_REFERENCE_TABLES];
