import type pg from 'pg';
import { ageOn, addDays, todayInChina, type Identity, type Purpose, type SituationConfig } from '@jiuye/common';
import {
  COUNTY_DASHBOARD,
  COUNTY_STAFF,
  insertPeople,
  insertRows,
  OTHER_VILLAGE,
  personRow,
  startSituationAlone,
  TEST_COUNTY,
  TEST_TOWNSHIP,
  TEST_VILLAGE,
  type SituationAlone,
} from '@jiuye/testing/situation';
import type { PersonRow } from '../src/projection/person';
import { openSourcePools, rebuildReadModel } from '../src/projection/feed';
import { asOfInstant, sqlAsOf, VERSIONED_TABLES, type AsOf } from '../src/history/as-of';
import { rosterPage } from '../src/roster/roster.service';
import { recountVillages } from '../src/roster/village-counts';
import { loadHouseholdMembers, zeroEmploymentPage } from '../src/household/zero-employment.service';
import { personInRegion } from '../src/person/situation-person.service';
import { RosterKindVocabulary, type RosterKind } from '../src/roster/roster-kinds';
import type { Sql } from '../src/db';
import type { Region } from '../src/region/region.types';

/**
 * As-of answers from the read model's history (Migration20261207120000, history/as-of.ts),
 * checked against constructed histories: a sequence of changes written the way the projector
 * writes them (delete, re-insert, recount, one transaction each), the live answers captured
 * between them, and the as-of answer at each captured instant compared with what was live then —
 * at the instant before and after each change, across a move between villages, a rebuild that
 * rewrites identical rows, and (through the graph, with the history moved onto chosen days) the
 * end-of-day boundary in China time and days outside the history.
 */

const COUNTY: Region = { code: TEST_COUNTY, name: '东川区', level: 'COUNTY' };
const VILLAGE: Region = { code: TEST_VILLAGE, name: '甲村', level: 'VILLAGE' };
const OTHER: Region = { code: OTHER_VILLAGE, name: '乙村', level: 'VILLAGE' };
const KINDS = RosterKindVocabulary.values;

const DIVISIONS = [
  { code: TEST_COUNTY, name: '东川区', level: 'COUNTY', parent_code: '5301' },
  { code: TEST_TOWNSHIP, name: '甲镇', level: 'TOWNSHIP', parent_code: TEST_COUNTY },
  { code: TEST_VILLAGE, name: '甲村', level: 'VILLAGE', parent_code: TEST_TOWNSHIP },
  { code: OTHER_VILLAGE, name: '乙村', level: 'VILLAGE', parent_code: TEST_TOWNSHIP },
];

function sqlOver(db: pg.ClientBase): Sql {
  const rows = async <T>(text: string, values: unknown[] = []) => (await db.query(text, values)).rows as T[];
  return { rows, one: async <T>(text: string, values?: unknown[]) => (await rows<T>(text, values))[0] };
}

/** One change as the projector makes it: in one transaction, the people's rows replaced, their old and new households rewritten, villages recounted. Returns the transaction's timestamp. */
async function change(db: pg.ClientBase, people: PersonRow[], removed: string[] = []): Promise<string> {
  await db.query('begin');
  const { rows } = await db.query<{ at: string }>(`select now()::text as at`);
  const ids = [...people.map((p) => p.worker_id), ...removed];
  const before = await db.query<{ household_code: string; village_code: string }>('select household_code, village_code from person_situation where worker_id = any($1::text[])', [
    ids,
  ]);
  await db.query('delete from person_situation where worker_id = any($1::text[])', [ids]);
  await insertPeople(db, people);
  // The households and villages the people left (insertPeople recounts the ones they are in).
  const leftHouseholds = before.rows.map((r) => r.household_code);
  if (leftHouseholds.length) {
    await db.query('delete from household_situation where code = any($1::text[]) and not exists (select 1 from person_situation p where p.household_code = code)', [
      leftHouseholds,
    ]);
    await recountVillages(
      db,
      before.rows.map((r) => r.village_code),
    );
  }
  await db.query('commit');
  return rows[0].at;
}

/** What a rebuild writes when nothing changed: every row deleted and inserted again, in one transaction. */
async function rewriteEverything(db: pg.ClientBase): Promise<void> {
  await db.query('begin');
  for (const table of VERSIONED_TABLES) {
    const { rows } = await db.query(`select * from "${table}"`);
    await db.query(`delete from "${table}"`);
    await insertRows(db, table, rows);
  }
  await db.query('commit');
}

