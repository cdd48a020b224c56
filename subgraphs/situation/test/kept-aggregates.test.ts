import pg from 'pg';
import { todayInChina, type SituationConfig } from '@jiuye/common';
import { pseudonymOf } from '@jiuye/testing/harness';
import { startTestPlatform, type TestPlatform } from '@jiuye/testing/platform';
import { readModelTypes, type Sql } from '../src/db';
import { indicatorDates, villageFigures } from '../src/indicator/indicator.service';
import { openSourcePools, rebuildReadModel } from '../src/projection/feed';
import { groupColumn, placeColumn, PLACES } from '../src/roster/village-counts';
import { POVERTY_GROUP, POVERTY_GROUPS } from '../src/sql/conditions';

/**
 * The indicators' kept aggregates (village_counts: labour force and employed labour force per
 * village, by place of work and by poverty group, issue 16) after a stream of department changes
 * applied by the change feed — a job started through the graph, households' poverty status
 * changed, a worker who can no longer work, a worker moving to another village's household —
 * equal a direct count over the people rows, and a fresh rebuild from the departments gives the
 * same rows. The indicators' figures read from them equal those counted from the people rows.
 */
jest.setTimeout(300_000);

let platform: TestPlatform;
let db: pg.Client;
let sql: Sql;
const TODAY = todayInChina();
const GROUPS = POVERTY_GROUPS.map((g) => g.group);
const PLACE_LIST = PLACES.map((place) => `'${place}'`).join(', ');

/** The kept columns under test, per village. */
async function kept(): Promise<Record<string, Record<string, number>>> {
  const columns = [
    'able_labourers',
    'able_employed',
    ...PLACES.map(placeColumn),
    'able_employed_unknown_place',
    ...GROUPS.flatMap((g) => [groupColumn('able_labourers', g), groupColumn('able_employed', g)]),
  ];
  const { rows } = await db.query(`select village_code, ${columns.map((c) => `"${c}"`).join(', ')} from village_counts where able_labourers > 0 order by village_code`);
  return Object.fromEntries(rows.map(({ village_code, ...rest }) => [village_code, rest]));
}

/** The same figures counted directly from person_situation (the poverty group by its CASE expression, the places by hand). */
async function counted(): Promise<Record<string, Record<string, number>>> {
  const { rows } = await db.query<{ village_code: string; grp: string; place: string | null; able: number; employed: number }>(
    `select p.village_code, ${POVERTY_GROUP} as grp, case when p.employment_place in (${PLACE_LIST}) then p.employment_place end as place,
            count(*)::int as able, (count(*) filter (where p.employment_status = 'EMPLOYED'))::int as employed
       from person_situation p where p.able_labourer group by 1, 2, 3`,
  );
  const out: Record<string, Record<string, number>> = {};
  for (const row of rows) {
    const village =
      out[row.village_code] ??
      (out[row.village_code] = {
        able_labourers: 0,
        able_employed: 0,
        ...Object.fromEntries(PLACES.map((place) => [placeColumn(place), 0])),
        able_employed_unknown_place: 0,
        ...Object.fromEntries(GROUPS.flatMap((g) => [groupColumn('able_labourers', g), groupColumn('able_employed', g)]).map((c) => [c, 0])),
      });
    village.able_labourers += row.able;
    village.able_employed += row.employed;
    village[row.place ? placeColumn(row.place as (typeof PLACES)[number]) : 'able_employed_unknown_place'] += row.employed;
    village[groupColumn('able_labourers', row.grp as (typeof GROUPS)[number])] += row.able;
    village[groupColumn('able_employed', row.grp as (typeof GROUPS)[number])] += row.employed;
  }
  return Object.fromEntries(
    Object.keys(out)
      .sort()
      .map((code) => [code, out[code]]),
  );
}

