import ExcelJS from 'exceljs';
import pg from 'pg';
import type { Identity, SituationConfig } from '@jiuye/common';
import { openSourcePools, rebuildReadModel } from '@jiuye/situation';
import { recoverable, type SumEquation } from '@jiuye/testing/disclosure';
import { startTestPlatform, COUNTY_OFFICER, DEMO_COUNTY, userHeaders, type TestPlatform } from '@jiuye/testing/platform';

/**
 * Targets and assessment (issue 14) through the gateway, against the seeded demo county: a county
 * officer sets targets for two townships and their villages; completion agrees with the
 * indicators and with an independent count over the read model's tables; the weekly ranking by
 * completion rate; the quarterly table per township and per responsible unit, and its xlsx;
 * refusals and bad input that write nothing; dashboards whose withheld counts stay withheld.
 */
jest.setTimeout(240_000);

const TODAY = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const YEAR = TODAY.slice(0, 4);
const QUARTER = `${YEAR}-Q${Math.floor((Number(TODAY.slice(5, 7)) - 1) / 3) + 1}`;
const QUARTER_END = (() => {
  const q = Number(QUARTER.slice(-1));
  const next = new Date(Date.UTC(Number(YEAR), q * 3, 1));
  return new Date(next.getTime() - 86_400_000).toISOString().slice(0, 10);
})();
const DASHBOARD: Identity = { subject: 'dash', department: 'dashboard', role: 'viewer', region: DEMO_COUNTY, permissions: [] };

let platform: TestPlatform;
let situationDb: pg.Pool;
const situationSql = async <T = any>(text: string, params?: unknown[]): Promise<T[]> => (await situationDb.query(text, params)).rows as T[];

const SET = `mutation($input: SetTargetsInput!) { setTargets(input: $input) { period measure targets { region { code level } period measure target setAt } } }`;
const TARGETS = `query($region: String, $period: String!, $measure: TargetMeasure!) { targets(region: $region, period: $period, measure: $measure) { targets { region { code } target } } }`;
const COMPLETION = `query($region: String, $period: String!, $measure: TargetMeasure!) {
  completion(region: $region, period: $period, measure: $measure) {
    region { code level } period { code from to } measure threshold
    total { region { code } target subregionTargets actual { value suppressed } completionRate rank }
    subregions { region { code name level } target subregionTargets actual { value suppressed } completionRate rank }
  }
}`;
const INDICATORS = `query($region: String, $period: String!) {
  indicators(region: $region, period: $period) { newTransfers { value suppressed } welfarePostsFilled { value suppressed } training { participants { value suppressed } }
    byPovertyStatus { registeredPoor employed { value suppressed } }
    retention { numerator denominator suppressed } }
}`;
const RANKING = `query($week: LocalDate, $basis: RankingBasis) {
  villageRanking(week: $week, basis: $basis) {
    basis targetPeriod weekEnd threshold
    red { villageCode rank completionRate }
    black { villageCode rank completionRate }
    all { villageCode newTransfers target yearToDate completionRate rank suppressed }
  }
}`;
const ASSESSMENT = `query($county: String, $quarter: String!) {
  assessment(county: $county, quarter: $quarter) {
    county { code } quarter label threshold
    townships { key name villageCodes yearTarget quarterTarget quarterActual { value suppressed } quarterRate yearToDate { value suppressed } yearRate
                retention { value numerator denominator suppressed } rank }
    units { key name villageCodes yearTarget quarterTarget quarterActual { value suppressed } quarterRate yearToDate { value suppressed } yearRate
            retention { value numerator denominator suppressed } rank }
  }
}`;

/** Independent of the service: distinct transfer starters per village (a worker in the lowest-coded of their villages) between two days, from both sources. */
async function transfersPerVillage(from: string, to: string): Promise<Map<string, number>> {
  const rows = await situationSql<{ village_code: string; n: number }>(
    `with e as (select worker_id, village_code from transfer_spell where started_on between $1 and $2
                union all select worker_id, village_code from employment_spell where starts_on between $1 and $2 and kind in ('TRANSFER_IN_PROVINCE', 'TRANSFER_OUT_OF_PROVINCE')),
          w as (select worker_id, min(village_code) as village_code from e group by worker_id)
     select village_code, count(*)::int as n from w group by village_code`,
    [from, to],
  );
  return new Map(rows.map((r) => [r.village_code, Number(r.n)]));
}
const sumOver = (counts: Map<string, number>, codes: readonly string[]) => codes.reduce((s, c) => s + (counts.get(c) ?? 0), 0);
const inside = (counts: Map<string, number>, prefix: string) => [...counts].filter(([c]) => c.startsWith(prefix)).reduce((s, [, n]) => s + n, 0);

/** Standard competition ranking, highest first; null for null. */
const ranksOf = (values: (number | null)[]) => values.map((v) => (v === null ? null : 1 + values.filter((o) => o !== null && o > v).length));

let T1: string;
let T2: string;
let villages: { code: string; township: string; actual: number }[];
/** The year targets set for the villages of T1 and T2. */
const villageTargets = new Map<string, number>();
const TOWNSHIP_TARGETS = { first: 40, second: 30 };

