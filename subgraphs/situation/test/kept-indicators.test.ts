import pg from 'pg';
import { addDays, todayInChina, type Logger } from '@jiuye/common';
import { readModelTypes, type Sql } from '../src/db';
import { indicatorTables } from '../src/indicator/indicator.service';
import { isoWeekOf } from '../src/indicator/period';
import { dropKept, keptIndicatorTables, keptStored, sharedIndicators, sharedIndicatorTables, takeBackStored } from '../src/indicator/kept';
import { IndicatorRefresher } from '../src/indicator/refresh';
import { insertPeople, insertRows, personRow, startSituationAlone, TEST_COUNTY, TEST_TOWNSHIP, TEST_VILLAGE, type SituationAlone } from '@jiuye/testing/situation';

/**
 * The kept indicators (issue 16, indicator/kept.ts): the whole registry's suppressed tables of a
 * period are kept after they are computed and reused while no write to an indicator input has
 * committed since their snapshot. At every step — before and after inserts, updates, deletes, a
 * rolled-back change and a change committed while a computation was reading — the kept answer of
 * every region and period equals a computation from scratch; the kept tables are reused (one
 * statement) only while nothing changed; the background refresher computes a changed period
 * again once the change settles, so the next request is a kept read.
 */
jest.setTimeout(240_000);

const TODAY = todayInChina();
const YEAR = TODAY.slice(0, 4);
const TOWNSHIP_B = `${TEST_COUNTY}102`;
const VILLAGES = [TEST_VILLAGE, `${TEST_TOWNSHIP}202`, `${TOWNSHIP_B}201`];
const REGIONS = [
  { code: TEST_COUNTY, name: '东川区', level: 'COUNTY' },
  { code: TEST_TOWNSHIP, name: '甲镇', level: 'TOWNSHIP' },
  { code: TOWNSHIP_B, name: '乙乡', level: 'TOWNSHIP' },
  ...VILLAGES.map((code, i) => ({ code, name: `村${i + 1}`, level: 'VILLAGE' })),
];
const PERIODS = [YEAR, `${YEAR}-Q${Math.ceil(Number(TODAY.slice(5, 7)) / 3)}`, TODAY.slice(0, 7), isoWeekOf(TODAY), `${Number(YEAR) - 1}`];
const THRESHOLD = 5;
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined } as unknown as Logger;

let situation: SituationAlone;
let pool: pg.Pool;
let statements = 0;
let sql: Sql;
let id = 1000;

/** A day of this year on or before today (spread by n). */
const dayOf = (n: number) => {
  const day = addDays(TODAY, -(n % 300));
  return day.slice(0, 4) === YEAR ? day : `${YEAR}-01-0${1 + (n % 9)}`;
};

beforeAll(async () => {
  // The service's own refresher off: the refreshers these tests run are the only ones computing in the background.
  situation = await startSituationAlone({ indicatorsRefreshShare: 0 });
  pool = new pg.Pool({ connectionString: situation.subgraph.config.databaseUrl, max: 8 });
  const rows = async <T>(text: string, values: unknown[] = []): Promise<T[]> => {
    statements++;
    return (await pool.query({ text, values, types: readModelTypes })).rows as T[];
  };
  sql = { rows, one: async <T>(text: string, values?: unknown[]) => (await rows<T>(text, values))[0] };
  await insertRows(situation.db, 'division', [
    { code: TEST_COUNTY, name: '东川区', level: 'COUNTY', parent_code: '5301' },
    { code: TEST_TOWNSHIP, name: '甲镇', level: 'TOWNSHIP', parent_code: TEST_COUNTY },
    { code: TOWNSHIP_B, name: '乙乡', level: 'TOWNSHIP', parent_code: TEST_COUNTY },
    ...VILLAGES.map((code, i) => ({ code, name: `村${i + 1}`, level: 'VILLAGE', parent_code: code.slice(0, 9) })),
  ]);
  const people = Array.from({ length: 60 }, (_, i) =>
    personRow({
      village_code: VILLAGES[i % 3],
      employment_status: i % 3 === 0 ? 'UNEMPLOYED' : 'EMPLOYED',
      employment_place: i % 3 === 0 ? null : i % 2 === 0 ? 'IN_COUNTY' : 'OUT_OF_PROVINCE',
      poverty_status: [null, 'NOT_LIFTED', 'LIFTED', 'MARGINAL'][i % 4],
    }),
  );
  await insertPeople(situation.db, people);
  await insertRows(
    situation.db,
    'transfer_spell',
    people.slice(0, 40).map((p, i) => ({ id: id++, worker_id: p.worker_id, village_code: p.village_code, city_code: '4401', started_on: dayOf(i * 7), ended_on: null })),
  );
  await insertRows(
    situation.db,
    'subsidy_paid',
    people.slice(10, 50).map((p, i) => ({
      id: id++,
      worker_id: p.worker_id,
      village_code: p.village_code,
      kind: i % 2 ? 'TRAVEL_FARE' : 'ONE_OFF_EMPLOYMENT',
      amount: 300 + i,
      paid_on: dayOf(i * 5),
    })),
  );
});