async function versionCounts(db: pg.ClientBase): Promise<Record<string, { all: number; current: number }>> {
  const out: Record<string, { all: number; current: number }> = {};
  for (const table of VERSIONED_TABLES) {
    const { rows } = await db.query<{ all: number; current: number }>(
      `select count(*)::int as all, (count(*) filter (where valid_to is null))::int as current from "${table}_version"`,
    );
    out[table] = rows[0];
  }
  return out;
}

interface Snapshot {
  rosters: Record<string, { ids: string[]; totalCount: number }>;
  zero: Record<string, { codes: string[]; members: string[][]; totalCount: number }>;
  people: Record<string, unknown>;
}

/** Every roster of every region, the zero-employment households with their members, and each person's row: live (asOf null) or as of an instant. */
async function snapshot(sql: Sql, asOf: AsOf | null, workerIds: string[]): Promise<Snapshot> {
  const rosters: Snapshot['rosters'] = {};
  const zero: Snapshot['zero'] = {};
  for (const region of [COUNTY, VILLAGE, OTHER]) {
    for (const kind of KINDS) {
      const page = await rosterPage(sql, { kind: kind as RosterKind, region, first: 500, asOf });
      rosters[`${kind}@${region.code}`] = { ids: page.nodes.map((n) => n.worker_id), totalCount: page.totalCount };
    }
    const households = await zeroEmploymentPage(sql, region, 500, null, asOf);
    const members = await loadHouseholdMembers(
      sqlAsOf(sql, asOf),
      households.nodes.map((h) => h.code),
    );
    zero[region.code] = { codes: households.nodes.map((h) => h.code), members: members.map((m) => m.map((p) => p.worker_id).sort()), totalCount: households.totalCount };
  }
  const people: Snapshot['people'] = {};
  for (const id of workerIds) people[id] = await personInRegion(sql, id, COUNTY, asOf);
  return { rosters, zero, people };
}