beforeAll(async () => {
  platform = await startTestPlatform(400);
  situationDb = new pg.Pool({ connectionString: (platform.subgraphs.situation.config as SituationConfig).databaseUrl, max: 2 });
  // Pick the two townships with the most transfers this year (exact counts: a county officer).
  const county: any = await platform.query(COMPLETION, { region: DEMO_COUNTY, period: YEAR, measure: 'NEW_TRANSFERS' });
  expect(county.errors).toBeUndefined();
  const townships = [...county.data.completion.subregions].sort((a: any, b: any) => b.actual.value - a.actual.value || (a.region.code < b.region.code ? -1 : 1));
  [T1, T2] = [townships[0].region.code, townships[1].region.code].sort();
  villages = [];
  for (const township of [T1, T2]) {
    const res: any = await platform.query(COMPLETION, { region: township, period: YEAR, measure: 'NEW_TRANSFERS' });
    for (const v of res.data.completion.subregions) villages.push({ code: v.region.code, township, actual: v.actual.value });
  }
  // Targets that give ties: every other village with transfers at 50 % (target = 2 × actual), the rest actual + 1…3.
  villages.forEach((v, i) => villageTargets.set(v.code, v.actual > 0 && i % 2 === 0 ? 2 * v.actual : v.actual + (i % 3) + 1));
});
afterAll(async () => {
  await situationDb?.end();
  await platform?.stop();
});