afterAll(async () => {
  await pool?.end();
  await situation?.stop();
});

/** Every region and period: the kept answer equals one computed from scratch now. */
async function expectKeptEqualsComputed(): Promise<void> {
  for (const period of PERIODS) {
    const computed = await indicatorTables(sql, period, THRESHOLD);
    for (const region of REGIONS) {
      const kept = await sharedIndicators(sql, region, period, THRESHOLD);
      expect({ region: region.code, period, figures: kept }).toEqual({ region: region.code, period, figures: computed(region) });
    }
  }
}

/** The statements one request for a period's tables sends. */
async function statementsOf(period: string): Promise<number> {
  const before = statements;
  await sharedIndicatorTables(sql, period, THRESHOLD);
  return statements - before;
}

it('reuses the kept tables while nothing changed, with one statement per request', async () => {
  const first = await sharedIndicatorTables(sql, YEAR, THRESHOLD);
  expect(await sharedIndicatorTables(sql, YEAR, THRESHOLD)).toBe(first);
  expect(await statementsOf(YEAR)).toBe(1);
  await expectKeptEqualsComputed();
});

it('answers as a computation from scratch after each kind of change, and recomputes only after one', async () => {
  const kept = await sharedIndicatorTables(sql, YEAR, THRESHOLD);
  const changes: [string, () => Promise<unknown>][] = [
    [
      'a new transfer',
      () =>
        situation.db.query(
          `insert into transfer_spell (id, worker_id, village_code, city_code, started_on) select $1, worker_id, village_code, '4401', $2 from person_situation order by worker_id desc limit 1`,
          [id++, TODAY],
        ),
    ],
    [
      'a subsidy paid',
      () =>
        situation.db.query(
          `insert into subsidy_paid (id, worker_id, village_code, kind, amount, paid_on) select $1, worker_id, village_code, 'TRAVEL_FARE', 450, $2 from person_situation order by worker_id limit 1`,
          [id++, TODAY],
        ),
    ],
    ['a changed amount', () => situation.db.query(`update subsidy_paid set amount = amount + 7 where id = (select min(id) from subsidy_paid)`)],
    ['a deleted transfer', () => situation.db.query(`delete from transfer_spell where id = (select min(id) from transfer_spell)`)],
    [
      'kept counts of a village',
      () => situation.db.query(`update village_counts set able_labourers = able_labourers + 3, real_name = real_name + 3 where village_code = $1`, [VILLAGES[1]]),
    ],
    [
      'a verification',
      () =>
        situation.db.query(
          `insert into record_verification (id, worker_id, village_code, verified_on, outcome) select $1, worker_id, village_code, $2, 'CONFIRMED' from person_situation limit 1`,
          [id++, TODAY],
        ),
    ],
  ];
  let previous = kept;
  for (const [, change] of changes) {
    await change();
    const after = await sharedIndicatorTables(sql, YEAR, THRESHOLD);
    expect(after).not.toBe(previous);
    previous = after;
    await expectKeptEqualsComputed();
  }
});

it('keeps the tables after a change that was rolled back', async () => {
  const kept = await sharedIndicatorTables(sql, YEAR, THRESHOLD);
  await situation.db.query('begin');
  await situation.db.query(`delete from subsidy_paid`);
  await situation.db.query('rollback');
  expect(await sharedIndicatorTables(sql, YEAR, THRESHOLD)).toBe(kept);
});

