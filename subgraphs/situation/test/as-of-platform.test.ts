import pg from 'pg';
import { addDays, todayInChina, type SituationConfig } from '@jiuye/common';
import { AccessLogStore } from '@jiuye/gateway';
import { pseudonymOf } from '@jiuye/testing/harness';
import { COUNTY_OFFICER, DEMO_COUNTY, startTestPlatform, userHeaders, type TestPlatform } from '@jiuye/testing/platform';
import { readModelTypes, type Sql } from '../src/db';
import { asOfInstant, VERSIONED_TABLES } from '../src/history/as-of';
import { openSourcePools, rebuildReadModel } from '../src/projection/feed';
import { rosterPage } from '../src/roster/roster.service';
import { RosterKindVocabulary, type RosterKind } from '../src/roster/roster-kinds';

/**
 * As-of answers over the seeded demo county, with the departments changing through their own
 * mutations and the change feed projecting them: the roster as of each instant captured between
 * the changes equals the live roster read through the gateway at that instant, a rebuild in
 * between adds no version, and through the gateway an as-of read is purpose-checked and logged
 * like a live one.
 */
jest.setTimeout(300_000);

let platform: TestPlatform;
let db: pg.Client;
let sql: Sql;
const TODAY = todayInChina();
const KINDS = RosterKindVocabulary.values as RosterKind[];
const COUNTY = { code: DEMO_COUNTY, name: '东川区', level: 'COUNTY' };
const ROSTER = `query ($kind: RosterKind!, $region: String, $asOf: LocalDate, $after: String) {
  roster(kind: $kind, region: $region, asOf: $asOf, first: 500, after: $after) { asOf totalCount nodes { id employmentStatus povertyStatus villageCode } pageInfo { hasNextPage endCursor } }
}`;

/** Every roster of the county through the gateway, all pages. */
async function liveRosters(asOf: string | null = null): Promise<Record<string, { ids: string[]; totalCount: number }>> {
  const out: Record<string, { ids: string[]; totalCount: number }> = {};
  for (const kind of KINDS) {
    const ids: string[] = [];
    let after: string | null = null;
    let totalCount: number;
    for (;;) {
      const response: any = await platform.query(ROSTER, { kind, region: DEMO_COUNTY, asOf, after });
      expect(response.errors).toBeUndefined();
      ids.push(...response.data.roster.nodes.map((n: { id: string }) => n.id));
      totalCount = response.data.roster.totalCount;
      if (!response.data.roster.pageInfo.hasNextPage) break;
      after = response.data.roster.pageInfo.endCursor;
    }
    out[kind] = { ids, totalCount };
  }
  return out;
}

/** The same, from the history at an instant (the service the resolver calls). */
async function rostersAt(at: Date): Promise<Record<string, { ids: string[]; totalCount: number }>> {
  const out: Record<string, { ids: string[]; totalCount: number }> = {};
  for (const kind of KINDS) {
    const ids: string[] = [];
    let after: string | null = null;
    let totalCount: number;
    for (;;) {
      const page = await rosterPage(sql, { kind, region: COUNTY, first: 500, after, asOf: asOfInstant(at) });
      ids.push(...page.nodes.map((n) => n.worker_id));
      totalCount = page.totalCount;
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    out[kind] = { ids, totalCount };
  }
  return out;
}

async function waitFor(check: () => Promise<boolean>): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > 15_000) throw new Error('the read model did not follow within 15 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function versions(): Promise<number> {
  let n = 0;
  for (const table of VERSIONED_TABLES) n += (await db.query<{ n: number }>(`select count(*)::int as n from "${table}_version"`)).rows[0].n;
  return n;
}

beforeAll(async () => {
  platform = await startTestPlatform(200);
  const config = platform.subgraphs.situation.config as SituationConfig;
  db = new pg.Client({ connectionString: config.databaseUrl, types: readModelTypes });
  await db.connect();
  sql = { rows: async (text, values) => (await db.query(text, values)).rows, one: async (text, values) => (await db.query(text, values)).rows[0] };
});
afterAll(async () => {
  await db?.end();
  await platform?.stop();
});