describe('setTargets and targets', () => {
  it('a county officer sets year targets for two townships and their villages in one call; each change is in the history', async () => {
    const input = {
      period: YEAR,
      measure: 'NEW_TRANSFERS',
      targets: [
        { region: T1, target: TOWNSHIP_TARGETS.first },
        { region: T2, target: TOWNSHIP_TARGETS.second },
        ...villages.map((v) => ({ region: v.code, target: villageTargets.get(v.code)! })),
      ],
    };
    const res: any = await platform.query(SET, { input });
    expect(res.errors).toBeUndefined();
    expect(res.data.setTargets.targets).toHaveLength(2 + villages.length);
    expect(res.data.setTargets.targets.find((t: any) => t.region.code === T1)).toMatchObject({ region: { level: 'TOWNSHIP' }, period: YEAR, measure: 'NEW_TRANSFERS', target: 40 });
    const read: any = await platform.queryAs(DASHBOARD, TARGETS, { region: T2, period: YEAR, measure: 'NEW_TRANSFERS' }, null);
    expect(read.errors).toBeUndefined();
    expect(read.data.targets.targets.map((t: any) => [t.region.code, t.target])).toEqual([
      [T2, 30],
      ...villages.filter((v) => v.township === T2).map((v) => [v.code, villageTargets.get(v.code)]),
    ]);
    const history = await situationSql(`select actor, origin, detail, operation from change_history where table_name = 'assessment_target'`);
    expect(history).toHaveLength(2 + villages.length);
    expect(history.every((h) => h.actor === COUNTY_OFFICER.subject && h.origin === 'mutation' && h.detail === 'setTargets' && h.operation === 'INSERT')).toBe(true);

    // Setting one again replaces it and the history keeps old and new.
    const again: any = await platform.query(SET, { input: { period: YEAR, measure: 'NEW_TRANSFERS', targets: [{ region: T1, target: 45 }] } });
    expect(again.errors).toBeUndefined();
    const [update] = await situationSql(`select changes from change_history where table_name = 'assessment_target' and operation = 'UPDATE'`);
    expect(update.changes.target).toEqual([40, 45]);
    TOWNSHIP_TARGETS.first = 45;
    // … and the graph reads it back, newest first (not for dashboards).
    const CHANGES = `query($region: String, $period: String!) { targetChanges(region: $region, period: $period, measure: NEW_TRANSFERS, first: 100) { actor operation region { code } before after } }`;
    const changes: any = await platform.query(CHANGES, { region: T1, period: YEAR });
    expect(changes.errors).toBeUndefined();
    expect(changes.data.targetChanges[0]).toEqual({ actor: COUNTY_OFFICER.subject, operation: 'UPDATE', region: { code: T1 }, before: 40, after: 45 });
    expect(changes.data.targetChanges.find((c: any) => c.region.code === T1 && c.operation === 'INSERT')).toMatchObject({ before: null, after: 40 });
    const dashboardChanges: any = await platform.queryAs(DASHBOARD, CHANGES, { region: T1, period: YEAR }, null);
    expect(dashboardChanges.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('survives a rebuild of the read model', async () => {
    const config = platform.subgraphs.situation.config as SituationConfig;
    const sources = openSourcePools(config.sourceDatabaseUrls);
    try {
      await rebuildReadModel(config.databaseUrl, sources);
    } finally {
      await Promise.all(Object.values(sources).map((pool) => pool.end()));
    }
    const read: any = await platform.query(TARGETS, { region: DEMO_COUNTY, period: YEAR, measure: 'NEW_TRANSFERS' });
    expect(read.data.targets.targets).toHaveLength(2 + villages.length);
  });

  it('refuses a township officer, a viewer and a dashboard, and writes nothing', async () => {
    const before = await situationSql(`select count(*)::int as n from change_history`);
    const input = { period: YEAR, measure: 'NEW_TRANSFERS', targets: [{ region: DEMO_COUNTY, target: 100 }] };
    const township: any = await platform.queryAs({ subject: 'township-officer', department: 'hr', role: 'officer', region: T1, permissions: [] }, SET, { input });
    expect(township.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(township.errors[0].message).toContain('county');
    const ownTownship: any = await platform.queryAs({ subject: 'township-officer', department: 'hr', role: 'officer', region: T1, permissions: [] }, SET, {
      input: { ...input, targets: [{ region: T1, target: 1 }] },
    });
    expect(ownTownship.errors[0].extensions.code).toBe('FORBIDDEN');
    const viewer: any = await platform.queryAs({ ...COUNTY_OFFICER, subject: 'viewer', role: 'viewer' }, SET, { input });
    expect(viewer.errors[0].extensions.code).toBe('FORBIDDEN');
    const dashboard: any = await platform.queryAs(DASHBOARD, SET, { input }, null);
    expect(dashboard.errors[0].extensions.code).toBe('FORBIDDEN');
    const civil: any = await platform.queryAs({ ...COUNTY_OFFICER, subject: 'civil', department: 'civil' }, SET, { input });
    expect(civil.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(await situationSql(`select count(*)::int as n from change_history`)).toEqual(before);
    const county: any = await platform.query(TARGETS, { region: DEMO_COUNTY, period: YEAR, measure: 'NEW_TRANSFERS' });
    expect(county.data.targets.targets.find((t: any) => t.region.code === DEMO_COUNTY)).toBeUndefined();
  });

  it('names the wrong field and writes nothing of a batch with one bad entry', async () => {
    const snapshot = () => situationSql(`select region_code, period, measure, target from assessment_target order by 1, 2, 3`);
    const before = await snapshot();
    const good = { region: villages[0].code, target: 999 };
    const cases: [Record<string, unknown>, string, string][] = [
      [{ period: YEAR, measure: 'NEW_TRANSFERS', targets: [good, { region: '530102001', target: 1 }] }, 'input.targets[1].region', 'OUTSIDE_COUNTY'],
      [{ period: YEAR, measure: 'NEW_TRANSFERS', targets: [good, { region: `${DEMO_COUNTY}999999`, target: 1 }] }, 'input.targets[1].region', 'UNKNOWN_REGION'],
      [{ period: YEAR, measure: 'NEW_TRANSFERS', targets: [good, { region: T1, target: -3 }] }, 'input.targets[1].target', 'TARGET'],
      [{ period: YEAR, measure: 'NEW_TRANSFERS', targets: [good, good] }, 'input.targets[1].region', 'DUPLICATE'],
      [{ period: `${YEAR}-11`, measure: 'NEW_TRANSFERS', targets: [good] }, 'input.period', 'TARGET_PERIOD'],
      [{ period: YEAR, measure: 'NEW_TRANSFERS', targets: [] }, 'input.targets', 'COUNT'],
      // A quarter is part of its year: above the year's target is refused.
      [{ period: QUARTER, measure: 'NEW_TRANSFERS', targets: [{ region: T1, target: TOWNSHIP_TARGETS.first + 1 }] }, 'input.targets[0].target', 'ABOVE_YEAR'],
    ];
    for (const [input, field, reason] of cases) {
      const res: any = await platform.query(SET, { input });
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, reason });
      expect(res.data?.setTargets ?? null).toBeNull();
    }
    const fractional: any = await platform.query(SET, { input: { period: YEAR, measure: 'NEW_TRANSFERS', targets: [{ region: T1, target: 1.5 }] } });
    expect(fractional.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(await snapshot()).toEqual(before);
  });
});

describe('removeTargets', () => {
  const REMOVE = `mutation($input: RemoveTargetsInput!) { removeTargets(input: $input) { period measure targets { region { code } target } } }`;
  const LAST_YEAR = String(Number(YEAR) - 1);
  const snapshot = () => situationSql(`select region_code, period, measure, target from assessment_target order by 1, 2, 3`);

  it('withdraws targets all or none: a region holding none is named and nothing goes; the history keeps each with its value before', async () => {
    const set: any = await platform.query(SET, {
      input: {
        period: LAST_YEAR,
        measure: 'WELFARE_POSTS',
        targets: [
          { region: T1, target: 30 },
          { region: villages[0].code, target: 4 },
          { region: DEMO_COUNTY, target: 90 },
        ],
      },
    });
    expect(set.errors).toBeUndefined();
    const before = await snapshot();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ period: LAST_YEAR, measure: 'WELFARE_POSTS', regions: [T1, T2] }, 'input.regions[1]', 'NO_TARGET'],
      [{ period: LAST_YEAR, measure: 'WELFARE_POSTS', regions: [T1, T1] }, 'input.regions[1]', 'DUPLICATE'],
      [{ period: LAST_YEAR, measure: 'WELFARE_POSTS', regions: [T1, '530102001'] }, 'input.regions[1]', 'OUTSIDE_COUNTY'],
      [{ period: LAST_YEAR, measure: 'WELFARE_POSTS', regions: ['53011'] }, 'input.regions[0]', 'DIVISION_CODE'],
      [{ period: `${LAST_YEAR}-11`, measure: 'WELFARE_POSTS', regions: [T1] }, 'input.period', 'TARGET_PERIOD'],
      [{ period: LAST_YEAR, measure: 'WELFARE_POSTS', regions: [] }, 'input.regions', 'COUNT'],
    ];
    for (const [input, field, reason] of cases) {
      const res: any = await platform.query(REMOVE, { input });
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, reason });
    }
    // Not a county officer of hr or poverty: refused.
    const township: any = await platform.queryAs({ subject: 'township-officer', department: 'hr', role: 'officer', region: T1, permissions: [] }, REMOVE, {
      input: { period: LAST_YEAR, measure: 'WELFARE_POSTS', regions: [T1] },
    });
    expect(township.errors[0].extensions.code).toBe('FORBIDDEN');
    const dashboard: any = await platform.queryAs(DASHBOARD, REMOVE, { input: { period: LAST_YEAR, measure: 'WELFARE_POSTS', regions: [T1] } }, null);
    expect(dashboard.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(await snapshot()).toEqual(before);

    const removed: any = await platform.query(REMOVE, { input: { period: LAST_YEAR, measure: 'WELFARE_POSTS', regions: [T1, villages[0].code] } });
    expect(removed.errors).toBeUndefined();
    expect(removed.data.removeTargets.targets).toEqual([{ region: { code: DEMO_COUNTY }, target: 90 }]);
    const CHANGES = `query($region: String, $period: String!) { targetChanges(region: $region, period: $period, measure: WELFARE_POSTS, first: 100) { actor operation region { code } before after } }`;
    const changes: any = await platform.query(CHANGES, { region: DEMO_COUNTY, period: LAST_YEAR });
    expect(changes.errors).toBeUndefined();
    const deleted = changes.data.targetChanges.filter((c: any) => c.operation === 'DELETE');
    expect(deleted).toEqual(
      expect.arrayContaining([
        { actor: COUNTY_OFFICER.subject, operation: 'DELETE', region: { code: T1 }, before: 30, after: null },
        { actor: COUNTY_OFFICER.subject, operation: 'DELETE', region: { code: villages[0].code }, before: 4, after: null },
      ]),
    );
    expect(deleted).toHaveLength(2);
    // Set again after withdrawal: a new INSERT.
    const again: any = await platform.query(SET, { input: { period: LAST_YEAR, measure: 'WELFARE_POSTS', targets: [{ region: T1, target: 25 }] } });
    expect(again.errors).toBeUndefined();
    const after: any = await platform.query(CHANGES, { region: T1, period: LAST_YEAR });
    expect(after.data.targetChanges[0]).toMatchObject({ operation: 'INSERT', before: null, after: 25 });
  });
});