async function waitFor(what: string, check: () => Promise<boolean>): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > 20_000) throw new Error(`the read model did not follow within 20 s: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const personRow = async (workerId: string) =>
  (await db.query(`select village_code, poverty_status, employment_status, able_labourer from person_situation where worker_id = $1`, [workerId])).rows[0];

beforeAll(async () => {
  platform = await startTestPlatform(300);
  const config = platform.subgraphs.situation.config as SituationConfig;
  db = new pg.Client({ connectionString: config.databaseUrl, types: readModelTypes });
  await db.connect();
  sql = { rows: async (text, values) => (await db.query(text, values)).rows, one: async (text, values) => (await db.query(text, values)).rows[0] };
});
afterAll(async () => {
  await db?.end();
  await platform?.stop();
});

describe('kept per-village aggregates (labour force, employed, places, poverty groups)', () => {
  it('after a stream of feed changes equal a direct count over the people rows and a fresh rebuild', async () => {
    // The seed as built: every group present, so the comparison is not over zeros.
    const seeded = await kept();
    expect(seeded).toEqual(await counted());
    for (const g of GROUPS) expect(Object.values(seeded).reduce((n, v) => n + v[groupColumn('able_labourers', g)], 0)).toBeGreaterThan(0);

    // hr through the graph: an unemployed worker at home starts a job in the township.
    const [unemployed] = await platform.subgraphs.hr.sql<{ id_number: string }>(
      `select id_number from worker where employment_status = 'UNEMPLOYED' and population_status = 'AT_HOME' order by id limit 1`,
    );
    const employedId = pseudonymOf(unemployed.id_number);
    const started: any = await platform.query(`mutation($input: RecordEmploymentStartInput!) { recordEmploymentStart(input: $input) { id } }`, {
      input: { idNumber: unemployed.id_number, kind: 'POVERTY_WORKSHOP', place: 'IN_TOWNSHIP', employerName: '村扶贫车间', location: '本村', startsOn: TODAY, monthlyWage: 2200 },
    });
    expect(started.errors).toBeUndefined();

    // poverty, in its database (a DBA's fix; the outbox trigger captures it): a lifted household
    // falls back to not lifted, a not-lifted one becomes a monitored (marginal) household.
    const households = async (status: string) =>
      (
        await db.query<{ code: string }>(
          `select household_code as code from person_situation where poverty_status = $1 and able_labourer group by household_code order by household_code limit 1`,
          [status],
        )
      ).rows[0].code;
    const [lifted, notLifted] = [await households('LIFTED'), await households('NOT_LIFTED')];
    await platform.subgraphs.poverty.sql(`update household set poverty_status = 'NOT_LIFTED' where code = ?`, [lifted]);
    await platform.subgraphs.poverty.sql(`update household set poverty_status = 'MARGINAL' where code = ?`, [notLifted]);

    // hr, in its database: an employed able labourer can no longer work; another worker moves into a household of another village.
    const [{ id: unable }] = await platform.subgraphs.hr.sql<{ id: string }>(
      `select id from worker where employment_status = 'EMPLOYED' and population_status = 'AT_HOME' and id <> ? order by id desc limit 1`,
      [employedId],
    );
    await platform.subgraphs.hr.sql(`update worker set employment_status = 'UNABLE_TO_WORK' where id = ?`, [unable]);
    const [mover] = await platform.subgraphs.hr.sql<{ id: string; village_code: string }>(
      `select id, village_code from worker where employment_status = 'EMPLOYED' order by id limit 1`,
    );
    const [target] = await platform.subgraphs.hr.sql<{ household_code: string; village_code: string }>(
      `select household_code, village_code from worker where village_code <> ? order by household_code limit 1`,
      [mover.village_code],
    );
    await platform.subgraphs.hr.sql(`update worker set household_code = ?, village_code = ? where id = ?`, [target.household_code, target.village_code, mover.id]);

    await waitFor('the job', async () => (await personRow(employedId))?.employment_status === 'EMPLOYED');
    await waitFor(
      'the relapse',
      async () => (await db.query(`select 1 from person_situation where household_code = $1 and poverty_status = 'NOT_LIFTED'`, [lifted])).rowCount! > 0,
    );
    await waitFor(
      'the monitored household',
      async () => (await db.query(`select 1 from person_situation where household_code = $1 and poverty_status = 'MARGINAL'`, [notLifted])).rowCount! > 0,
    );
    await waitFor('the worker unable to work', async () => (await personRow(unable))?.employment_status === 'UNABLE_TO_WORK');
    await waitFor('the move', async () => (await personRow(mover.id))?.village_code === target.village_code);
    // Let the feed finish the cycle under way (its recount commits with the people).
    await new Promise((resolve) => setTimeout(resolve, 500));

    const afterFeed = await kept();
    expect(afterFeed).not.toEqual(seeded);
    expect(afterFeed).toEqual(await counted());

    // The indicators' stock figures read from the kept rows equal those counted from the people rows (a missing measure reads as 0).
    const d = indicatorDates(TODAY.slice(0, 7));
    const [fromKept, fromPeople] = [await villageFigures(sql, d), await villageFigures(sql, d, { groupsKept: false })];
    const labourMeasures = (figures: Map<string, Record<string, number>>) =>
      Object.fromEntries(
        [...figures]
          .filter(([, row]) => (row.able_labourers ?? 0) > 0)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([village, row]) => [village, Object.fromEntries(Object.entries(row).filter(([key, value]) => key.startsWith('able_') && value !== 0))]),
      );
    expect(labourMeasures(fromKept)).toEqual(labourMeasures(fromPeople));
    expect(Object.keys(labourMeasures(fromKept)).length).toBe(Object.keys(afterFeed).length);

    // A rebuild from the departments: the same rows (but their write time), still the direct count.
    const strip = (rows: Record<string, unknown>[]) => rows.map(({ counted_at: _c, ...rest }) => rest);
    const all = async () => strip((await db.query(`select * from village_counts order by village_code`)).rows);
    const beforeRebuild = await all();
    const config = platform.subgraphs.situation.config as SituationConfig;
    const sources = openSourcePools(config.sourceDatabaseUrls);
    try {
      await rebuildReadModel(config.databaseUrl, sources);
    } finally {
      await Promise.all(Object.values(sources).map((pool) => pool.end()));
    }
    expect(await all()).toEqual(beforeRebuild);
    expect(await kept()).toEqual(await counted());
  });
});
