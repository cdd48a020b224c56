import { addMonths, todayInChina } from '@jiuye/common';
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
import { statementCounter } from './statement-count';

const VILLAGE_B = '530113101202';
const HISTORY_BEGINS = '2026-06-01';

const POINT = `period { code from to asOf } stockSource
  newTransfers { value suppressed } trainingParticipants { value suppressed } trainingEmployedWithin3Months { value suppressed }
  subsidiesAmount { value suppressed } subsidiesPeople { value suppressed } verifiedShare { value numerator denominator suppressed }
  labourForce { value suppressed } employed { value suppressed } employmentRate { value numerator denominator suppressed }
  transferByPlace { place label people { value suppressed } } zeroEmploymentHouseholds { value suppressed } welfarePostsFilled { value suppressed }`;
const SERIES = `query ($region: String, $granularity: SeriesGranularity!, $count: Int, $endingWith: String) {
  indicatorSeries(region: $region, granularity: $granularity, count: $count, endingWith: $endingWith) {
    region { code } granularity threshold historyBeginsOn points { ${POINT} } freshness { departments { department } }
  }
}`;
const INDICATORS = `query ($region: String, $period: String!) {
  indicators(region: $region, period: $period) {
    period { code from to asOf } stockSource
    newTransfers { value suppressed } training { participants { value suppressed } employedWithin3Months { value suppressed } }
    subsidies { totalAmount { value suppressed } totalPeople { value suppressed } }
    verifiedShare { value numerator denominator suppressed }
    labourForce { value suppressed } employed { value suppressed } employmentRate { value numerator denominator suppressed }
    transferByPlace { place label people { value suppressed } } zeroEmploymentHouseholds { value suppressed } welfarePostsFilled { value suppressed }
  }
}`;