describe('completion against the indicators', () => {
  it('agrees with Query.indicators and an independent count, per township and village, with rates and ranks', async () => {
    const counts = await transfersPerVillage(`${YEAR}-01-01`, `${YEAR}-12-31`);
    const county: any = await platform.query(COMPLETION, { region: DEMO_COUNTY, period: YEAR, measure: 'NEW_TRANSFERS' });
    expect(county.errors).toBeUndefined();
    const c = county.data.completion;
    expect(c).toMatchObject({ region: { code: DEMO_COUNTY, level: 'COUNTY' }, period: { code: YEAR, from: `${YEAR}-01-01`, to: `${YEAR}-12-31` }, threshold: null });
    expect(c.total.actual.value).toBe(inside(counts, DEMO_COUNTY));
    expect(c.total.subregionTargets).toBe(TOWNSHIP_TARGETS.first + TOWNSHIP_TARGETS.second);
    const t1 = c.subregions.find((r: any) => r.region.code === T1);
    expect(t1).toMatchObject({
      target: TOWNSHIP_TARGETS.first,
      subregionTargets: sumOver(
        villageTargets,
        villages.filter((v) => v.township === T1).map((v) => v.code),
      ),
    });
    expect(t1.completionRate).toBeCloseTo(t1.actual.value / TOWNSHIP_TARGETS.first, 10);
    // Townships without a target have no rate and no rank.
    for (const row of c.subregions.filter((r: any) => ![T1, T2].includes(r.region.code))) expect(row).toMatchObject({ target: null, completionRate: null, rank: null });
    let compared = 0;
    for (const region of [DEMO_COUNTY, T1, T2, ...villages.map((v) => v.code)]) {
      const [mine, indicator]: any[] = await Promise.all([
        platform.query(COMPLETION, { region, period: YEAR, measure: 'NEW_TRANSFERS' }),
        platform.query(INDICATORS, { region, period: YEAR }),
      ]);
      expect(mine.data.completion.total.actual.value).toBe(inside(counts, region));
      const published = indicator.data.indicators.newTransfers;
      if (!published.suppressed) {
        expect(mine.data.completion.total.actual.value).toBe(published.value);
        compared++;
      }
    }
    expect(compared).toBeGreaterThanOrEqual(3);
    // Villages of a township: rate = actual ÷ target, competition ranks by rate.
    const township: any = await platform.query(COMPLETION, { region: T1, period: YEAR, measure: 'NEW_TRANSFERS' });
    const rows = township.data.completion.subregions;
    for (const row of rows) {
      expect(row.target).toBe(villageTargets.get(row.region.code));
      expect(row.completionRate).toBeCloseTo(row.actual.value / row.target, 10);
    }
    expect(rows.map((r: any) => r.rank)).toEqual(ranksOf(rows.map((r: any) => r.completionRate)));
  });

  it('counts training places, welfare posts and employed poor labourers as the indicators do', async () => {
    for (const [measure, pick] of [
      ['TRAINING_PLACES', (i: any) => i.training.participants],
      ['WELFARE_POSTS', (i: any) => i.welfarePostsFilled],
      [
        'EMPLOYED_POOR_LABOURERS',
        (i: any) => {
          const groups = i.byPovertyStatus.filter((g: any) => g.registeredPoor).map((g: any) => g.employed);
          return groups.some((g: any) => g.suppressed) ? { value: null, suppressed: true } : { value: groups.reduce((s: number, g: any) => s + g.value, 0), suppressed: false };
        },
      ],
    ] as const) {
      const [mine, indicator]: any[] = await Promise.all([
        platform.queryAs(DASHBOARD, COMPLETION, { region: DEMO_COUNTY, period: YEAR, measure }, null),
        platform.queryAs(DASHBOARD, INDICATORS, { region: DEMO_COUNTY, period: YEAR }, null),
      ]);
      expect(mine.errors).toBeUndefined();
      expect(mine.data.completion.total.actual).toEqual(pick(indicator.data.indicators));
      const staff: any = await platform.query(COMPLETION, { region: DEMO_COUNTY, period: YEAR, measure });
      if (!pick(indicator.data.indicators).suppressed) expect(staff.data.completion.total.actual.value).toBe(pick(indicator.data.indicators).value);
    }
    // 贫困劳动力务工就业, independently: registered-poor able labourers who are employed now.
    const [poor] = await situationSql(
      `select count(*)::int as n from person_situation p where p.able_labourer and p.employment_status = 'EMPLOYED' and p.poverty_status in ('NOT_LIFTED', 'LIFTED', 'LIFTED_UNSTABLE')`,
    );
    const staff: any = await platform.query(COMPLETION, { region: DEMO_COUNTY, period: YEAR, measure: 'EMPLOYED_POOR_LABOURERS' });
    expect(staff.data.completion.total.actual.value).toBe(poor.n);
    expect(poor.n).toBeGreaterThan(0);
  });

  it('names a bad period or measure', async () => {
    const month: any = await platform.query(COMPLETION, { region: DEMO_COUNTY, period: `${YEAR}-11`, measure: 'NEW_TRANSFERS' });
    expect(month.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'period' });
    const future: any = await platform.query(COMPLETION, { region: DEMO_COUNTY, period: String(Number(YEAR) + 1), measure: 'NEW_TRANSFERS' });
    expect(future.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'period' });
    const foreign: any = await platform.query(COMPLETION, { region: '530102', period: YEAR, measure: 'NEW_TRANSFERS' });
    expect(foreign.errors[0].extensions.code).toBe('FORBIDDEN');
  });
});

