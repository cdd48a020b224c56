import { todayInChina } from '@jiuye/common';
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
  OTHER_VILLAGE,
  type SituationAlone,
} from '@jiuye/testing/situation';

const THIRD_VILLAGE = '530113102201';
const EMPTY_VILLAGE = '530113102202';

const COVERAGE = `query ($region: String, $month: String) {
  verificationCoverage(region: $region, month: $month) {
    region { code level } month from to
    total { registryWorkers { value suppressed } verified { value suppressed } share { value numerator denominator suppressed } }
    villages {
      villageCode villageName townshipName
      registryWorkers { value suppressed } verified { value suppressed } share { value numerator denominator suppressed }
    }
    freshness { departments { department } }
  }
}`;

describe('verificationCoverage (月度核实覆盖率)', () => {
  let situation: SituationAlone;
  const people: Record<string, PersonRow[]> = {};

  beforeAll(async () => {
    situation = await startSituationAlone({ suppressionThreshold: 5 });
    await insertRows(situation.db, 'division', [
      { code: TEST_COUNTY, name: '东川区', level: 'COUNTY', parent_code: '5301' },
      { code: TEST_TOWNSHIP, name: '甲镇', level: 'TOWNSHIP', parent_code: TEST_COUNTY },
      { code: '530113102', name: '乙乡', level: 'TOWNSHIP', parent_code: TEST_COUNTY },
      { code: TEST_VILLAGE, name: '甲村', level: 'VILLAGE', parent_code: TEST_TOWNSHIP },
      { code: OTHER_VILLAGE, name: '乙村', level: 'VILLAGE', parent_code: TEST_TOWNSHIP },
      { code: THIRD_VILLAGE, name: '丙村', level: 'VILLAGE', parent_code: '530113102' },
      { code: EMPTY_VILLAGE, name: '丁村', level: 'VILLAGE', parent_code: '530113102' },
    ]);
    // Registry: 10, 8 and 3 workers (the able and the not able alike).
    people[TEST_VILLAGE] = Array.from({ length: 10 }, (_, i) => personRow({ village_code: TEST_VILLAGE, able_labourer: i !== 0 }));
    people[OTHER_VILLAGE] = Array.from({ length: 8 }, () => personRow({ village_code: OTHER_VILLAGE }));
    people[THIRD_VILLAGE] = Array.from({ length: 3 }, () => personRow({ village_code: THIRD_VILLAGE }));
    await insertPeople(situation.db, Object.values(people).flat());
    // This registry has stood since 2026-01-01 (past periods read it from the history); one worker more arrived today.
    await backdateHistory(situation.db, '2026-01-01');
    await insertPeople(situation.db, [personRow({ village_code: THIRD_VILLAGE })]);
    let id = 1;
    const verify = (p: PersonRow, on: string, outcome = 'CONFIRMED') => ({ id: id++, worker_id: p.worker_id, village_code: p.village_code, verified_on: on, outcome });
    await insertRows(situation.db, 'record_verification', [
      // November 2026: 6 of 甲村 (one twice, one only NOT_REACHED), 2 of 乙村, none of 丙村.
      ...people[TEST_VILLAGE].slice(0, 6).map((p) => verify(p, '2026-11-03')),
      verify(people[TEST_VILLAGE][0], '2026-11-30', 'CORRECTED'),
      verify(people[TEST_VILLAGE][7], '2026-11-04', 'NOT_REACHED'),
      ...people[OTHER_VILLAGE].slice(0, 2).map((p) => verify(p, '2026-11-01')),
      verify(people[THIRD_VILLAGE][0], '2026-10-31'),
      verify(people[THIRD_VILLAGE][1], '2026-12-01'),
      // October 2026: every worker of 乙村.
      ...people[OTHER_VILLAGE].map((p) => verify(p, '2026-10-15', 'MOVED_AWAY')),
    ]);
  });
  afterAll(async () => situation?.stop());

  const names = (villages: { villageCode: string }[]) => villages.map((v) => v.villageCode);

  it('gives department staff exact per-village figures, worst village first', async () => {
    const res = await situation.queryAs(COUNTY_STAFF, COVERAGE, { month: '2026-11' });
    expect(res.errors).toBeUndefined();
    const c = res.data.verificationCoverage;
    expect(c).toMatchObject({ region: { code: TEST_COUNTY, level: 'COUNTY' }, month: '2026-11', from: '2026-11-01', to: '2026-11-30' });
    expect(c.total).toEqual({
      registryWorkers: { value: 21, suppressed: false },
      verified: { value: 8, suppressed: false },
      share: { value: 8 / 21, numerator: 8, denominator: 21, suppressed: false },
    });
    expect(names(c.villages)).toEqual([THIRD_VILLAGE, OTHER_VILLAGE, TEST_VILLAGE, EMPTY_VILLAGE]);
    expect(c.villages[0]).toEqual({
      villageCode: THIRD_VILLAGE,
      villageName: '丙村',
      townshipName: '乙乡',
      registryWorkers: { value: 3, suppressed: false },
      verified: { value: 0, suppressed: false },
      share: { value: 0, numerator: 0, denominator: 3, suppressed: false },
    });
    expect(c.villages[1]).toMatchObject({ villageName: '乙村', townshipName: '甲镇', verified: { value: 2 }, share: { value: 0.25 } });
    expect(c.villages[2]).toMatchObject({ registryWorkers: { value: 10 }, verified: { value: 6 }, share: { value: 0.6 } });
    expect(c.villages[3]).toMatchObject({ villageName: '丁村', registryWorkers: { value: 0 }, verified: { value: 0 }, share: { value: null, suppressed: false } });
    expect(c.freshness.departments).toHaveLength(5);
  });

  it('takes the month argument (default the current month) and a narrower region', async () => {
    const october = (await situation.queryAs(COUNTY_STAFF, COVERAGE, { month: '2026-10', region: TEST_TOWNSHIP })).data.verificationCoverage;
    expect(october).toMatchObject({ region: { code: TEST_TOWNSHIP }, month: '2026-10', from: '2026-10-01', to: '2026-10-31' });
    expect(names(october.villages)).toEqual([TEST_VILLAGE, OTHER_VILLAGE]);
    expect(october.villages[1]).toMatchObject({ verified: { value: 8 }, share: { value: 1 } });
    expect(october.total).toMatchObject({ registryWorkers: { value: 18 }, verified: { value: 8 } });
    const current = (await situation.queryAs(COUNTY_STAFF, COVERAGE, {})).data.verificationCoverage;
    expect(current.month).toBe(todayInChina().slice(0, 7));
    const village = (await situation.queryAs(COUNTY_STAFF, COVERAGE, { region: THIRD_VILLAGE, month: '2026-10' })).data.verificationCoverage;
    expect(village.villages).toHaveLength(1);
    expect(village.villages[0]).toMatchObject({ verified: { value: 1 }, registryWorkers: { value: 3 } });
  });

  it('follows any period: verified at least once within it, over the registry at its end (history), not known before the history', async () => {
    const BY_PERIOD = `query ($region: String, $period: String, $month: String) {
      verificationCoverage(region: $region, period: $period, month: $month) {
        month from to period { code label from to asOf } stockSource
        total { registryWorkers { value suppressed } verified { value suppressed } share { value numerator denominator suppressed } }
        villages { villageCode registryWorkers { value suppressed } verified { value suppressed } share { value numerator denominator suppressed } }
      }
    }`;
    const ask = async (variables: Record<string, string>) => {
      const res = await situation.queryAs(COUNTY_STAFF, BY_PERIOD, variables);
      expect(res.errors).toBeUndefined();
      return res.data.verificationCoverage;
    };
    // A month asked as a period is the month.
    const [month, asPeriod] = [await ask({ month: '2026-11' }), await ask({ period: '2026-11' })];
    expect(asPeriod).toEqual(month);
    expect(month).toMatchObject({ period: { code: '2026-11', label: '2026年11月', asOf: '2026-11-30' }, stockSource: 'HISTORY' });
    // The registry as it stood on 30 November: 21, not today's 22.
    expect(month.total).toMatchObject({ registryWorkers: { value: 21 }, verified: { value: 8 } });
    // ISO week 45 (2–8 November): 甲村's six of the 3rd, 乙村's two of the 1st fall in week 44.
    const week = await ask({ period: '2026-W45' });
    expect(week).toMatchObject({ from: '2026-11-02', to: '2026-11-08', period: { code: '2026-W45' }, stockSource: 'HISTORY' });
    expect(week.total).toMatchObject({ registryWorkers: { value: 21 }, verified: { value: 6 } });
    // The running quarter: October to December, over today's registry; a worker verified twice counts once.
    const quarter = await ask({ period: '2026-Q4' });
    expect(quarter).toMatchObject({ from: '2026-10-01', to: '2026-12-31', stockSource: 'CURRENT', period: { asOf: todayInChina() } });
    expect(quarter.total).toMatchObject({ registryWorkers: { value: 22 }, verified: { value: 6 + 8 + 2 } });
    // Before the history begins the registry is not known: null, not suppressed, never estimated.
    const before = await ask({ period: '2025' });
    expect(before.stockSource).toBe('BEFORE_HISTORY');
    expect(before.total).toEqual({
      registryWorkers: { value: null, suppressed: false },
      verified: { value: 0, suppressed: false },
      share: { value: null, numerator: null, denominator: null, suppressed: false },
    });
    // Bad periods and both arguments together are refused, naming period.
    for (const variables of [{ period: '2026-13' }, { period: '2099' }, { period: '2026-11', month: '2026-11' }]) {
      const res = await situation.queryAs(COUNTY_STAFF, BY_PERIOD, variables);
      expect([variables, res.errors?.[0].extensions]).toMatchObject([variables, { code: 'BAD_USER_INPUT', field: 'period' }]);
    }
  });

  it('refuses a malformed month or one that has not begun, naming the argument', async () => {
    for (const month of ['2026-13', '2026-00', '2026-1', '2026', 'november', '2026-11-01', '2999-01']) {
      const res = await situation.queryAs(COUNTY_STAFF, COVERAGE, { month });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'month' });
    }
  });

  it('suppresses small counts for dashboards, with a second village hidden so that no total minus the rest gives one away', async () => {
    const res = await situation.queryAs(COUNTY_DASHBOARD, COVERAGE, { month: '2026-11' });
    expect(res.errors).toBeUndefined();
    const c = res.data.verificationCoverage;
    expect(c.total).toMatchObject({ registryWorkers: { value: 21 }, verified: { value: 8 }, share: { numerator: 8, denominator: 21, suppressed: false } });
    // Worst first over the published shares only: the villages whose share is withheld come last, by code (hole 8).
    expect(names(c.villages)).toEqual([EMPTY_VILLAGE, TEST_VILLAGE, OTHER_VILLAGE, THIRD_VILLAGE]);
    const [empty, test, other, third] = c.villages;
    // Registry 3 is hidden (and its township's 3); county 21 − township would give it away, so the
    // other township (18) is hidden, and then — township 18 − its villages — 8, the next smallest; 10 stays.
    expect(third.registryWorkers).toEqual({ value: null, suppressed: true });
    expect(other.registryWorkers).toEqual({ value: null, suppressed: true });
    expect(test.registryWorkers).toEqual({ value: 10, suppressed: false });
    // Verified 2 is hidden, and 6 (the next smallest non-zero) with it; zeros stay.
    expect(third.verified).toEqual({ value: 0, suppressed: false });
    expect(other.verified).toEqual({ value: null, suppressed: true });
    expect(test.verified).toEqual({ value: null, suppressed: true });
    for (const v of [third, other, test]) expect(v.share).toEqual({ value: null, numerator: null, denominator: null, suppressed: true });
    expect(empty).toMatchObject({ registryWorkers: { value: 0, suppressed: false }, share: { value: null, suppressed: false } });
    const outside = await situation.queryAs(COUNTY_DASHBOARD, COVERAGE, { region: '530114' });
    expect(outside.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
