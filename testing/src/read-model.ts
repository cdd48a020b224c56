/** "The read model equals a fresh rebuild": one comparison for the tests and `npm run chaos` (devtools). */
export { readModelChecksums, differingTables, type ReadModelChecksums } from '@jiuye/devtools';