describe('the weekly ranking by completion rate', () => {
  it('ranks villages by the year’s completion to the week’s end, ties shared, villages without a target last', async () => {
    const res: any = await platform.query(RANKING, { week: TODAY, basis: 'COMPLETION_RATE' });
    expect(res.errors).toBeUndefined();
    const r = res.data.villageRanking;
    expect(r).toMatchObject({ basis: 'COMPLETION_RATE', targetPeriod: YEAR, threshold: null });
    const counts = await transfersPerVillage(`${YEAR}-01-01`, r.weekEnd);
    const withTarget = r.all.filter((v: any) => villageTargets.has(v.villageCode));
    expect(withTarget).toHaveLength(villages.length);
    for (const v of r.all) {
      expect(v.yearToDate).toBe(counts.get(v.villageCode) ?? 0);
      expect(v.target).toBe(villageTargets.get(v.villageCode) ?? null);
      if (v.target === null) expect(v).toMatchObject({ completionRate: null, rank: null });
      else expect(v.completionRate).toBeCloseTo(v.yearToDate / v.target, 10);
    }
    // Ranked first (rate descending, then code), then the rest by code; ranks "1224".
    const ranked = r.all.slice(0, withTarget.length);
    expect(ranked.map((v: any) => v.villageCode).sort()).toEqual(withTarget.map((v: any) => v.villageCode).sort());
    const expectedOrder = [...ranked].sort((a: any, b: any) => b.completionRate - a.completionRate || (a.villageCode < b.villageCode ? -1 : 1));
    expect(ranked.map((v: any) => v.villageCode)).toEqual(expectedOrder.map((v: any) => v.villageCode));
    expect(ranked.map((v: any) => v.rank)).toEqual(ranksOf(ranked.map((v: any) => v.completionRate)));
    expect(new Set(ranked.map((v: any) => v.rank)).size).toBeLessThan(ranked.length); // the targets were chosen to tie
    const rest = r.all.slice(withTarget.length).map((v: any) => v.villageCode);
    expect(rest).toEqual([...rest].sort());
    expect(r.red.map((v: any) => v.villageCode)).toEqual(
      ranked
        .filter((v: any) => v.completionRate > 0)
        .slice(0, 10)
        .map((v: any) => v.villageCode),
    );
    expect(r.black.map((v: any) => v.villageCode)).toEqual(
      [...ranked]
        .sort((a: any, b: any) => a.completionRate - b.completionRate || (a.villageCode < b.villageCode ? -1 : 1))
        .slice(0, 10)
        .map((v: any) => v.villageCode),
    );
  });

  it('keeps ranking by the week’s count by default', async () => {
    const res: any = await platform.query(RANKING, { week: TODAY });
    const r = res.data.villageRanking;
    expect(r).toMatchObject({ basis: 'COUNT', targetPeriod: null });
    expect(r.all.map((v: any) => v.rank)).toEqual(ranksOf(r.all.map((v: any) => v.newTransfers)));
    expect(r.all.every((v: any) => v.target === null && v.completionRate === null)).toBe(true);
  });
});

