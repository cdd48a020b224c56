import { COUNTY_DASHBOARD, COUNTY_STAFF, insertRows, startSituationAlone, TEST_COUNTY, TEST_TOWNSHIP, type SituationAlone } from '@jiuye/testing/situation';

/** 12 villages in two townships of the test county, and one village of another county. */
const TOWNSHIP_B = '530113102';
const VILLAGES = [...[1, 2, 3, 4, 5, 6].map((n) => `${TEST_TOWNSHIP}20${n}`), ...[1, 2, 3, 4, 5, 6].map((n) => `${TOWNSHIP_B}20${n}`)];
const [V1, V2, , , , , V7] = VILLAGES;
const FOREIGN_VILLAGE = '530114101201';

const RANKING = `query ($county: String, $week: LocalDate) {
  villageRanking(county: $county, week: $week) {
    county { code name level } weekEndsOn weekStart weekEnd previousWeekStart previousWeekEnd threshold
    red { villageCode villageName townshipName newTransfers previousWeek change rank suppressed }
    black { villageCode newTransfers rank }
    all { villageCode villageName townshipName newTransfers previousWeek change rank suppressed }
    freshness { departments { department } }
  }
}`;

async function insertDivisions(db: SituationAlone['db']): Promise<void> {
  await insertRows(db, 'division', [
    { code: TEST_COUNTY, name: '东川区', level: 'COUNTY', parent_code: '5301' },
    { code: TEST_TOWNSHIP, name: '甲镇', level: 'TOWNSHIP', parent_code: TEST_COUNTY },
    { code: TOWNSHIP_B, name: '乙乡', level: 'TOWNSHIP', parent_code: TEST_COUNTY },
    ...VILLAGES.map((code, i) => ({ code, name: `村${i + 1}`, level: 'VILLAGE', parent_code: code.slice(0, 9) })),
    { code: '530114', name: '他县', level: 'COUNTY', parent_code: '5301' },
    { code: FOREIGN_VILLAGE, name: '他县村', level: 'VILLAGE', parent_code: '530114101' },
  ]);
}

let nextId = 1;
const partner = (worker: string, village: string, startedOn: string) => ({
  id: nextId++,
  worker_id: worker,
  village_code: village,
  city_code: '4401',
  started_on: startedOn,
  ended_on: null,
});
const hr = (worker: string, village: string, startsOn: string, kind = 'TRANSFER_OUT_OF_PROVINCE') => ({
  id: nextId++,
  worker_id: worker,
  village_code: village,
  kind,
  place: kind === 'TRANSFER_IN_PROVINCE' ? 'OUT_OF_COUNTY_IN_PROVINCE' : kind === 'TRANSFER_OUT_OF_PROVINCE' ? 'OUT_OF_PROVINCE' : 'IN_COUNTY',
  starts_on: startsOn,
  ends_on: null,
});

async function clearEvents(db: SituationAlone['db']): Promise<void> {
  await db.query('delete from transfer_spell; delete from employment_spell');
}

