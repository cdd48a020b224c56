import pg from 'pg';
import { readModelTypes, type Sql } from '../src/db';
import { sharedIndicators } from '../src/indicator/kept';
import { computeIndicators } from '../src/indicator/indicator.service';
import { insertPeople, personRow, startSituationAlone, TEST_COUNTY, TEST_VILLAGE, type SituationAlone } from '@jiuye/testing/situation';

/** Many screens of one dashboard refreshing together: identical requests in flight share one computation, kept until an input changes. */
let situation: SituationAlone;
let pool: pg.Pool;

beforeAll(async () => {
  situation = await startSituationAlone();
  // A pool, as in the service: the indicator statements run concurrently.
  pool = new pg.Pool({ connectionString: situation.subgraph.config.databaseUrl, max: 8 });
  await insertPeople(situation.db, [personRow({ employment_status: 'EMPLOYED', employment_place: 'IN_COUNTY' }), personRow(), personRow({ village_code: TEST_VILLAGE })]);
});
afterAll(async () => {
  await pool?.end();
  await situation?.stop();
});

function countingSql(): { sql: Sql; statements: () => number } {
  let statements = 0;
  const rows = async <T>(text: string, values: unknown[] = []): Promise<T[]> => {
    statements++;
    return (await pool.query({ text, values, types: readModelTypes })).rows as T[];
  };
  return { sql: { rows, one: async <T>(text: string, values?: unknown[]) => (await rows<T>(text, values))[0] }, statements: () => statements };
}

const COUNTY = { code: TEST_COUNTY, name: '东川区', level: 'COUNTY' };

it('computes identical concurrent requests once and gives each the same figures', async () => {
  const alone = countingSql();
  const expected = await computeIndicators(alone.sql, COUNTY, '2026-11', 5);
  const one = alone.statements();
  expect(one).toBeGreaterThan(3);

  const shared = countingSql();
  const answers = await Promise.all(Array.from({ length: 6 }, () => sharedIndicators(shared.sql, COUNTY, '2026-11', 5)));
  // One computation (the look for stored figures, its freshness, snapshot and statements) and each request's check of the kept tables (indicator/kept.ts).
  expect(shared.statements()).toBe(one + 4 + 6);
  for (const answer of answers) expect(answer).toEqual(expected);

  // Kept while nothing changed: the next request checks (one statement) and computes nothing.
  await sharedIndicators(shared.sql, COUNTY, '2026-11', 5);
  expect(shared.statements()).toBe(one + 4 + 7);
  // Different periods are different computations.
  await Promise.all([sharedIndicators(shared.sql, COUNTY, '2026-10', 5), sharedIndicators(shared.sql, COUNTY, '2026-11', 5)]);
  expect(shared.statements()).toBe(2 * (one + 4) + 9);
});
