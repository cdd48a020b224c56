import { addDays, addMonths, todayInChina } from '@jiuye/common';
import type { PersonRow } from '../src/projection/person';
import {
  backdateHistory,
  COUNTY_DASHBOARD,
  COUNTY_STAFF,
  insertPeople,
  insertRows,
  personRow,
  startSituationAlone,
  TEST_COUNTY,
  TEST_TOWNSHIP,
  TEST_VILLAGE,
  type SituationAlone,
} from '@jiuye/testing/situation';

const TOWNSHIP_B = '530113102';
const VILLAGES = [TEST_VILLAGE, '530113101202', '530113102201'];
const FOREIGN_VILLAGE = '530114101201';
const PLACES = ['IN_TOWNSHIP', 'IN_COUNTY', 'OUT_OF_COUNTY_IN_PROVINCE', 'OUT_OF_PROVINCE'];
const SUBSIDY_KINDS = ['ONE_OFF_EMPLOYMENT', 'TRAVEL_FARE', 'TRAINING_LIVING', 'WELFARE_POST_ALLOWANCE', 'ENTREPRENEURSHIP'];

const INDICATORS = `query ($region: String, $period: String!) {
  indicators(region: $region, period: $period) {
    region { code level }
    period { code label from to asOf }
    threshold
    labourForce { value suppressed }
    employed { value suppressed }
    employmentRate { value numerator denominator suppressed }
    transferByPlace { place label people { value suppressed } }
    newTransfers { value suppressed }
    zeroEmploymentHouseholds { value suppressed }
    byPovertyStatus { status label registeredPoor labourForce { value suppressed } employed { value suppressed } employmentRate { value numerator denominator suppressed } newTransfers { value suppressed } }
    welfarePostsDeveloped { value suppressed }
    welfarePostsFilled { value suppressed }
    training {
      participants { value suppressed } completions { value suppressed } mediumTermCompleted { value suppressed }
      employedWithin3Months { value suppressed } employedWithin3MonthsRate { value numerator denominator suppressed }
    }
    subsidies { byKind { kind label amount { value suppressed } people { value suppressed } } totalAmount { value suppressed } totalPeople { value suppressed } }
    retention { value numerator denominator suppressed }
    verifiedShare { value numerator denominator suppressed }
    jobFairIntentionRate { value numerator denominator suppressed }
    freshness { departments { department } }
  }
}`;

async function insertDivisions(db: SituationAlone['db']): Promise<void> {
  await insertRows(db, 'division', [
    { code: TEST_COUNTY, name: '东川区', level: 'COUNTY', parent_code: '5301' },
    { code: TEST_TOWNSHIP, name: '甲镇', level: 'TOWNSHIP', parent_code: TEST_COUNTY },
    { code: TOWNSHIP_B, name: '乙乡', level: 'TOWNSHIP', parent_code: TEST_COUNTY },
    ...VILLAGES.map((code, i) => ({ code, name: `村${i + 1}`, level: 'VILLAGE', parent_code: code.slice(0, 9) })),
  ]);
}

/** A small deterministic generator (mulberry32). */
function random(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    chance: (p: number) => next() < p,
    date: (from = '2025-01-01', to = '2026-11-20') => addDays(from, Math.floor(next() * (Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1))),
  };
}

interface Dataset {
  people: PersonRow[];
  transfers: { id: number; worker_id: string; village_code: string; city_code: string; started_on: string; ended_on: string | null }[];
  employments: { id: number; worker_id: string; village_code: string; kind: string; place: string; starts_on: string; ends_on: string | null }[];
  verifications: { id: number; worker_id: string; village_code: string; verified_on: string; outcome: string }[];
  intentions: { id: number; worker_id: string; village_code: string; fair_id: number; reached_on: string }[];
  posts: { id: number; village_code: string; kind: string; annual_allowance: number; opened_on: string | null; closed_on: string | null }[];
  assignments: { id: number; post_id: number; worker_id: string; starts_on: string; ends_on: string | null }[];
  enrolments: {
    id: number;
    worker_id: string;
    village_code: string;
    institution_id: number;
    course_kind: string;
    trade: string;
    class_starts_on: string;
    class_ends_on: string;
    enrolled_on: string;
    status: string;
    completed_on: string | null;
    employed_on: string | null;
  }[];
  subsidies: { id: number; worker_id: string; village_code: string; kind: string; amount: number; paid_on: string }[];
}