describe('as-of answers at instants between constructed changes', () => {
  let situation: SituationAlone;
  let sql: Sql;
  const steps: { name: string; at: string; live: Snapshot; after: Date }[] = [];
  let ids: string[];

  beforeAll(async () => {
    situation = await startSituationAlone();
    sql = sqlOver(situation.db);
    await insertRows(situation.db, 'division', DIVISIONS);
    const mover = personRow({ village_code: TEST_VILLAGE, household_code: `${TEST_VILLAGE}0801`, poverty_status: 'NOT_LIFTED' });
    const worker = personRow({ village_code: TEST_VILLAGE, household_code: `${TEST_VILLAGE}0802`, training_wish: '电工' });
    const neighbour = personRow({
      village_code: TEST_VILLAGE,
      household_code: `${TEST_VILLAGE}0802`,
      poverty_status: 'LIFTED',
      employment_status: 'EMPLOYED',
      employment_place: 'IN_COUNTY',
    });
    const youth = personRow({ village_code: OTHER_VILLAGE, household_code: `${OTHER_VILLAGE}0803`, birth_date: '2006-03-01', education: 'SENIOR_HIGH' });
    const leaver = personRow({ village_code: OTHER_VILLAGE, household_code: `${OTHER_VILLAGE}0804`, poverty_status: 'MARGINAL' });
    ids = [mover, worker, neighbour, youth, leaver].map((p) => p.worker_id);
    const record = async (name: string, at: string) => {
      steps.push({ name, at, live: await snapshot(sql, null, ids), after: new Date() });
      // Two changes never share a millisecond: the instants captured between them are distinct.
      await new Promise((resolve) => setTimeout(resolve, 5));
    };
    await record('registered', await change(situation.db, [mover, worker, neighbour, youth, leaver]));
    await record('worker employed', await change(situation.db, [{ ...worker, employment_status: 'EMPLOYED', employment_place: 'IN_TOWNSHIP', training_wish: null }]));
    await record(
      'mover moved village (new household)',
      await change(situation.db, [{ ...mover, village_code: OTHER_VILLAGE, household_code: `${OTHER_VILLAGE}0805`, poverty_status: 'LIFTED_UNSTABLE' }]),
    );
    await record(
      'neighbour lost the job, leaver left the registry',
      await change(situation.db, [{ ...neighbour, employment_status: 'UNEMPLOYED', employment_place: null }], [leaver.worker_id]),
    );
  });
  afterAll(async () => situation?.stop());

  it('as of each captured instant, every roster, household list and person equals what was live then', async () => {
    for (const step of steps) {
      expect({ step: step.name, answer: await snapshot(sql, asOfInstant(step.after), ids) }).toEqual({ step: step.name, answer: step.live });
    }
  });

  it('the instant a change is stamped with is the first to show it; the microsecond before still shows the state before', async () => {
    for (const [i, step] of steps.entries()) {
      // JavaScript dates carry milliseconds only: the microsecond before is computed in SQL.
      const { rows } = await situation.db.query<{ before: string }>(`select ($1::timestamptz - interval '1 microsecond')::text as before`, [step.at]);
      expect(await snapshot(sql, { day: todayInChina(), instant: step.at }, ids)).toEqual(step.live);
      if (i > 0) expect(await snapshot(sql, { day: todayInChina(), instant: rows[0].before }, ids)).toEqual(steps[i - 1].live);
    }
  });

  it('the person who moved is on the old village as of before the move and on the new one after; nothing of them answers for the other village', async () => {
    const mover = ids[0];
    const [, employed, moved] = steps;
    expect(employed.live.rosters[`REAL_NAME@${TEST_VILLAGE}`].ids).toContain(mover);
    const before = await snapshot(sql, asOfInstant(employed.after), ids);
    expect(before.rosters[`REAL_NAME@${TEST_VILLAGE}`].ids).toContain(mover);
    expect(before.rosters[`REAL_NAME@${OTHER_VILLAGE}`].ids).not.toContain(mover);
    expect(before.rosters[`NOT_LIFTED_POOR@${TEST_VILLAGE}`].ids).toContain(mover);
    const after = await snapshot(sql, asOfInstant(moved.after), ids);
    expect(after.rosters[`REAL_NAME@${TEST_VILLAGE}`].ids).not.toContain(mover);
    expect(after.rosters[`RELAPSE_RISK@${OTHER_VILLAGE}`].ids).toContain(mover);
    // The village's own lookup: the mover is in it as of then, not now (same answer as an unknown worker).
    expect(await personInRegion(sql, mover, VILLAGE, asOfInstant(employed.after))).not.toBeNull();
    expect(await personInRegion(sql, mover, VILLAGE, asOfInstant(moved.after))).toBeNull();
    expect(await personInRegion(sql, 'wunknown00000000', VILLAGE, asOfInstant(employed.after))).toBeNull();
  });

  it('a rebuild that rewrites identical rows makes no version and changes no as-of answer', async () => {
    const before = await versionCounts(situation.db);
    await rewriteEverything(situation.db);
    expect(await versionCounts(situation.db)).toEqual(before);
    for (const step of steps) expect(await snapshot(sql, asOfInstant(step.after), ids)).toEqual(step.live);
    expect(await snapshot(sql, null, ids)).toEqual(steps[steps.length - 1].live);
  });

  it('a change undone in the same transaction leaves no version; a version born and ended in one transaction leaves nothing', async () => {
    const before = await versionCounts(situation.db);
    await situation.db.query('begin');
    await situation.db.query(`update person_situation set employment_status = 'UNABLE_TO_WORK' where worker_id = $1`, [ids[1]]);
    await situation.db.query(`update person_situation set employment_status = 'EMPLOYED' where worker_id = $1`, [ids[1]]);
    await situation.db.query(`update village_counts set employed = employed + 1 where village_code = $1`, [TEST_VILLAGE]);
    await situation.db.query(`update village_counts set employed = employed - 1, counted_at = now() where village_code = $1`, [TEST_VILLAGE]);
    await insertRows(situation.db, 'division', [{ code: '530113101299', name: '临时村', level: 'VILLAGE', parent_code: TEST_TOWNSHIP }]);
    await situation.db.query(`delete from division where code = '530113101299'`);
    await situation.db.query('commit');
    expect(await versionCounts(situation.db)).toEqual(before);
  });

  it('a real rebuild from departments that no longer hold anybody ends every version and keeps the history', async () => {
    const config = situation.subgraph.config as SituationConfig;
    const sources = openSourcePools(config.sourceDatabaseUrls);
    try {
      await rebuildReadModel(config.databaseUrl, sources);
    } finally {
      await Promise.all(Object.values(sources).map((pool) => pool.end()));
    }
    const now = await snapshot(sql, null, ids);
    expect(now.rosters[`REAL_NAME@${TEST_COUNTY}`]).toEqual({ ids: [], totalCount: 0 });
    for (const step of steps) expect(await snapshot(sql, asOfInstant(step.after), ids)).toEqual(step.live);
  });

  it('a statement with CTEs of its own (plain or recursive) is shadowed all the same', async () => {
    const [first, second] = steps;
    for (const [step, expected] of [
      [first, first.live.rosters[`REAL_NAME@${TEST_COUNTY}`].totalCount],
      [second, second.live.rosters[`REAL_NAME@${TEST_COUNTY}`].totalCount],
    ] as const) {
      const shadowed = sqlAsOf(sql, asOfInstant(step.after));
      expect(await shadowed.one(`with people as (select worker_id from person_situation) select count(*)::int as n from people`)).toEqual({ n: expected });
      expect(
        await shadowed.one(`with recursive n(i) as (select 1 union all select i + 1 from n where i < 2) select count(*)::int as n from person_situation, n where n.i = 1`),
      ).toEqual({ n: expected });
    }
  });

  it('each versioned table and its _version have the same columns (but the projection stamp and the validity)', async () => {
    for (const table of VERSIONED_TABLES) {
      const columns = async (name: string) =>
        (
          await situation.db.query<{ column_name: string; data_type: string }>(
            `select column_name, data_type from information_schema.columns where table_name = $1 and column_name not in ('projected_at', 'counted_at', 'valid_from', 'valid_to') order by column_name`,
            [name],
          )
        ).rows;
      expect(await columns(`${table}_version`)).toEqual(await columns(table));
    }
  });

  it('an as-of county page walks an index, not every version', async () => {
    await situation.db.query('set enable_seqscan = off');
    try {
      const { rows } = await situation.db.query<{ 'QUERY PLAN': string }>(
        `explain with person_situation as not materialized (select * from person_situation_version where valid_from <= $2::timestamptz and (valid_to is null or valid_to > $2::timestamptz))
           select p.worker_id from person_situation p where p.village_code like $1 || '%' order by p.village_code, p.worker_id limit 51`,
        [TEST_COUNTY, new Date().toISOString()],
      );
      expect(rows.map((r) => r['QUERY PLAN']).join('\n')).toMatch(/Index (Only )?Scan using person_situation_version_village_index/);
    } finally {
      await situation.db.query('reset enable_seqscan');
    }
  });
});