describe('villageRanking (每周五村级新增转移就业排名)', () => {
  let situation: SituationAlone;

  beforeAll(async () => {
    situation = await startSituationAlone();
    await insertDivisions(situation.db);
  });
  afterAll(async () => situation?.stop());
  beforeEach(async () => clearEvents(situation.db));

  /** The week Saturday 2026-11-14 – Friday 2026-11-20, and the week before (11-07 – 11-13). */
  async function insertWeek(): Promise<void> {
    await insertRows(situation.db, 'transfer_spell', [
      ...['a1', 'a2', 'a3', 'a4', 'a5'].map((w, i) => partner(w, V1, `2026-11-${14 + i}`)),
      partner('a8', V1, '2026-11-10'),
      partner('a9', V1, '2026-11-13'),
      partner('c1', V7, '2026-11-20'),
      partner('c2', V7, '2026-11-09'),
      partner('x1', FOREIGN_VILLAGE, '2026-11-15'),
    ]);
    await insertRows(situation.db, 'employment_spell', [
      hr('a1', V1, '2026-11-15'), // the same worker through hr: counts once
      hr('a6', V1, '2026-11-20', 'TRANSFER_IN_PROVINCE'),
      hr('a7', V1, '2026-11-16', 'LOCAL_ENTERPRISE'), // not a transfer
      ...['b1', 'b2', 'b3', 'b4', 'b5', 'b6'].map((w) => hr(w, V2, '2026-11-17', 'TRANSFER_IN_PROVINCE')),
      hr('c3', V7, '2026-11-14'),
      hr('c4', V7, '2026-11-21'), // next week
      hr('c5', V7, '2026-11-12'),
    ]);
  }

  it('counts distinct workers of both departments per village, ranks with ties and compares with the previous week', async () => {
    await insertWeek();
    const res = await situation.queryAs(COUNTY_STAFF, RANKING, { week: '2026-11-18' });
    expect(res.errors).toBeUndefined();
    const r = res.data.villageRanking;
    expect(r.county).toEqual({ code: TEST_COUNTY, name: '东川区', level: 'COUNTY' });
    expect(r).toMatchObject({
      weekEndsOn: 'FRIDAY',
      weekStart: '2026-11-14',
      weekEnd: '2026-11-20',
      previousWeekStart: '2026-11-07',
      previousWeekEnd: '2026-11-13',
      threshold: null,
    });
    expect(r.all).toHaveLength(12);
    expect(r.all.map((v: { villageCode: string }) => v.villageCode)).not.toContain(FOREIGN_VILLAGE);
    const byCode = new Map(r.all.map((v: { villageCode: string }) => [v.villageCode, v]));
    // V1: a1–a5 (partner) + a6 (hr); a1 also through hr; a7 is local employment.
    expect(byCode.get(V1)).toEqual({ villageCode: V1, villageName: '村1', townshipName: '甲镇', newTransfers: 6, previousWeek: 2, change: 4, rank: 1, suppressed: false });
    expect(byCode.get(V2)).toMatchObject({ newTransfers: 6, previousWeek: 0, change: 6, rank: 1 });
    expect(byCode.get(V7)).toMatchObject({ townshipName: '乙乡', newTransfers: 2, previousWeek: 2, change: 0, rank: 3 });
    for (const code of VILLAGES.filter((c) => ![V1, V2, V7].includes(c))) expect(byCode.get(code)).toMatchObject({ newTransfers: 0, previousWeek: 0, change: 0, rank: 4 });
    // The full order: count descending, then village code.
    expect(r.all.slice(0, 4).map((v: { villageCode: string }) => v.villageCode)).toEqual([V1, V2, V7, VILLAGES[2]]);
    expect(r.red.map((v: { villageCode: string }) => v.villageCode)).toEqual([V1, V2, V7]);
    const zeros = VILLAGES.filter((c) => ![V1, V2, V7].includes(c));
    expect(r.black.map((v: { villageCode: string }) => v.villageCode)).toEqual([...zeros, V7]);
    expect(r.black).toHaveLength(10);
    expect(r.freshness.departments).toHaveLength(5);
  });

  it('puts a transfer on the closing Friday in that week and one on the Saturday in the next', async () => {
    await insertWeek();
    const friday = (await situation.queryAs(COUNTY_STAFF, RANKING, { week: '2026-11-20' })).data.villageRanking;
    const saturday = (await situation.queryAs(COUNTY_STAFF, RANKING, { week: '2026-11-21' })).data.villageRanking;
    expect(friday).toMatchObject({ weekStart: '2026-11-14', weekEnd: '2026-11-20' });
    expect(saturday).toMatchObject({ weekStart: '2026-11-21', weekEnd: '2026-11-27', previousWeekStart: '2026-11-14', previousWeekEnd: '2026-11-20' });
    const v7 = (r: { all: { villageCode: string }[] }) => r.all.find((v) => v.villageCode === V7);
    expect(v7(friday)).toMatchObject({ newTransfers: 2 }); // c1 (Fri 20th) and c3 (Sat 14th)
    expect(v7(saturday)).toMatchObject({ newTransfers: 1, previousWeek: 2, change: -1 }); // c4 (Sat 21st)
    // A Saturday is the first day of its own week, whichever day of it is asked for.
    const sat14 = (await situation.queryAs(COUNTY_STAFF, RANKING, { week: '2026-11-14' })).data.villageRanking;
    expect(sat14).toMatchObject({ weekStart: '2026-11-14', weekEnd: '2026-11-20' });
  });

  it('lists every village with 0 in an empty week: one shared rank, an empty red list, the first ten by code on the black list', async () => {
    const res = await situation.queryAs(COUNTY_STAFF, RANKING, { week: '2026-01-07' });
    const r = res.data.villageRanking;
    expect(r).toMatchObject({ weekStart: '2026-01-03', weekEnd: '2026-01-09' });
    expect(r.red).toEqual([]);
    expect(r.all).toHaveLength(12);
    expect(r.all.every((v: { newTransfers: number; rank: number; change: number }) => v.newTransfers === 0 && v.rank === 1 && v.change === 0)).toBe(true);
    expect(r.black.map((v: { villageCode: string }) => v.villageCode)).toEqual(VILLAGES.slice(0, 10));
  });

  it('defaults the county to a county account and the week to the current one', async () => {
    const res = await situation.queryAs(COUNTY_STAFF, RANKING, {});
    expect(res.errors).toBeUndefined();
    const r = res.data.villageRanking;
    expect(r.county.code).toBe(TEST_COUNTY);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    expect(r.weekStart <= today && today <= r.weekEnd).toBe(true);
    expect(new Date(`${r.weekEnd}T00:00:00Z`).getUTCDay()).toBe(5);
  });

  it('suppresses small counts for dashboards only, ranking and listing only the published counts (hole 8)', async () => {
    await insertWeek();
    const res = await situation.queryAs(COUNTY_DASHBOARD, RANKING, { week: '2026-11-20' });
    expect(res.errors).toBeUndefined();
    const r = res.data.villageRanking;
    expect(r.threshold).toBe(5);
    const byCode = new Map(r.all.map((v: { villageCode: string }) => [v.villageCode, v]));
    expect(byCode.get(V1)).toMatchObject({ newTransfers: 6, previousWeek: null, change: null, rank: 1, suppressed: true });
    expect(byCode.get(V2)).toMatchObject({ newTransfers: 6, previousWeek: 0, change: 6, rank: 1, suppressed: false });
    // V7's 2 is withheld: no rank (a rank on the true count would bound it), on neither list, after the ranked villages.
    expect(byCode.get(V7)).toMatchObject({ newTransfers: null, previousWeek: null, change: null, rank: null, suppressed: true });
    expect(byCode.get(VILLAGES[2])).toMatchObject({ newTransfers: 0, previousWeek: 0, change: 0, rank: 3, suppressed: false });
    expect(r.red.map((v: { villageCode: string }) => v.villageCode)).toEqual([V1, V2]);
    expect(r.black.map((v: { villageCode: string }) => v.villageCode)).not.toContain(V7);
    expect(r.all[r.all.length - 1].villageCode).toBe(V7);
    // Department staff see the exact figure.
    const staff = (await situation.queryAs(COUNTY_STAFF, RANKING, { week: '2026-11-20' })).data.villageRanking;
    expect(staff.all.find((v: { villageCode: string }) => v.villageCode === V7)).toMatchObject({ newTransfers: 2, suppressed: false });
  });

  it('ranks a period: an ISO week as the ranking week ending in it, a month against the month before; dashboards get the indicators’ cells', async () => {
    await insertWeek();
    const BY_PERIOD = `query ($period: String, $week: LocalDate) {
      villageRanking(period: $period, week: $week) {
        period periodLabel weekStart weekEnd previousWeekStart previousWeekEnd threshold
        red { villageCode newTransfers rank } black { villageCode newTransfers rank }
        all { villageCode newTransfers previousWeek change rank suppressed }
      }
    }`;
    // ISO week 47 (16–22 November) holds Friday the 20th: the ranking week 14–20 November, as asked by a day.
    const w47 = (await situation.queryAs(COUNTY_STAFF, BY_PERIOD, { period: '2026-W47' })).data.villageRanking;
    const byDay = (await situation.queryAs(COUNTY_STAFF, BY_PERIOD, { week: '2026-11-18' })).data.villageRanking;
    expect(w47).toEqual({ ...byDay, period: '2026-W47', periodLabel: '2026年第47周' });
    expect(byDay.period).toBeNull();
    // November against October, exact for staff: V1 a1–a6, a8, a9 (a1 once); V2 b1–b6; V7 c1–c5.
    const november = (await situation.queryAs(COUNTY_STAFF, BY_PERIOD, { period: '2026-11' })).data.villageRanking;
    expect(november).toMatchObject({
      period: '2026-11',
      periodLabel: '2026年11月',
      weekStart: '2026-11-01',
      weekEnd: '2026-11-30',
      previousWeekStart: '2026-10-01',
      previousWeekEnd: '2026-10-31',
      threshold: null,
    });
    const staff = new Map(november.all.map((v: { villageCode: string }) => [v.villageCode, v]));
    expect(staff.get(V1)).toMatchObject({ newTransfers: 8, previousWeek: 0, change: 8, rank: 1 });
    expect(staff.get(V2)).toMatchObject({ newTransfers: 6, rank: 2 });
    expect(staff.get(V7)).toMatchObject({ newTransfers: 5, rank: 3 });
    expect(november.red.map((v: { villageCode: string }) => v.villageCode)).toEqual([V1, V2, V7]);
    // A dashboard's month: each village's count is the indicators' published cell of the month (and of the month before).
    const dashboard = (await situation.queryAs(COUNTY_DASHBOARD, BY_PERIOD, { period: '2026-11' })).data.villageRanking;
    expect(dashboard.threshold).toBe(5);
    const INDICATORS = `query ($region: String, $period: String!) { indicators(region: $region, period: $period) { newTransfers { value suppressed } } }`;
    for (const row of dashboard.all) {
      const cell = async (period: string) => (await situation.queryAs(COUNTY_DASHBOARD, INDICATORS, { region: row.villageCode, period })).data.indicators.newTransfers;
      const [now, before] = [await cell('2026-11'), await cell('2026-10')];
      expect([row.villageCode, row.newTransfers, row.previousWeek, row.suppressed]).toEqual([row.villageCode, now.value, before.value, now.suppressed || before.suppressed]);
      if (now.value === null) expect(row.rank).toBeNull();
    }
    expect(dashboard.all.some((row: { newTransfers: number | null }) => row.newTransfers !== null && row.newTransfers >= 5)).toBe(true);
    // Not both, not a period to come, not a malformed one.
    for (const variables of [{ period: '2026-11', week: '2026-11-18' }, { period: '2099-01' }, { period: '2026-W60' }]) {
      const res = await situation.queryAs(COUNTY_STAFF, BY_PERIOD, variables);
      expect([variables, res.errors?.[0].extensions]).toMatchObject([variables, { code: 'BAD_USER_INPUT', field: 'period' }]);
    }
  });

  it('refuses a county outside the caller’s region, a malformed county, and a township account without a county', async () => {
    const other = await situation.queryAs(COUNTY_STAFF, RANKING, { county: '530114' });
    expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(other.data).toBeNull();
    for (const county of ['53011', '5301130', 'abcdef', TEST_TOWNSHIP]) {
      const bad = await situation.queryAs(COUNTY_STAFF, RANKING, { county });
      expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'county' });
    }
    const township = { ...COUNTY_STAFF, region: TEST_TOWNSHIP };
    const missing = await situation.queryAs(township, RANKING, {});
    expect(missing.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'county' });
    const wider = await situation.queryAs(township, RANKING, { county: TEST_COUNTY });
    expect(wider.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const badWeek = await situation.queryAs(COUNTY_STAFF, RANKING, { week: '2026-11-31' });
    expect(badWeek.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('villageRanking with WEEK_ENDS_ON=SUNDAY', () => {
  let situation: SituationAlone;

  beforeAll(async () => {
    situation = await startSituationAlone({ weekEndsOn: 'SUNDAY' });
    await insertDivisions(situation.db);
  });
  afterAll(async () => situation?.stop());

  it('ranks Monday–Sunday weeks', async () => {
    await insertRows(situation.db, 'transfer_spell', [
      partner('s1', V1, '2026-11-20'),
      partner('s2', V1, '2026-11-21'),
      partner('s3', V1, '2026-11-22'),
      partner('s4', V1, '2026-11-23'),
    ]);
    await insertRows(situation.db, 'employment_spell', [hr('s5', V1, '2026-11-16'), hr('s6', V1, '2026-11-15')]);
    const r = (await situation.queryAs(COUNTY_STAFF, RANKING, { week: '2026-11-20' })).data.villageRanking;
    expect(r).toMatchObject({ weekEndsOn: 'SUNDAY', weekStart: '2026-11-16', weekEnd: '2026-11-22', previousWeekStart: '2026-11-09', previousWeekEnd: '2026-11-15' });
    expect(r.all.find((v: { villageCode: string }) => v.villageCode === V1)).toMatchObject({ newTransfers: 4, previousWeek: 1, change: 3, rank: 1 });
  });
});