function generate(seed: number): Dataset {
  const r = random(seed);
  let id = 1;
  const people = Array.from({ length: 160 }, () => {
    const village = r.chance(0.1) ? FOREIGN_VILLAGE : r.pick(VILLAGES);
    const status = r.pick(['EMPLOYED', 'EMPLOYED', 'UNEMPLOYED', 'NOT_SEEKING', 'UNABLE_TO_WORK']);
    return personRow({
      village_code: village,
      able_labourer: status !== 'UNABLE_TO_WORK' && r.chance(0.9),
      employment_status: status,
      employment_place: status === 'EMPLOYED' && r.chance(0.9) ? r.pick(PLACES) : null,
      employment_intention: r.pick(['LOCAL', 'IN_PROVINCE', 'OUT_OF_PROVINCE', 'ENTREPRENEURSHIP', 'NONE']),
      poverty_status: r.pick([null, null, 'NOT_LIFTED', 'LIFTED', 'LIFTED_UNSTABLE', 'MARGINAL', 'SUDDEN_HARDSHIP']),
    });
  });
  // About a third share a household with the person before (same village, the household's poverty status).
  people.forEach((p, i) => {
    const before = people[i - 1];
    if (i > 0 && before.village_code === p.village_code && r.chance(0.35)) Object.assign(p, { household_code: before.household_code, poverty_status: before.poverty_status });
  });
  const someone = () => r.pick(people);
  const ended = (start: string) => (r.chance(0.4) ? null : addDays(start, r.int(200)));
  const transfers = Array.from({ length: 90 }, () => {
    const p = someone();
    const started = r.date();
    return { id: id++, worker_id: p.worker_id, village_code: p.village_code, city_code: '4401', started_on: started, ended_on: ended(started) };
  });
  const employments = Array.from({ length: 110 }, (_, i) => {
    // Every fourth hr spell is the same transfer partner recorded (same worker and day).
    const twin = i % 4 === 0 ? transfers[i % transfers.length] : null;
    const p = twin ? people.find((q) => q.worker_id === twin.worker_id)! : someone();
    const kind = twin ? 'TRANSFER_OUT_OF_PROVINCE' : r.pick(['TRANSFER_IN_PROVINCE', 'TRANSFER_OUT_OF_PROVINCE', 'LOCAL_ENTERPRISE', 'FLEXIBLE']);
    const starts = twin ? twin.started_on : r.date();
    return { id: id++, worker_id: p.worker_id, village_code: p.village_code, kind, place: 'OUT_OF_PROVINCE', starts_on: starts, ends_on: ended(starts) };
  });
  const verifications = Array.from({ length: 220 }, () => {
    const p = someone();
    return {
      id: id++,
      worker_id: p.worker_id,
      village_code: p.village_code,
      verified_on: r.date('2026-06-01'),
      outcome: r.pick(['CONFIRMED', 'CORRECTED', 'MOVED_AWAY', 'NOT_REACHED']),
    };
  });
  const intentions = Array.from({ length: 70 }, () => {
    const p = someone();
    return { id: id++, worker_id: p.worker_id, village_code: p.village_code, fair_id: r.int(5), reached_on: r.date() };
  });
  // Posts opened on a day (or with none recorded, as before issue 13), some closed since (撤岗).
  const posts = Array.from({ length: 14 }, () => {
    const opened = r.chance(0.25) ? null : r.date('2024-06-01', '2026-06-30');
    const closed = r.chance(0.4) ? addDays(opened ?? '2025-01-01', r.int(500)) : null;
    return { id: id++, village_code: r.chance(0.1) ? FOREIGN_VILLAGE : r.pick(VILLAGES), kind: 'CLEANING', annual_allowance: 6000, opened_on: opened, closed_on: closed };
  });
  const assignments = Array.from({ length: 18 }, () => {
    const starts = r.date();
    return { id: id++, post_id: r.pick(posts).id, worker_id: someone().worker_id, starts_on: starts, ends_on: r.chance(0.5) ? null : addDays(starts, r.int(300)) };
  });
  const enrolments = Array.from({ length: 90 }, () => {
    const p = someone();
    const kind = r.pick(['MEDIUM_TERM', 'MEDIUM_TERM', 'SHORT_PRACTICAL', 'ORDER_BASED']);
    const starts = r.date();
    const ends = addDays(starts, kind === 'MEDIUM_TERM' ? 90 : 15);
    const status = r.pick(['COMPLETED', 'COMPLETED', 'ENROLLED', 'DROPPED']);
    const completed = status === 'COMPLETED' ? ends : null;
    return {
      id: id++,
      worker_id: p.worker_id,
      village_code: p.village_code,
      institution_id: 1,
      course_kind: kind,
      trade: 'COOK',
      class_starts_on: starts,
      class_ends_on: ends,
      enrolled_on: addDays(starts, -5),
      status,
      completed_on: completed,
      employed_on: completed && r.chance(0.7) ? addDays(completed, r.int(160) - 20) : null,
    };
  });
  const subsidies = Array.from({ length: 120 }, () => {
    const p = someone();
    return { id: id++, worker_id: p.worker_id, village_code: p.village_code, kind: r.pick(SUBSIDY_KINDS), amount: 100 + r.int(900), paid_on: r.date() };
  });
  return { people, transfers, employments, verifications, intentions, posts, assignments, enrolments, subsidies };
}