describe('asOf through the graph: days in China time, the end-of-day boundary, days outside the history', () => {
  let situation: SituationAlone;
  const youth = personRow({ village_code: TEST_VILLAGE, household_code: `${TEST_VILLAGE}0901`, birth_date: '2003-11-01', education: 'JUNIOR_HIGH' });
  const worker = personRow({ village_code: TEST_VILLAGE, household_code: `${TEST_VILLAGE}0902` });
  const mover = personRow({ village_code: TEST_VILLAGE, household_code: `${TEST_VILLAGE}0903`, poverty_status: 'NOT_LIFTED' });
  const ROSTER = `query ($kind: RosterKind!, $region: String, $asOf: LocalDate) {
    roster(kind: $kind, region: $region, asOf: $asOf, first: 500) { asOf totalCount nodes { id age villageCode employmentStatus } }
  }`;
  const ZERO = `query ($region: String, $asOf: LocalDate) {
    zeroEmploymentHouseholds(region: $region, asOf: $asOf, first: 500) { asOf totalCount nodes { code members { id age } } }
  }`;
  const PERSON = `query ($id: ID!, $asOf: LocalDate) { situationPerson(id: $id, asOf: $asOf) { id age villageCode employmentStatus povertyStatus } }`;
  const ids = (response: any) => response.data.roster.nodes.map((n: { id: string }) => n.id).sort();

  beforeAll(async () => {
    situation = await startSituationAlone();
    const db = situation.db;
    // The changes happen now; their instants are then moved onto the days the test is about.
    const stamps: string[] = [(await db.query<{ at: string }>('select begins_at::text as at from history_start')).rows[0].at];
    await db.query('begin');
    stamps.push((await db.query<{ at: string }>('select now()::text as at')).rows[0].at);
    await insertRows(db, 'division', DIVISIONS);
    await db.query('commit');
    stamps.push(await change(db, [youth, worker, mover]));
    stamps.push(await change(db, [{ ...worker, employment_status: 'EMPLOYED', employment_place: 'IN_COUNTY' }]));
    stamps.push(await change(db, [{ ...mover, village_code: OTHER_VILLAGE, household_code: `${OTHER_VILLAGE}0903` }]));
    const days = [
      '2026-06-30T09:00:00+08:00', // history begins
      '2026-06-30T09:30:00+08:00', // divisions
      '2026-06-30T10:00:00+08:00', // people registered
      '2026-09-30T23:59:59.999999+08:00', // the worker employed in the last microsecond of the quarter
      '2026-10-01T00:00:00+08:00', // the mover moved at the first instant of the next
    ];
    const map = `(values ${stamps.map((_, i) => `($${2 * i + 1}::timestamptz, $${2 * i + 2}::timestamptz)`).join(', ')}) m(real, fake)`;
    const values = stamps.flatMap((stamp, i) => [stamp, days[i]]);
    for (const table of VERSIONED_TABLES) {
      await db.query(
        `update "${table}_version" v set valid_from = (select fake from ${map} where real = v.valid_from), valid_to = coalesce((select fake from ${map} where real = v.valid_to), v.valid_to)`,
        values,
      );
    }
    await db.query(`update history_start set begins_at = (select fake from ${map} where real = begins_at)`, values);
  });
  afterAll(async () => situation?.stop());

  it('freshness tells the first day asOf accepts', async () => {
    const response: any = await situation.queryAs(COUNTY_STAFF, `{ situationFreshness { historyBeginsOn } }`);
    expect(response.data.situationFreshness.historyBeginsOn).toBe('2026-06-30');
  });

  it('as of the day history begins, and the quarter end: each as it was, ages and the two-after youth as of that day', async () => {
    const june: any = await situation.queryAs(COUNTY_STAFF, ROSTER, { kind: 'REAL_NAME', asOf: '2026-06-30' });
    expect(june.errors).toBeUndefined();
    expect(june.data.roster.asOf).toBe('2026-06-30');
    expect(ids(june)).toEqual([youth, worker, mover].map((p) => p.worker_id).sort());
    expect(june.data.roster.nodes.find((n: any) => n.id === youth.worker_id).age).toBe(ageOn(youth.birth_date, '2026-06-30'));

    const juneEmployed: any = await situation.queryAs(COUNTY_STAFF, ROSTER, { kind: 'EMPLOYED', asOf: '2026-06-30' });
    expect(juneEmployed.data.roster).toMatchObject({ totalCount: 0, nodes: [] });
    const quarter: any = await situation.queryAs(COUNTY_STAFF, ROSTER, { kind: 'EMPLOYED', asOf: '2026-09-30' });
    expect(ids(quarter)).toEqual([worker.worker_id]);
    expect(quarter.data.roster.totalCount).toBe(1);
    const youthThen: any = await situation.queryAs(COUNTY_STAFF, ROSTER, { kind: 'TWO_AFTER_YOUTH', asOf: '2026-09-30' });
    expect(ids(youthThen)).toEqual([youth.worker_id]); // 22 on 2026-09-30
    const youthNow: any = await situation.queryAs(COUNTY_STAFF, ROSTER, { kind: 'TWO_AFTER_YOUTH' });
    expect(ids(youthNow)).toEqual([]); // 23 since 2026-11-01
    expect(youthNow.data.roster.asOf).toBeNull();
  });

  it('the day before a change at midnight China time does not show it; that day does', async () => {
    const village = async (asOf: string) => ids(await situation.queryAs(COUNTY_STAFF, ROSTER, { kind: 'REAL_NAME', region: TEST_VILLAGE, asOf }));
    expect(await village('2026-09-30')).toContain(mover.worker_id);
    expect(await village('2026-10-01')).not.toContain(mover.worker_id);
    const other: any = await situation.queryAs(COUNTY_STAFF, ROSTER, { kind: 'NOT_LIFTED_POOR', region: OTHER_VILLAGE, asOf: '2026-10-01' });
    expect(ids(other)).toEqual([mover.worker_id]);
    expect(other.data.roster.totalCount).toBe(1);
    const unemployed: any = await situation.queryAs(COUNTY_STAFF, ROSTER, { kind: 'UNEMPLOYED', asOf: '2026-09-29' });
    expect(ids(unemployed)).toContain(worker.worker_id);
  });

  it('today as of is today’s live answer', async () => {
    for (const kind of KINDS) {
      const live: any = await situation.queryAs(COUNTY_STAFF, ROSTER, { kind });
      const asOf: any = await situation.queryAs(COUNTY_STAFF, ROSTER, { kind, asOf: todayInChina() });
      expect(asOf.errors).toBeUndefined();
      expect({ kind, ...asOf.data.roster, asOf: null }).toEqual({ kind, ...live.data.roster });
    }
  });

  it('zero-employment households and their members as of a day', async () => {
    const june: any = await situation.queryAs(COUNTY_STAFF, ZERO, { region: TEST_VILLAGE, asOf: '2026-06-30' });
    expect(june.errors).toBeUndefined();
    const codes = june.data.zeroEmploymentHouseholds.nodes.map((h: any) => h.code).sort();
    expect(codes).toEqual([youth, worker, mover].map((p) => p.household_code).sort());
    expect(june.data.zeroEmploymentHouseholds.totalCount).toBe(3);
    expect(june.data.zeroEmploymentHouseholds.nodes.find((h: any) => h.code === youth.household_code).members).toEqual([
      { id: youth.worker_id, age: ageOn(youth.birth_date, '2026-06-30') },
    ]);
    const now: any = await situation.queryAs(COUNTY_STAFF, ZERO, { region: TEST_VILLAGE });
    expect(now.data.zeroEmploymentHouseholds.nodes.map((h: any) => h.code)).toEqual([youth.household_code]);
  });

  it('one person as of a day; the same null for an unknown worker and one outside the scope as of then', async () => {
    const then: any = await situation.queryAs(COUNTY_STAFF, PERSON, { id: mover.worker_id, asOf: '2026-09-30' });
    expect(then.data.situationPerson).toEqual({
      id: mover.worker_id,
      age: ageOn(mover.birth_date, '2026-09-30'),
      villageCode: TEST_VILLAGE,
      employmentStatus: 'UNEMPLOYED',
      povertyStatus: 'NOT_LIFTED',
    });
    const villageStaff: Identity & { purpose: Purpose } = { ...COUNTY_STAFF, subject: 'as-of-village', role: 'village_assistant', region: TEST_VILLAGE };
    const movedAway: any = await situation.queryAs(villageStaff, PERSON, { id: mover.worker_id, asOf: '2026-10-01' });
    const unknown: any = await situation.queryAs(villageStaff, PERSON, { id: 'wunknown00000000', asOf: '2026-10-01' });
    expect(movedAway).toEqual(unknown);
    expect(movedAway.data.situationPerson).toBeNull();
    const stillHere: any = await situation.queryAs(villageStaff, PERSON, { id: mover.worker_id, asOf: '2026-09-30' });
    expect(stillHere.data.situationPerson.villageCode).toBe(TEST_VILLAGE);
  });

  it('dashboards and partner-city staff get no person, known or not, now or as of a day', async () => {
    const city: Identity & { purpose: Purpose } = { subject: 'as-of-city', department: 'partner', role: 'officer', partnerCity: '4403', permissions: [], purpose: 'follow-up' };
    for (const identity of [COUNTY_DASHBOARD, city]) {
      const answers = [];
      for (const id of [mover.worker_id, 'wunknown00000000']) {
        for (const asOf of [null, '2026-09-30']) {
          const response: any = await situation.queryAs(identity, PERSON, { id, asOf });
          expect(response.data?.situationPerson ?? null).toBeNull();
          expect(response.errors?.[0].extensions.code).toBe('FORBIDDEN');
          answers.push(JSON.stringify(response.errors.map((e: any) => ({ ...e, extensions: { ...e.extensions, requestId: undefined } }))));
        }
      }
      expect(new Set(answers).size).toBe(1);
    }
  });

  it.each([
    ['the day before history begins', '2026-06-29'],
    ['tomorrow', addDays(todayInChina(), 1)],
  ])('asOf %s is bad input naming asOf and the first day available, before anything about a person is read', async (_what, asOf) => {
    for (const [query, variables] of [
      [ROSTER, { kind: 'REAL_NAME', asOf }],
      [ZERO, { asOf }],
      [PERSON, { id: mover.worker_id, asOf }],
    ] as const) {
      const response: any = await situation.queryAs(COUNTY_STAFF, query, variables);
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'asOf' });
      expect(response.errors[0].message).toContain('2026-06-30');
    }
    const unknown: any = await situation.queryAs(COUNTY_STAFF, PERSON, { id: 'wunknown00000000', asOf });
    const known: any = await situation.queryAs(COUNTY_STAFF, PERSON, { id: mover.worker_id, asOf });
    expect(JSON.stringify(unknown).replace(/"requestId":"[^"]*"/g, '')).toEqual(JSON.stringify(known).replace(/"requestId":"[^"]*"/g, ''));
  });
});
