import { Client } from 'pg';
import { DEPARTMENT_NAMES } from '@jiuye/common';
import { migratedDepartmentDatabase } from '@jiuye/testing/departments';
import { SITUATION_SQL } from '@jiuye/devtools/sql-floor';

/**
 * `npm run bench`'s SQL floor (ratio 3) is hand-written SQL over the departments' tables: it is
 * not part of any service, so a renamed table broke it unseen (civil's person_situation →
 * person_circumstance). Each department's statement runs here on a freshly migrated database.
 */
jest.setTimeout(120_000);

describe("the bench's SQL floor matches the departments' schemas", () => {
  it.each(DEPARTMENT_NAMES)('%s', async (department) => {
    const client = new Client({ connectionString: await migratedDepartmentDatabase(department) });
    await client.connect();
    try {
      // No such worker: the statement must parse, plan and run, answering nothing or one empty row.
      const result = await client.query(SITUATION_SQL[department], ['no-such-worker']);
      expect(result.rows.length).toBeLessThanOrEqual(1);
    } finally {
      await client.end();
    }
  });
});