it('computes again after a change that committed while the kept tables were being read', async () => {
  const writer = new pg.Client({ connectionString: situation.subgraph.config.databaseUrl });
  await writer.connect();
  try {
    // Written before the computation's snapshot, committed after it: invisible to it.
    await writer.query('begin');
    await writer.query(
      `insert into subsidy_paid (id, worker_id, village_code, kind, amount, paid_on) select $1, worker_id, village_code, 'ENTREPRENEURSHIP', 5000, $2 from person_situation limit 1`,
      [id++, TODAY],
    );
    await situation.db.query(`update subsidy_paid set amount = amount + 1 where id = (select max(id) from subsidy_paid where kind <> 'ENTREPRENEURSHIP')`);
    const during = await sharedIndicatorTables(sql, YEAR, THRESHOLD);
    await writer.query('commit');
    const after = await sharedIndicatorTables(sql, YEAR, THRESHOLD);
    expect(after).not.toBe(during);
    await expectKeptEqualsComputed();
  } finally {
    await writer.end();
  }
});

/** What a restart leaves of the kept tables in memory: nothing (the stored figures stay in the read model). */
async function forgetKept(): Promise<void> {
  const { database } = (await situation.db.query<{ database: string }>(`select current_database() as database`)).rows[0];
  dropKept(database, { askedBefore: Number.POSITIVE_INFINITY, computedBefore: 0, day: TODAY });
}

it('stores computed figures and, after a restart, takes them back while nothing changed: no computation, the same answers', async () => {
  const computed = await sharedIndicatorTables(sql, YEAR, THRESHOLD);
  await keptStored();
  const stored = await situation.db.query(`select period, threshold, day::text as day, length(figures) as bytes from indicator_kept where period = $1`, [YEAR]);
  expect(stored.rows).toEqual([{ period: YEAR, threshold: THRESHOLD, day: TODAY, bytes: expect.any(Number) }]);
  await forgetKept();
  // Probe (nothing kept), the stored row (current: taken back), the probe of what was taken: no figure is read from the registry.
  expect(await statementsOf(YEAR)).toBe(3);
  const restored = await sharedIndicatorTables(sql, YEAR, THRESHOLD);
  expect(restored).not.toBe(computed);
  for (const region of REGIONS) expect(restored(region)).toEqual(computed(region));
  // Kept again in memory: the next request is one statement.
  expect(await statementsOf(YEAR)).toBe(1);
  await expectKeptEqualsComputed();
});

it('does not take back stored figures after a change, of another day or of another build: computes them', async () => {
  await sharedIndicatorTables(sql, YEAR, THRESHOLD);
  await keptStored();
  const cases: [string, () => Promise<unknown>][] = [
    ['a change since they were computed', () => situation.db.query(`update subsidy_paid set amount = amount + 29 where id = (select min(id) from subsidy_paid)`)],
    ['computed on another day', () => situation.db.query(`update indicator_kept set day = day - 1 where period = $1`, [YEAR])],
    ['computed by another build', () => situation.db.query(`update indicator_kept set version = 'another build' where period = $1`, [YEAR])],
  ];
  for (const [label, change] of cases) {
    await change();
    await forgetKept();
    const computedStatements = await statementsOf(YEAR);
    expect({ label, computed: computedStatements > 3 }).toEqual({ label, computed: true });
    await keptStored();
    // Stored again by the computation, for this day and build.
    const row = (await situation.db.query(`select day::text as day, version <> 'another build' as ours from indicator_kept where period = $1`, [YEAR])).rows[0];
    expect({ label, ...row }).toEqual({ label, day: TODAY, ours: true });
  }
  await expectKeptEqualsComputed();
});

it('takes back at a start every period stored today and still current (the warm-up), and none after a change', async () => {
  for (const period of PERIODS) await sharedIndicatorTables(sql, period, THRESHOLD);
  await keptStored();
  await forgetKept();
  expect((await takeBackStored(sql, THRESHOLD)).sort()).toEqual([...PERIODS].sort());
  for (const period of PERIODS) expect({ period, statements: await statementsOf(period) }).toEqual({ period, statements: 1 });
  await expectKeptEqualsComputed();
  // Already kept: nothing to take back.
  expect(await takeBackStored(sql, THRESHOLD)).toEqual([]);
  await situation.db.query(`update subsidy_paid set amount = amount + 31 where id = (select min(id) from subsidy_paid)`);
  await forgetKept();
  expect(await takeBackStored(sql, THRESHOLD)).toEqual([]);
  await expectKeptEqualsComputed();
});