async function insertDataset(db: SituationAlone['db'], d: Dataset): Promise<void> {
  await insertPeople(db, d.people);
  await insertRows(db, 'transfer_spell', d.transfers);
  await insertRows(db, 'employment_spell', d.employments);
  await insertRows(db, 'record_verification', d.verifications);
  await insertRows(db, 'job_fair_intention', d.intentions);
  await insertRows(db, 'welfare_post', d.posts);
  await insertRows(db, 'welfare_assignment', d.assignments);
  await insertRows(db, 'training_enrolment', d.enrolments);
  await insertRows(db, 'subsidy_paid', d.subsidies);
}

const POVERTY_LABELS = { NOT_LIFTED: '未脱贫', LIFTED: '已脱贫', MONITORED: '监测对象', OTHER: '其他' };
const between = (day: string | null, from: string, to: string) => day !== null && day >= from && day <= to;
const count = (value: number) => ({ value, suppressed: false });
const rate = (numerator: number, denominator: number) => ({ value: denominator > 0 ? numerator / denominator : null, numerator, denominator, suppressed: false });
const lastDayOfMonth = (day: string) => addDays(addMonths(`${day.slice(0, 7)}-01`, 1), -1);

/** The indicators computed in plain TypeScript over the constructed rows (no suppression: threshold 1). */
function expectedIndicators(d: Dataset, region: string, from: string, to: string) {
  const today = todayInChina();
  const asOf = to < today ? to : today;
  const inRegion = (village: string) => village.startsWith(region);
  const people = d.people.filter((p) => inRegion(p.village_code));
  const able = people.filter((p) => p.able_labourer);
  const employed = able.filter((p) => p.employment_status === 'EMPLOYED');
  const events = [
    ...d.transfers.map((t) => ({ worker: t.worker_id, village: t.village_code, start: t.started_on, end: t.ended_on })),
    ...d.employments.filter((e) => e.kind.startsWith('TRANSFER_')).map((e) => ({ worker: e.worker_id, village: e.village_code, start: e.starts_on, end: e.ends_on })),
  ].filter((e) => inRegion(e.village));
  const distinct = (items: { worker: string }[]) => new Set(items.map((i) => i.worker)).size;
  const retentionFrom = addDays(addMonths(asOf, -12), 1);
  const retentionTo = addDays(asOf, -90);
  const cohort = events.filter((e) => between(e.start, retentionFrom, retentionTo));
  const retained = cohort.filter((e) => e.end === null || e.end >= addDays(e.start, 90));
  // Open on the stock day: opened on or before it (or no opening day), not closed on or before it.
  const posts = d.posts.filter((p) => inRegion(p.village_code) && (p.opened_on === null || p.opened_on <= asOf) && (p.closed_on === null || p.closed_on > asOf));
  const filled = posts.filter((p) => d.assignments.some((a) => a.post_id === p.id && a.starts_on <= asOf && (a.ends_on === null || a.ends_on >= asOf)));
  const enrolments = d.enrolments.filter((e) => inRegion(e.village_code));
  const workers = <T extends { worker_id: string }>(items: T[]) => new Set(items.map((i) => i.worker_id)).size;
  const completed = enrolments.filter((e) => e.status === 'COMPLETED' && between(e.completed_on, from, to));
  const medium = completed.filter((e) => e.course_kind === 'MEDIUM_TERM');
  const mediumEmployed = medium.filter((e) => e.employed_on !== null && e.employed_on <= addMonths(e.completed_on!, 3));
  const subsidies = d.subsidies.filter((s) => inRegion(s.village_code) && between(s.paid_on, from, to));
  const monthFrom = `${asOf.slice(0, 7)}-01`;
  const verified = people.filter((p) =>
    d.verifications.some((v) => v.worker_id === p.worker_id && v.outcome !== 'NOT_REACHED' && between(v.verified_on, monthFrom, lastDayOfMonth(asOf))),
  );
  const reached = people.filter((p) => d.intentions.some((i) => i.worker_id === p.worker_id && between(i.reached_on, from, to)));
  const seeking = people.filter((p) => p.employment_intention !== 'NONE');
  const households = [...new Set(people.map((p) => p.household_code))].map((code) => people.filter((p) => p.household_code === code));
  const zeroEmployment = households.filter((members) => members.some((p) => p.able_labourer) && members.every((p) => p.employment_status !== 'EMPLOYED'));
  const groupOf = (status: string | null | undefined) =>
    status === 'NOT_LIFTED'
      ? 'NOT_LIFTED'
      : status === 'LIFTED' || status === 'LIFTED_UNSTABLE'
        ? 'LIFTED'
        : status === 'MARGINAL' || status === 'SUDDEN_HARDSHIP'
          ? 'MONITORED'
          : 'OTHER';
  const statusOf = new Map(d.people.map((p) => [p.worker_id, p.poverty_status]));
  const transferred = [...new Set(events.filter((e) => between(e.start, from, to)).map((e) => e.worker))];
  const byPovertyStatus = Object.entries(POVERTY_LABELS).map(([status, label]) => {
    const groupAble = able.filter((p) => groupOf(p.poverty_status) === status);
    const groupEmployed = employed.filter((p) => groupOf(p.poverty_status) === status);
    return {
      status,
      label,
      registeredPoor: status === 'NOT_LIFTED' || status === 'LIFTED',
      labourForce: count(groupAble.length),
      employed: count(groupEmployed.length),
      employmentRate: rate(groupEmployed.length, groupAble.length),
      newTransfers: count(transferred.filter((w) => groupOf(statusOf.get(w)) === status).length),
    };
  });
  return {
    zeroEmploymentHouseholds: count(zeroEmployment.length),
    byPovertyStatus,
    period: { from, to, asOf },
    threshold: 1,
    labourForce: count(able.length),
    employed: count(employed.length),
    employmentRate: rate(employed.length, able.length),
    transferByPlace: [...PLACES, null].map((place) => ({ place, people: count(employed.filter((p) => p.employment_place === place).length) })),
    newTransfers: count(distinct(events.filter((e) => between(e.start, from, to)))),
    welfarePostsDeveloped: count(posts.length),
    welfarePostsFilled: count(filled.length),
    training: {
      participants: count(workers(enrolments.filter((e) => e.class_starts_on <= to && e.class_ends_on >= from))),
      completions: count(workers(completed)),
      mediumTermCompleted: count(workers(medium)),
      employedWithin3Months: count(workers(mediumEmployed)),
      employedWithin3MonthsRate: rate(workers(mediumEmployed), workers(medium)),
    },
    subsidies: {
      byKind: SUBSIDY_KINDS.map((kind) => {
        const paid = subsidies.filter((s) => s.kind === kind);
        return { kind, amount: count(paid.reduce((sum, s) => sum + s.amount, 0)), people: count(workers(paid)) };
      }),
      totalAmount: count(subsidies.reduce((sum, s) => sum + s.amount, 0)),
      totalPeople: count(workers(subsidies)),
    },
    retention: rate(distinct(retained), distinct(cohort)),
    verifiedShare: rate(verified.length, people.length),
    jobFairIntentionRate: rate(reached.length, seeking.length),
  };
}