describe('as of instants between department changes made through the graph', () => {
  it('equals the live roster captured at each instant, across a rebuild', async () => {
    const captured: { at: Date; rosters: Awaited<ReturnType<typeof liveRosters>> }[] = [];
    const capture = async () => {
      // Let the feed finish what is in flight, then read and stamp the live answer.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const rosters = await liveRosters();
      captured.push({ at: new Date(), rosters });
      await new Promise((resolve) => setTimeout(resolve, 20));
    };
    await capture();

    // hr: an unemployed worker starts a job.
    const [unemployed] = await platform.subgraphs.hr.sql<{ id_number: string }>(
      `select id_number from worker where employment_status = 'UNEMPLOYED' and population_status = 'AT_HOME' order by id limit 1`,
    );
    const workerId = pseudonymOf(unemployed.id_number);
    const started: any = await platform.query(`mutation($input: RecordEmploymentStartInput!) { recordEmploymentStart(input: $input) { id } }`, {
      input: { idNumber: unemployed.id_number, kind: 'POVERTY_WORKSHOP', place: 'IN_TOWNSHIP', employerName: '村扶贫车间', location: '本村', startsOn: TODAY, monthlyWage: 2200 },
    });
    expect(started.errors).toBeUndefined();
    await waitFor(async () => (await rostersAt(new Date())).EMPLOYED.ids.includes(workerId));
    await capture();
    expect(captured[1].rosters.EMPLOYED.ids).toContain(workerId);
    expect(captured[0].rosters.EMPLOYED.ids).not.toContain(workerId);

    // poverty: a lifted household relapses.
    const {
      rows: [household],
    } = await db.query<{ code: string }>(`select household_code as code from person_situation where poverty_status = 'LIFTED' order by household_code limit 1`);
    const changed: any = await platform.queryAs(
      { subject: 'poverty-county', department: 'poverty', role: 'officer', region: DEMO_COUNTY, permissions: [] },
      `mutation($input: ChangePovertyStatusInput!) { changePovertyStatus(input: $input) { code } }`,
      {
        input: { householdCode: household.code, status: 'LIFTED_UNSTABLE', effectiveOn: TODAY, reason: '因病返贫风险' },
      },
    );
    expect(changed.errors).toBeUndefined();
    const relapsed = async () =>
      (await db.query(`select 1 from person_situation where household_code = $1 and poverty_status = 'LIFTED_UNSTABLE'`, [household.code])).rowCount! > 0;
    await waitFor(relapsed);
    await capture();

    // A rebuild from the departments rewrites every row: identical ones make no version.
    const before = await versions();
    const config = platform.subgraphs.situation.config as SituationConfig;
    const sources = openSourcePools(config.sourceDatabaseUrls);
    try {
      await rebuildReadModel(config.databaseUrl, sources);
    } finally {
      await Promise.all(Object.values(sources).map((pool) => pool.end()));
    }
    expect(await versions()).toBe(before);

    for (const [i, step] of captured.entries()) expect({ step: i, rosters: await rostersAt(step.at) }).toEqual({ step: i, rosters: step.rosters });
    // Today, through the gateway: the live answer.
    expect(await liveRosters(TODAY)).toEqual(await liveRosters());
  });
});

describe('through the gateway', () => {
  it('an as-of person read needs a purpose, and is logged like a live one', async () => {
    const [row] = await db
      .query<{ worker_id: string; village_code: string }>(`select worker_id, village_code from person_situation order by worker_id limit 1`)
      .then((r) => r.rows);
    const PERSON = `query ($id: ID!, $asOf: LocalDate) { situationPerson(id: $id, asOf: $asOf) { id villageCode employmentStatus } }`;
    const read: any = await platform.query(PERSON, { id: row.worker_id, asOf: TODAY });
    expect(read.errors).toBeUndefined();
    expect(read.data.situationPerson).toMatchObject({ id: row.worker_id, villageCode: row.village_code });
    const store = await AccessLogStore.open(platform.auditDatabaseUrl);
    try {
      const entries = await store.find({ staff: COUNTY_OFFICER.subject, workerIds: [row.worker_id], limit: 10 });
      expect(entries.length).toBeGreaterThan(0);
      expect(entries[0]).toMatchObject({ workerId: row.worker_id, villageCode: row.village_code });
    } finally {
      await store.close();
    }
    const noPurpose = await fetch(platform.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await userHeaders(COUNTY_OFFICER, null)) },
      body: JSON.stringify({ query: PERSON, variables: { id: row.worker_id, asOf: TODAY } }),
    });
    const refused: any = await noPurpose.json();
    expect(refused.data?.situationPerson ?? null).toBeNull();
    expect(refused.errors?.length).toBeGreaterThan(0);
  });

  it('a day before history began (the migration, today in a fresh database) is bad input naming asOf and the first day', async () => {
    const response: any = await platform.query(ROSTER, { kind: 'REAL_NAME', region: DEMO_COUNTY, asOf: addDays(TODAY, -1) });
    expect(response.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'asOf' } });
    expect(response.errors[0].message).toContain(TODAY);
  });

  it('exports take asOf: the as-of roster as CSV (its day in the preamble and in export_log); a day outside the history, a malformed one, or a view without history is a 400 naming asOf', async () => {
    const base = platform.gateway.url.replace(/\/graphql$/, '');
    const download = async (path: string) => fetch(base + path, { headers: await userHeaders(COUNTY_OFFICER, 'verification') });
    const csv = await download(`/exports/roster.csv?kind=EMPLOYED&region=${DEMO_COUNTY}&asOf=${TODAY}`);
    expect(csv.status).toBe(200);
    const lines = Buffer.from(await csv.arrayBuffer())
      .subarray(3)
      .toString('utf8')
      .split('\r\n')
      .filter(Boolean);
    expect(lines.some((line) => line.includes(`数据日期：${TODAY}`))).toBe(true);
    const header = lines.findIndex((line) => line.startsWith('序号,'));
    const roster: any = await platform.query(ROSTER, { kind: 'EMPLOYED', region: DEMO_COUNTY, asOf: TODAY });
    expect(lines.length - header - 1).toBe(roster.data.roster.totalCount);
    const { rows: logged } = await db.query(`select view, kind, as_of::text as as_of from export_log order by id desc limit 1`);
    // (its row count is written after the last byte: not awaited here)
    expect(logged).toEqual([{ view: 'roster', kind: 'EMPLOYED', as_of: TODAY }]);
    for (const path of [
      `/exports/roster.csv?kind=EMPLOYED&region=${DEMO_COUNTY}&asOf=${addDays(TODAY, -1)}`,
      `/exports/roster.csv?kind=EMPLOYED&region=${DEMO_COUNTY}&asOf=2026-13-01`,
      `/exports/warnings.csv?region=${DEMO_COUNTY}&asOf=${TODAY}`,
    ]) {
      const refused = await download(path);
      expect({ path, status: refused.status }).toEqual({ path, status: 400 });
      expect(await refused.text()).toContain('asOf');
    }
  });
});