it('computes a changed period again in the background once the change settles, so the next request is a kept read', async () => {
  const refresher = new IndicatorRefresher(situation.subgraph.config.databaseUrl, quiet, { pollMs: 60_000, settleMs: 0 });
  try {
    await sharedIndicatorTables(sql, TODAY.slice(0, 7), THRESHOLD);
    expect(await refresher.tick()).toEqual([]);
    await situation.db.query(`update subsidy_paid set amount = amount + 11 where id = (select min(id) from subsidy_paid)`);
    const refreshed = await refresher.tick();
    expect(refreshed).toContain(TODAY.slice(0, 7));
    expect(await statementsOf(TODAY.slice(0, 7))).toBe(1);
    await expectKeptEqualsComputed();
  } finally {
    await refresher.stop();
  }
});

it('rests after computing, so a stream of changes takes at most busyShare of the service in the background', async () => {
  const refresher = new IndicatorRefresher(situation.subgraph.config.databaseUrl, quiet, { pollMs: 60_000, settleMs: 0, busyShare: 0.1 });
  try {
    await sharedIndicatorTables(sql, TODAY.slice(0, 7), THRESHOLD);
    await situation.db.query(`update subsidy_paid set amount = amount + 17 where id = (select min(id) from subsidy_paid)`);
    const started = Date.now();
    expect(await refresher.tick()).toContain(TODAY.slice(0, 7));
    const busyMs = Date.now() - started;
    // Changed again at once: not computed in the background for 9 × the time the last computation took.
    await situation.db.query(`update subsidy_paid set amount = amount + 19 where id = (select min(id) from subsidy_paid)`);
    expect(await refresher.tick()).toEqual([]);
    await expectKeptEqualsComputed();
    // The month asked last (a kept read): the refresher computes the most recently asked period first.
    await sharedIndicatorTables(sql, TODAY.slice(0, 7), THRESHOLD);
    await situation.db.query(`update subsidy_paid set amount = amount + 23 where id = (select min(id) from subsidy_paid)`);
    // Once rested, computed in the background again: the month first (one period per rest; the other kept periods after it).
    const refreshed: string[] = [];
    // Generous: under a loaded CI each period's build (on the indicator worker) takes longer, and each rests 9 × that.
    const deadline = Date.now() + 20 * busyMs + 150_000;
    while (!refreshed.includes(TODAY.slice(0, 7)) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      refreshed.push(...(await refresher.tick()));
    }
    expect(refreshed[0]).toBe(TODAY.slice(0, 7));
  } finally {
    await refresher.stop();
  }
}, 240_000);

it('waits for changes to settle before computing again', async () => {
  const refresher = new IndicatorRefresher(situation.subgraph.config.databaseUrl, quiet, { pollMs: 60_000, settleMs: 60_000, maxDelayMs: 60_000 });
  try {
    await sharedIndicatorTables(sql, YEAR, THRESHOLD);
    await situation.db.query(`update subsidy_paid set amount = amount + 13 where id = (select min(id) from subsidy_paid)`);
    // Not computed in the background yet (the change has not settled): the next request computes it.
    expect(await refresher.tick()).toEqual([]);
    await expectKeptEqualsComputed();
  } finally {
    await refresher.stop();
  }
});

it('answers the tables read before a change, with their freshness, when a bounded staleness is allowed, and current ones once computed again', async () => {
  const before = await keptIndicatorTables(sql, YEAR, THRESHOLD, 60_000);
  expect(before.stale).toBeNull();
  await situation.db.query(`update subsidy_paid set amount = amount + 17 where id = (select min(id) from subsidy_paid)`);
  const stale = await keptIndicatorTables(sql, YEAR, THRESHOLD, 60_000);
  expect(stale.readout).toBe(before.readout);
  expect(stale.stale).not.toBeNull();
  expect(stale.stale!.departments.map((d) => d.department).sort()).toEqual(['civil', 'hr', 'partner', 'poverty', 'training']);
  // The computation it started ends; then the answer is current again.
  let current = stale;
  for (let i = 0; i < 100 && current.stale; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    current = await keptIndicatorTables(sql, YEAR, THRESHOLD, 60_000);
  }
  expect(current.stale).toBeNull();
  expect(current.readout).not.toBe(before.readout);
  await expectKeptEqualsComputed();
  // Tables read longer ago than allowed are not answered: the request waits for current ones.
  await new Promise((resolve) => setTimeout(resolve, 20));
  await situation.db.query(`update subsidy_paid set amount = amount + 19 where id = (select min(id) from subsidy_paid)`);
  const waited = await keptIndicatorTables(sql, YEAR, THRESHOLD, 10);
  expect(waited.stale).toBeNull();
  expect(waited.readout).not.toBe(current.readout);
  await expectKeptEqualsComputed();
});