describe('indicators (指标) against an independent computation', () => {
  let situation: SituationAlone;
  const data = generate(20261123);

  beforeAll(async () => {
    situation = await startSituationAlone({ suppressionThreshold: 1 });
    await insertDivisions(situation.db);
    await insertDataset(situation.db, data);
    // The constructed registry is the state since 2020: past periods take their stocks from the history, as these rows.
    await backdateHistory(situation.db, '2020-01-01');
  });
  afterAll(async () => situation?.stop());

  const today = todayInChina();
  const currentMonth = today.slice(0, 7);
  const cases: [string, string, string, string][] = [
    ['2026-10', TEST_COUNTY, '2026-10-01', '2026-10-31'],
    ['2026-Q3', TEST_COUNTY, '2026-07-01', '2026-09-30'],
    ['2025', TEST_COUNTY, '2025-01-01', '2025-12-31'],
    ['2026-W40', TEST_COUNTY, '2026-09-28', '2026-10-04'],
    ['2026-W01', TEST_COUNTY, '2025-12-29', '2026-01-04'],
    ['2026', TEST_TOWNSHIP, '2026-01-01', '2026-12-31'],
    ['2026-Q2', TEST_VILLAGE, '2026-04-01', '2026-06-30'],
    [currentMonth, TEST_COUNTY, `${currentMonth}-01`, lastDayOfMonth(today)],
  ];

  it.each(cases)('period %s over %s', async (period, region, from, to) => {
    const res = await situation.queryAs(COUNTY_STAFF, INDICATORS, { region, period });
    expect(res.errors).toBeUndefined();
    const got = res.data.indicators;
    expect(got.region.code).toBe(region);
    expect(got.period).toMatchObject({ code: period, from, to });
    expect(got.freshness.departments).toHaveLength(5);
    const want = expectedIndicators(data, region, from, to);
    expect(got).toMatchObject(want);
    // The test data must exercise the figures, not only zeros.
    if (region === TEST_COUNTY && period.length === 4) {
      for (const figure of [
        got.newTransfers,
        got.training.completions,
        got.training.mediumTermCompleted,
        got.training.employedWithin3Months,
        got.subsidies.totalPeople,
        got.welfarePostsFilled,
      ]) {
        expect(figure.value).toBeGreaterThan(0);
      }
      expect(got.retention.numerator).toBeGreaterThan(0);
      expect(got.retention.denominator).toBeGreaterThan(got.retention.numerator);
      // … and posts closed (or not yet opened) on the stock day, left out of those developed.
      expect(got.welfarePostsDeveloped.value).toBeLessThan(data.posts.filter((p) => p.village_code.startsWith(region)).length);
      expect(got.jobFairIntentionRate.numerator).toBeGreaterThan(0);
      expect(got.zeroEmploymentHouseholds.value).toBeGreaterThan(0);
      for (const group of got.byPovertyStatus) {
        expect(group.labourForce.value).toBeGreaterThan(0);
        expect(group.newTransfers.value).toBeGreaterThan(0);
      }
    }
    if (region === TEST_COUNTY && period === '2026-10') {
      expect(got.verifiedShare.numerator).toBeGreaterThan(0);
      expect(got.verifiedShare.numerator).toBeLessThan(got.verifiedShare.denominator);
    }
  });

  it('labels the period formats and takes stock on the last day, or today while the period runs', async () => {
    const labels: Record<string, string> = { '2026': '2026年', '2026-Q4': '2026年第4季度', '2026-11': '2026年11月', '2026-W47': '2026年第47周', '2020-W53': '2020年第53周' };
    for (const [period, label] of Object.entries(labels)) {
      const got = (await situation.queryAs(COUNTY_STAFF, INDICATORS, { period })).data.indicators.period;
      expect(got.label).toBe(label);
      expect(got.asOf).toBe(got.to < today ? got.to : today);
    }
    const w47 = (await situation.queryAs(COUNTY_STAFF, INDICATORS, { period: '2026-W47' })).data.indicators.period;
    expect(w47).toMatchObject({ from: '2026-11-16', to: '2026-11-22' });
    const w53 = (await situation.queryAs(COUNTY_STAFF, INDICATORS, { period: '2020-W53' })).data.indicators.period;
    expect(w53).toMatchObject({ from: '2020-12-28', to: '2021-01-03', asOf: '2021-01-03' });
    const sept = (await situation.queryAs(COUNTY_STAFF, INDICATORS, { period: '2026-09' })).data.indicators.period;
    expect(sept).toMatchObject({ label: '2026年9月', from: '2026-09-01', to: '2026-09-30', asOf: '2026-09-30' });
  });

  it('refuses a malformed or impossible period, naming the argument and the accepted formats', async () => {
    for (const period of [
      '',
      'abc',
      '26-11',
      '2026-1',
      '2026-13',
      '2026-00',
      '2026-Q0',
      '2026-Q5',
      '2026-W00',
      '2025-W53',
      '2026-W54',
      '2021-W53',
      '2026-W5',
      '1999',
      '2026/11',
      '2026-11-01',
      '2099-01',
    ]) {
      const res = await situation.queryAs(COUNTY_STAFF, INDICATORS, { period });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'period' });
      if (period !== '2099-01') expect(res.errors?.[0].message).toContain("'2026-W47'");
    }
  });

  it('is an aggregate: dashboards may read it, inside their region only', async () => {
    const res = await situation.queryAs(COUNTY_DASHBOARD, INDICATORS, { period: '2026-10' });
    expect(res.errors).toBeUndefined();
    expect(res.data.indicators.region.code).toBe(TEST_COUNTY);
    const outside = await situation.queryAs(COUNTY_DASHBOARD, INDICATORS, { region: '530114', period: '2026-10' });
    expect(outside.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const bad = await situation.queryAs(COUNTY_DASHBOARD, INDICATORS, { region: '53011', period: '2026-10' });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'region' });
  });
});