describe('the quarterly assessment (季考核)', () => {
  let quarterTargets: Map<string, number>;

  beforeAll(async () => {
    // Quarter targets for the villages of T1 and T2: at most their year targets.
    quarterTargets = new Map(villages.map((v, i) => [v.code, Math.max(0, villageTargets.get(v.code)! - (i % 2))]));
    const res: any = await platform.query(SET, {
      input: { period: QUARTER, measure: 'NEW_TRANSFERS', targets: [...quarterTargets].map(([region, target]) => ({ region, target })) },
    });
    expect(res.errors).toBeUndefined();
  });

  it('sums per township and per responsible unit, as the indicators count', async () => {
    const res: any = await platform.query(ASSESSMENT, { quarter: QUARTER });
    expect(res.errors).toBeUndefined();
    const a = res.data.assessment;
    expect(a).toMatchObject({ county: { code: DEMO_COUNTY }, quarter: QUARTER, threshold: null });
    const quarterCounts = await transfersPerVillage(`${QUARTER_END.slice(0, 5)}${String(Number(QUARTER.slice(-1)) * 3 - 2).padStart(2, '0')}-01`, QUARTER_END);
    const ytdCounts = await transfersPerVillage(`${YEAR}-01-01`, QUARTER_END);
    const townshipVillages = (t: string) => villages.filter((v) => v.township === t).map((v) => v.code);
    for (const row of a.townships) {
      expect(row.quarterActual.value).toBe(inside(quarterCounts, row.key));
      expect(row.yearToDate.value).toBe(inside(ytdCounts, row.key));
      const indicator: any = await platform.query(INDICATORS, { region: row.key, period: QUARTER });
      const i = indicator.data.indicators;
      if (!i.newTransfers.suppressed) expect(row.quarterActual.value).toBe(i.newTransfers.value);
      if (!i.retention.suppressed) expect([row.retention.numerator, row.retention.denominator]).toEqual([i.retention.numerator, i.retention.denominator]);
    }
    const t1 = a.townships.find((t: any) => t.key === T1);
    expect(t1.yearTarget).toBe(TOWNSHIP_TARGETS.first); // its own target
    expect(t1.quarterTarget).toBe(sumOver(quarterTargets, townshipVillages(T1))); // none of its own: its villages'
    expect(t1.yearRate).toBeCloseTo(t1.yearToDate.value / TOWNSHIP_TARGETS.first, 10);
    expect(a.townships.filter((t: any) => ![T1, T2].includes(t.key)).every((t: any) => t.yearTarget === null && t.rank === null)).toBe(true);
    expect(a.townships.map((t: any) => t.rank)).toEqual(ranksOf(a.townships.map((t: any) => t.yearRate)));

    // Units: the villages of the households each answers for now, summed (一荣俱荣、一损俱损).
    const units = await situationSql<{ name: string; villages: string[] }>(
      `select unit_name as name, array_agg(distinct village_code order by village_code) as villages from household_situation
        where unit_name is not null and village_code like $1 || '%' group by 1 order by 1`,
      [DEMO_COUNTY],
    );
    expect(units.length).toBeGreaterThan(1);
    expect(a.units.map((u: any) => [u.name, u.villageCodes])).toEqual(units.map((u) => [u.name, u.villages]));
    let withTargets = 0;
    for (const unit of a.units) {
      const targeted = unit.villageCodes.filter((v: string) => villageTargets.has(v));
      expect(unit.yearTarget).toBe(targeted.length ? sumOver(villageTargets, targeted) : null);
      expect(unit.quarterTarget).toBe(targeted.length ? sumOver(quarterTargets, targeted) : null);
      expect(unit.quarterActual.value).toBe(sumOver(quarterCounts, unit.villageCodes));
      expect(unit.yearToDate.value).toBe(sumOver(ytdCounts, unit.villageCodes));
      if (unit.yearTarget) expect(unit.yearRate).toBeCloseTo(unit.yearToDate.value / unit.yearTarget, 10);
      if (targeted.length) withTargets++;
    }
    expect(withTargets).toBeGreaterThan(0);
    expect(a.units.map((u: any) => u.rank)).toEqual(ranksOf(a.units.map((u: any) => u.yearRate)));
  });

  it('exports the table as xlsx with Chinese headers, the same figures, and nothing in the access log', async () => {
    const base = platform.gateway.url.replace(/\/graphql$/, '');
    const url = `${base}/reports/assessment.xlsx?quarter=${QUARTER}`;
    const response = await fetch(url, { headers: await userHeaders(COUNTY_OFFICER, null) });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    expect(decodeURIComponent(response.headers.get('content-disposition') ?? '')).toContain('转移就业季度考核通报');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as any);
    const rows: unknown[][] = [];
    workbook.worksheets[0].eachRow({ includeEmpty: false }, (row) => rows.push((row.values as unknown[]).slice(1)));
    const headerIndex = rows.findIndex((row) => row[0] === '类别');
    const header = rows[headerIndex] as string[];
    expect(header).toEqual([
      '类别',
      '名称',
      '代码',
      '帮扶村数',
      '年度目标',
      '季度目标',
      '本季度完成',
      '季度完成率',
      '年累计完成',
      '年度完成率',
      '稳岗人数',
      '稳岗基数',
      '稳岗率',
      '名次',
    ]);
    const data = rows.slice(headerIndex + 1);
    const query: any = await platform.query(ASSESSMENT, { quarter: QUARTER });
    const a = query.data.assessment;
    expect(data).toHaveLength(a.townships.length + a.units.length);
    const col = (name: string) => header.indexOf(name);
    const cell = (value: unknown) => (value === undefined ? null : value);
    a.townships.forEach((t: any, i: number) => {
      const row = data[i];
      expect([row[col('类别')], row[col('名称')], row[col('代码')]]).toEqual(['乡镇', t.name, t.key]);
      expect([cell(row[col('年度目标')]), cell(row[col('季度目标')]), cell(row[col('本季度完成')]), cell(row[col('年累计完成')])]).toEqual([
        t.yearTarget,
        t.quarterTarget,
        t.quarterActual.value,
        t.yearToDate.value,
      ]);
      if (t.yearRate !== null) expect(row[col('年度完成率')]).toBeCloseTo(t.yearRate, 3);
      expect(cell(row[col('名次')])).toBe(t.rank);
    });
    a.units.forEach((u: any, i: number) => {
      const row = data[a.townships.length + i];
      expect([row[col('类别')], row[col('名称')], cell(row[col('年度目标')]), cell(row[col('年累计完成')])]).toEqual(['挂包责任单位', u.name, u.yearTarget, u.yearToDate.value]);
    });
    // Aggregates only: the download logged nobody.
    const audit = new pg.Client({ connectionString: platform.auditDatabaseUrl });
    await audit.connect();
    try {
      const logged = await audit.query(`select count(*)::int as n from access_log where operation like '%assessment%'`);
      expect(logged.rows[0].n).toBe(0);
    } finally {
      await audit.end();
    }
    const exported = await situationSql(`select view, kind, region, outcome, rows from export_log where view = 'assessment'`);
    expect(exported).toEqual([{ view: 'assessment', kind: QUARTER, region: DEMO_COUNTY, outcome: 'COMPLETED', rows: data.length }]);

    // Refusals: no token, another county, a bad quarter, an unknown report.
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(`${base}/reports/assessment.xlsx?quarter=${QUARTER}&county=530102`, { headers: await userHeaders(COUNTY_OFFICER, null) })).status).toBe(403);
    const bad = await fetch(`${base}/reports/assessment.xlsx?quarter=${YEAR}-13`, { headers: await userHeaders(COUNTY_OFFICER, null) });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('quarter');
    expect((await fetch(`${base}/reports/everyone.xlsx?quarter=${QUARTER}`, { headers: await userHeaders(COUNTY_OFFICER, null) })).status).toBe(400);
  });
});

