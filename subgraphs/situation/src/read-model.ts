/**
 * Writing read-model rows directly, with the projector's own code: the pg type parsers of the
 * read model, a person_situation row, households' and villages' kept counts. Declared as the
 * subpath `@jiuye/situation/read-model` for the test harness (testing/src/situation.ts), which
 * constructs rows the departments' databases do not hold; the service does not load this entry.
 */
export { readModelTypes } from './db';
export type { PersonRow } from './projection/person';
export type { HouseholdRow } from './projection/sources';
export { writeHouseholds } from './projection/projector';
export { recountVillages } from './roster/village-counts';