describe('indicatorSeries (指标走势): flows per period and stocks at each period’s end, in one request', () => {
  let situation: SituationAlone;
  const today = todayInChina();
  const currentMonth = today.slice(0, 7);
  const BASE = 30;
  const LATER = 7;

  beforeAll(async () => {
    situation = await startSituationAlone({ suppressionThreshold: 5 });
    const db = situation.db;
    await insertRows(db, 'division', [
      { code: TEST_COUNTY, name: '东川区', level: 'COUNTY', parent_code: '5301' },
      { code: TEST_TOWNSHIP, name: '甲镇', level: 'TOWNSHIP', parent_code: TEST_COUNTY },
      { code: TEST_VILLAGE, name: '甲村', level: 'VILLAGE', parent_code: TEST_TOWNSHIP },
      { code: VILLAGE_B, name: '乙村', level: 'VILLAGE', parent_code: TEST_TOWNSHIP },
    ]);
    // BASE able labourers (two thirds employed), in the registry since the history began.
    const base = Array.from({ length: BASE }, (_, i) =>
      personRow({ village_code: i % 2 ? TEST_VILLAGE : VILLAGE_B, employment_status: i % 3 ? 'EMPLOYED' : 'UNEMPLOYED', employment_place: i % 3 ? 'IN_COUNTY' : null }),
    );
    await insertPeople(db, base);
    // The history moved back: what the registry held then has been valid since HISTORY_BEGINS.
    await backdateHistory(db, HISTORY_BEGINS);
    // LATER more arrive today: only the running period's stock counts them.
    await insertPeople(
      db,
      Array.from({ length: LATER }, () => personRow({ employment_status: 'EMPLOYED', employment_place: 'OUT_OF_PROVINCE' })),
    );
    let id = 1;
    const day = (month: number, d: number) => `2026-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    // Transfers: month m has (m % 4) * 3 of them (0, 3, 6, 9 …: some suppressed, some published).
    const transfers = [];
    for (let m = 1; m <= 11; m++)
      for (let k = 0; k < (m % 4) * 3; k++)
        transfers.push({
          id: id++,
          worker_id: base[(m + k) % BASE].worker_id,
          village_code: base[(m + k) % BASE].village_code,
          city_code: '4401',
          started_on: day(m, 1 + k),
          ended_on: null,
        });
    await insertRows(db, 'transfer_spell', transfers);
    const subsidies = [];
    for (let m = 1; m <= 11; m++)
      for (let k = 0; k < 6 + (m % 3); k++)
        subsidies.push({ id: id++, worker_id: base[k].worker_id, village_code: base[k].village_code, kind: 'ONE_OFF_EMPLOYMENT', amount: 500, paid_on: day(m, 10) });
    await insertRows(db, 'subsidy_paid', subsidies);
    await insertRows(
      db,
      'training_enrolment',
      base.slice(0, 12).map((p, i) => ({
        id: id++,
        worker_id: p.worker_id,
        village_code: p.village_code,
        institution_id: 1,
        course_kind: 'MEDIUM_TERM',
        trade: 'COOK',
        class_starts_on: '2026-03-02',
        class_ends_on: '2026-05-29',
        enrolled_on: '2026-03-01',
        status: 'COMPLETED',
        completed_on: '2026-05-29',
        employed_on: i < 8 ? '2026-07-01' : null,
      })),
    );
    await insertRows(
      db,
      'record_verification',
      base.slice(0, 20).map((p) => ({ id: id++, worker_id: p.worker_id, village_code: p.village_code, verified_on: '2026-09-15', outcome: 'CONFIRMED' })),
    );
  });
  afterAll(async () => situation?.stop());

  it('twelve months ending with the running one: flows equal indicators(period), stocks from the history, null before it', async () => {
    const res = await situation.queryAs(COUNTY_DASHBOARD, SERIES, { granularity: 'MONTH' });
    expect(res.errors).toBeUndefined();
    const series = res.data.indicatorSeries;
    expect(series).toMatchObject({ region: { code: TEST_COUNTY }, granularity: 'MONTH', threshold: 5, historyBeginsOn: HISTORY_BEGINS });
    const codes = Array.from({ length: 12 }, (_, i) => addMonths(`${currentMonth}-01`, i - 11).slice(0, 7));
    expect(series.points.map((p: { period: { code: string } }) => p.period.code)).toEqual(codes);
    for (const point of series.points) {
      const single = (await situation.queryAs(COUNTY_DASHBOARD, INDICATORS, { period: point.period.code })).data.indicators;
      expect(point.period).toEqual(single.period);
      // Flows: the very cells indicators publishes (same tables, same suppression).
      expect([point.period.code, point.newTransfers, point.trainingParticipants, point.trainingEmployedWithin3Months, point.subsidiesAmount, point.subsidiesPeople]).toEqual([
        point.period.code,
        single.newTransfers,
        single.training.participants,
        single.training.employedWithin3Months,
        single.subsidies.totalAmount,
        single.subsidies.totalPeople,
      ]);
      // Stocks: indicators(period) answers them from the same place as the series — today's state,
      // the history at the period's end, or nothing before the history — so the two agree for every period.
      expect([point.period.code, single.stockSource]).toEqual([point.period.code, point.stockSource]);
      for (const key of ['labourForce', 'employed', 'employmentRate', 'transferByPlace', 'zeroEmploymentHouseholds', 'welfarePostsFilled', 'verifiedShare'])
        expect([point.period.code, key, single[key]]).toEqual([point.period.code, key, point[key]]);
      const asOf = point.period.asOf;
      if (asOf === today) {
        expect(point.stockSource).toBe('CURRENT');
        expect(point.labourForce.value).toBe(BASE + LATER);
      } else if (asOf >= HISTORY_BEGINS) {
        expect([point.period.code, point.stockSource]).toEqual([point.period.code, 'HISTORY']);
        expect(point.labourForce).toEqual({ value: BASE, suppressed: false });
        expect(point.employed).toEqual({ value: 20, suppressed: false });
        expect(point.zeroEmploymentHouseholds).toEqual({ value: 10, suppressed: false });
        // The 20 employed of the history all work in the county (the 7 out of province came later).
        expect(point.transferByPlace.map((p: { people: unknown }) => p.people)).toEqual([
          { value: 0, suppressed: false },
          { value: 20, suppressed: false },
          { value: 0, suppressed: false },
          { value: 0, suppressed: false },
          { value: 0, suppressed: false },
        ]);
      } else {
        expect([point.period.code, point.stockSource]).toEqual([point.period.code, 'BEFORE_HISTORY']);
        for (const key of ['labourForce', 'employed', 'zeroEmploymentHouseholds', 'welfarePostsFilled'])
          expect([key, point[key]]).toEqual([key, { value: null, suppressed: false }]);
        for (const place of point.transferByPlace) expect(place.people).toEqual({ value: null, suppressed: false });
        expect(point.verifiedShare).toEqual({ value: null, numerator: null, denominator: null, suppressed: false });
      }
      for (const cell of [point.newTransfers, point.subsidiesPeople, point.labourForce, point.employed])
        if (cell.value !== null) expect(cell.value === 0 || cell.value >= 5).toBe(true);
    }
    const september = series.points.find((p: { period: { code: string } }) => p.period.code === '2026-09');
    expect(september.verifiedShare).toEqual({ value: 20 / BASE, numerator: 20, denominator: BASE, suppressed: false });
    // The data exercises both sides of the threshold.
    const transfers = series.points.map((p: { newTransfers: { value: number | null } }) => p.newTransfers.value);
    expect(transfers.some((v: number | null) => v === null)).toBe(true);
    expect(transfers.some((v: number | null) => v !== null && v >= 5)).toBe(true);
  });

  it('indicators(period) of a past period takes stock at its end from the history (not today), and says nothing before the history', async () => {
    const PAST = `query ($period: String!) {
      indicators(period: $period) {
        period { asOf } stockSource labourForce { value suppressed } employed { value suppressed } welfarePostsDeveloped { value suppressed }
        retention { value numerator denominator suppressed } jobFairIntentionRate { value numerator denominator suppressed }
        byPovertyStatus { labourForce { value suppressed } employmentRate { value numerator denominator suppressed } }
        newTransfers { value suppressed }
      }
    }`;
    const now = (await situation.queryAs(COUNTY_STAFF, PAST, { period: currentMonth })).data.indicators;
    expect([now.stockSource, now.labourForce.value]).toEqual(['CURRENT', BASE + LATER]);
    // A quarter and a week that ended after the history began: the registry as it stood then.
    for (const period of ['2026-Q3', '2026-W40']) {
      const past = (await situation.queryAs(COUNTY_STAFF, PAST, { period })).data.indicators;
      expect([period, past.stockSource, past.labourForce, past.employed]).toEqual([period, 'HISTORY', { value: BASE, suppressed: false }, { value: 20, suppressed: false }]);
      expect(past.byPovertyStatus.reduce((sum: number, g: { labourForce: { value: number } }) => sum + g.labourForce.value, 0)).toBe(BASE);
    }
    // A month that ended before the history began: every stock (and rate over one) null, not suppressed, never estimated; flows still answered.
    const before = await situation.queryAs(COUNTY_DASHBOARD, PAST, { period: '2026-03' });
    expect(before.errors).toBeUndefined();
    const old = before.data.indicators;
    expect(old.stockSource).toBe('BEFORE_HISTORY');
    const unknown = { value: null, suppressed: false };
    const unknownRate = { value: null, numerator: null, denominator: null, suppressed: false };
    expect([old.labourForce, old.employed, old.welfarePostsDeveloped]).toEqual([unknown, unknown, unknown]);
    expect([old.retention, old.jobFairIntentionRate]).toEqual([unknownRate, unknownRate]);
    for (const group of old.byPovertyStatus) expect(group).toEqual({ labourForce: unknown, employmentRate: unknownRate });
    expect(old.newTransfers).toEqual({ value: 9, suppressed: false });
  });

  it('weeks, quarters and years, ending with a chosen period', async () => {
    const weeks = (await situation.queryAs(COUNTY_STAFF, SERIES, { granularity: 'WEEK', count: 3, endingWith: '2026-W01' })).data.indicatorSeries.points;
    expect(weeks.map((p: { period: { code: string; from: string } }) => [p.period.code, p.period.from])).toEqual([
      ['2025-W51', '2025-12-15'],
      ['2025-W52', '2025-12-22'],
      ['2026-W01', '2025-12-29'],
    ]);
    const quarters = (await situation.queryAs(COUNTY_STAFF, SERIES, { granularity: 'QUARTER', count: 5, endingWith: '2026-Q3' })).data.indicatorSeries.points;
    expect(quarters.map((p: { period: { code: string } }) => p.period.code)).toEqual(['2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3']);
    expect(quarters[4].stockSource).toBe('HISTORY');
    const years = (await situation.queryAs(COUNTY_STAFF, SERIES, { granularity: 'YEAR', count: 2 })).data.indicatorSeries.points;
    expect(years.map((p: { period: { code: string } }) => p.period.code)).toEqual([String(Number(today.slice(0, 4)) - 1), today.slice(0, 4)]);
    const year = (await situation.queryAs(COUNTY_STAFF, INDICATORS, { period: today.slice(0, 4) })).data.indicators;
    expect(years[1].newTransfers).toEqual(year.newTransfers);
  });

  it('costs a bounded number of statements: the flows of every period in four, the stocks five per point', async () => {
    const counted = statementCounter(situation);
    const statements = async (count: number) => {
      const before = counted();
      const started = process.hrtime.bigint();
      const res = await situation.queryAs(COUNTY_DASHBOARD, SERIES, { granularity: 'MONTH', count, endingWith: '2026-11' });
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      expect(res.errors).toBeUndefined();
      const stockPoints = res.data.indicatorSeries.points.filter((p: { stockSource: string }) => p.stockSource !== 'BEFORE_HISTORY').length;
      return { statements: counted() - before, stockPoints, ms };
    };
    const three = await statements(3);
    const twelve = await statements(12);
    const twentyFour = await statements(24);
    process.stdout.write(
      `indicatorSeries MONTH statements/ms: 3 → ${three.statements}/${three.ms.toFixed(0)}, 12 → ${twelve.statements}/${twelve.ms.toFixed(0)}, 24 → ${twentyFour.statements}/${twentyFour.ms.toFixed(0)}\n`,
    );
    // Only the points with stocks add statements (five each); the flows of 3, 12 or 24 months cost the same.
    expect(twelve.statements - three.statements).toBe(5 * (twelve.stockPoints - three.stockPoints));
    expect(twentyFour.statements - twelve.statements).toBe(5 * (twentyFour.stockPoints - twelve.stockPoints));
  });

  it('refuses a bad count or endingWith naming the argument, and a region outside the caller’s', async () => {
    for (const [variables, field] of [
      [{ granularity: 'MONTH', count: 25 }, 'count'],
      [{ granularity: 'MONTH', count: 0 }, 'count'],
      [{ granularity: 'YEAR', count: 24, endingWith: '2010' }, 'count'],
      [{ granularity: 'WEEK', endingWith: '2026-11' }, 'endingWith'],
      [{ granularity: 'MONTH', endingWith: '2026-13' }, 'endingWith'],
      [{ granularity: 'MONTH', endingWith: '2099-01' }, 'endingWith'],
    ] as const) {
      const res = await situation.queryAs(COUNTY_DASHBOARD, SERIES, variables);
      expect([variables, res.errors?.[0].extensions]).toMatchObject([variables, { code: 'BAD_USER_INPUT', field }]);
    }
    const outside = await situation.queryAs(COUNTY_DASHBOARD, SERIES, { region: '530114', granularity: 'MONTH' });
    expect(outside.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