describe('dashboards', () => {
  it('read completion as the indicators publish it; a withheld count has no rate, so rate × target gives nothing back', async () => {
    let suppressed = 0;
    for (const region of [DEMO_COUNTY, T1, T2]) {
      const res: any = await platform.queryAs(DASHBOARD, COMPLETION, { region, period: YEAR, measure: 'NEW_TRANSFERS' }, null);
      expect(res.errors).toBeUndefined();
      const c = res.data.completion;
      expect(c.threshold).toBe(5);
      for (const row of [c.total, ...c.subregions]) {
        const indicator: any = await platform.queryAs(DASHBOARD, INDICATORS, { region: row.region.code, period: YEAR }, null);
        expect(row.actual).toEqual(indicator.data.indicators.newTransfers);
        if (row.actual.suppressed) {
          suppressed++;
          expect(row).toMatchObject({ completionRate: null, rank: null });
        } else if (row.target) expect(row.completionRate).toBeCloseTo(row.actual.value / row.target, 10);
      }
    }
    expect(suppressed).toBeGreaterThan(0);
  });

  it('cannot solve a withheld count from everything completion and the quarterly table publish, with their sums', async () => {
    const published = new Map<string, number | null>();
    const equations: SumEquation[] = [];
    const unitVillages = new Map<string, string[]>();
    for (const [tag, period] of [
      ['Y', YEAR],
      ['Q', QUARTER],
    ] as const) {
      const county: any = await platform.queryAs(DASHBOARD, COMPLETION, { region: DEMO_COUNTY, period, measure: 'NEW_TRANSFERS' }, null);
      const c = county.data.completion;
      published.set(`${tag}:${DEMO_COUNTY}`, c.total.actual.value);
      equations.push({ total: `${tag}:${DEMO_COUNTY}`, parts: c.subregions.map((t: any) => `${tag}:${t.region.code}`) });
      for (const township of c.subregions) {
        const res: any = await platform.queryAs(DASHBOARD, COMPLETION, { region: township.region.code, period, measure: 'NEW_TRANSFERS' }, null);
        const t = res.data.completion;
        published.set(`${tag}:${t.region.code}`, t.total.actual.value);
        for (const v of t.subregions) published.set(`${tag}:${v.region.code}`, v.actual.value);
        equations.push({ total: `${tag}:${t.region.code}`, parts: t.subregions.map((v: any) => `${tag}:${v.region.code}`) });
        // The rate is published only beside its count: rate × target adds nothing.
        for (const row of [t.total, ...t.subregions]) if (row.completionRate !== null) expect(row.actual.suppressed).toBe(false);
      }
    }
    const table: any = await platform.queryAs(DASHBOARD, ASSESSMENT, { quarter: QUARTER }, null);
    const a = table.data.assessment;
    for (const row of a.townships) {
      expect(row.quarterActual.value).toBe(published.get(`Q:${row.key}`));
      published.set(`YTD:${row.key}`, row.yearToDate.value);
    }
    for (const unit of a.units) {
      unitVillages.set(unit.key, unit.villageCodes);
      published.set(`UQ:${unit.key}`, unit.quarterActual.value);
      equations.push({ total: `UQ:${unit.key}`, parts: unit.villageCodes.map((v: string) => `Q:${v}`) });
      if (QUARTER.endsWith('Q4')) {
        // The year to the end of the fourth quarter is the year.
        published.set(`UY:${unit.key}`, unit.yearToDate.value);
        equations.push({ total: `UY:${unit.key}`, parts: unit.villageCodes.map((v: string) => `Y:${v}`) });
      }
    }
    const withheld = [...published].filter(([, v]) => v === null);
    expect(withheld.length).toBeGreaterThan(0);
    expect([...recoverable(published, equations).keys()]).toEqual([]);
  });

  it('see the ranking by rate for the current week only, withheld villages unranked; the quarterly table with withheld sums', async () => {
    const res: any = await platform.queryAs(DASHBOARD, RANKING, { basis: 'COMPLETION_RATE' }, null);
    expect(res.errors).toBeUndefined();
    const r = res.data.villageRanking;
    const published = new Map<string, any>();
    for (const township of [T1, T2]) {
      const c: any = await platform.queryAs(DASHBOARD, COMPLETION, { region: township, period: YEAR, measure: 'NEW_TRANSFERS' }, null);
      for (const row of c.data.completion.subregions) published.set(row.region.code, row.actual);
    }
    for (const v of r.all.filter((x: any) => published.has(x.villageCode))) {
      expect(v.yearToDate).toBe(published.get(v.villageCode).value);
      if (v.yearToDate === null) expect(v).toMatchObject({ completionRate: null, rank: null, suppressed: true });
    }
    const lastYear: any = await platform.queryAs(DASHBOARD, RANKING, { basis: 'COMPLETION_RATE', week: `${Number(YEAR) - 1}-06-01` }, null);
    expect(lastYear.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'week' });

    const table: any = await platform.queryAs(DASHBOARD, ASSESSMENT, { quarter: QUARTER }, null);
    expect(table.errors).toBeUndefined();
    const staff: any = await platform.query(ASSESSMENT, { quarter: QUARTER });
    for (const [i, unit] of table.data.assessment.units.entries()) {
      const exact = staff.data.assessment.units[i];
      if (unit.quarterActual.suppressed) expect(unit.quarterRate).toBeNull();
      else expect(unit.quarterActual.value).toBe(exact.quarterActual.value);
      if (unit.yearToDate.suppressed) expect(unit.yearRate).toBeNull();
      if (unit.retention.suppressed) expect([unit.retention.value, unit.retention.numerator]).toEqual([null, null]);
    }
    const download = await fetch(`${platform.gateway.url.replace(/\/graphql$/, '')}/reports/assessment.xlsx?quarter=${QUARTER}`, { headers: await userHeaders(DASHBOARD, null) });
    expect(download.status).toBe(200);
  });
});