describe('indicators suppression (threshold 5, every caller)', () => {
  let situation: SituationAlone;

  beforeAll(async () => {
    situation = await startSituationAlone({ suppressionThreshold: 5 });
    await insertDivisions(situation.db);
    const employed = (place: string) => personRow({ employment_status: 'EMPLOYED', employment_place: place });
    const people = [
      ...Array.from({ length: 5 }, () => employed('IN_TOWNSHIP')),
      ...Array.from({ length: 3 }, () => employed('IN_COUNTY')),
      ...Array.from({ length: 7 }, () => employed('OUT_OF_PROVINCE')),
      ...Array.from({ length: 5 }, () => personRow({ employment_status: 'UNEMPLOYED' })),
    ];
    await insertPeople(situation.db, people);
    let id = 1;
    const v = TEST_VILLAGE;
    await insertRows(
      situation.db,
      'transfer_spell',
      people.slice(0, 3).map((p) => ({ id: id++, worker_id: p.worker_id, village_code: v, city_code: '4401', started_on: '2026-10-05', ended_on: null })),
    );
    await insertRows(situation.db, 'subsidy_paid', [
      ...people.slice(0, 6).map((p) => ({ id: id++, worker_id: p.worker_id, village_code: v, kind: 'ONE_OFF_EMPLOYMENT', amount: 500, paid_on: '2026-10-10' })),
      ...people.slice(6, 8).map((p) => ({ id: id++, worker_id: p.worker_id, village_code: v, kind: 'TRAVEL_FARE', amount: 300, paid_on: '2026-10-11' })),
    ]);
    await insertRows(
      situation.db,
      'training_enrolment',
      people.slice(10, 14).map((p, i) => ({
        id: id++,
        worker_id: p.worker_id,
        village_code: v,
        institution_id: 1,
        course_kind: 'MEDIUM_TERM',
        trade: 'COOK',
        class_starts_on: '2026-07-10',
        class_ends_on: '2026-10-08',
        enrolled_on: '2026-07-01',
        status: 'COMPLETED',
        completed_on: '2026-10-08',
        employed_on: i < 3 ? '2026-11-01' : null,
      })),
    );
    await backdateHistory(situation.db, '2026-01-01');
  });
  afterAll(async () => situation?.stop());

  it('withholds small counts (3 → null), publishes zeros, hides a second cell of a breakdown, and suppresses rates built on a hidden count', async () => {
    for (const who of [COUNTY_STAFF, COUNTY_DASHBOARD]) {
      const res = await situation.queryAs(who, INDICATORS, { region: TEST_VILLAGE, period: '2026-10' });
      expect(res.errors).toBeUndefined();
      const got = res.data.indicators;
      expect(got.threshold).toBe(5);
      expect(got.labourForce).toEqual({ value: 20, suppressed: false });
      expect(got.employed).toEqual({ value: 15, suppressed: false });
      expect(got.employmentRate).toEqual({ value: 0.75, numerator: 15, denominator: 20, suppressed: false });
      // IN_COUNTY = 3 is withheld; employed (15) − the others would give it away, so the next smallest (IN_TOWNSHIP = 5) is withheld too.
      expect(got.transferByPlace).toEqual([
        { place: 'IN_TOWNSHIP', label: '乡镇内', people: { value: null, suppressed: true } },
        { place: 'IN_COUNTY', label: '县内乡外', people: { value: null, suppressed: true } },
        { place: 'OUT_OF_COUNTY_IN_PROVINCE', label: '省内县外', people: { value: 0, suppressed: false } },
        { place: 'OUT_OF_PROVINCE', label: '省外', people: { value: 7, suppressed: false } },
        { place: null, label: '未登记就业地点', people: { value: 0, suppressed: false } },
      ]);
      expect(got.newTransfers).toEqual({ value: null, suppressed: true });
      expect(got.welfarePostsDeveloped).toEqual({ value: 0, suppressed: false });
      expect(got.welfarePostsFilled).toEqual({ value: 0, suppressed: false });
      expect(got.training.mediumTermCompleted).toEqual({ value: null, suppressed: true });
      expect(got.training.employedWithin3Months).toEqual({ value: null, suppressed: true });
      expect(got.training.employedWithin3MonthsRate).toEqual({ value: null, numerator: null, denominator: null, suppressed: true });
      const kinds = Object.fromEntries(got.subsidies.byKind.map((k: { kind: string }) => [k.kind, k]));
      expect(kinds.TRAVEL_FARE).toMatchObject({ amount: { value: null, suppressed: true }, people: { value: null, suppressed: true } });
      expect(kinds.ONE_OFF_EMPLOYMENT).toMatchObject({ amount: { value: null, suppressed: true }, people: { value: null, suppressed: true } });
      expect(kinds.ENTREPRENEURSHIP).toMatchObject({ amount: { value: 0, suppressed: false }, people: { value: 0, suppressed: false } });
      expect(got.subsidies.totalPeople).toEqual({ value: 8, suppressed: false });
      expect(got.subsidies.totalAmount).toEqual({ value: 3600, suppressed: false });
      expect(got.retention).toEqual({ value: null, numerator: 0, denominator: 0, suppressed: false });
      expect(got.verifiedShare).toEqual({ value: 0, numerator: 0, denominator: 20, suppressed: false });
      expect(got.jobFairIntentionRate).toEqual({ value: 0, numerator: 0, denominator: 20, suppressed: false });
    }
  });

  it('publishes a count once it reaches the threshold', async () => {
    const res = await situation.queryAs(COUNTY_DASHBOARD, INDICATORS, { region: TEST_VILLAGE, period: '2026-Q4' });
    const got = res.data.indicators;
    // Q4 2026: the 3 employed of the 4 medium-term completions still make 3 and 4 (< 5); the 5 unemployed + 15 employed stay 20.
    expect(got.training.completions).toEqual({ value: null, suppressed: true });
    expect(got.labourForce).toEqual({ value: 20, suppressed: false });
    await insertRows(situation.db, 'transfer_spell', [
      { id: 9001, worker_id: 'wtestq4a', village_code: TEST_VILLAGE, city_code: '4401', started_on: '2026-10-20', ended_on: null },
      { id: 9002, worker_id: 'wtestq4b', village_code: TEST_VILLAGE, city_code: '4401', started_on: '2026-10-21', ended_on: null },
    ]);
    const after = (await situation.queryAs(COUNTY_DASHBOARD, INDICATORS, { region: TEST_VILLAGE, period: '2026-10' })).data.indicators;
    expect(after.newTransfers).toEqual({ value: 5, suppressed: false });
  });
});
