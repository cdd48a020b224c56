import { recoverable, singleUnknownEquations, type SumEquation } from '@jiuye/testing/disclosure';
import { expectFlatCost } from '@jiuye/testing/harness';
import { statementCounter } from './statement-count';
import {
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
/** Township A has twelve villages, township B one: the cost must not follow the number of children. */
const VILLAGES_A = Array.from({ length: 12 }, (_, i) => `${TEST_TOWNSHIP}${String(201 + i)}`);
const VILLAGE_B = `${TOWNSHIP_B}201`;

const FIGURES = `region { code name level }
  labourForce { value suppressed } employed { value suppressed } employmentRate { value numerator denominator suppressed }
  newTransfers { value suppressed } zeroEmploymentHouseholds { value suppressed }
  welfarePostsDeveloped { value suppressed } welfarePostsFilled { value suppressed }
  transferByPlace { place people { value suppressed } }
  byPovertyStatus { status labourForce { value suppressed } employed { value suppressed } newTransfers { value suppressed } }
  training { participants { value suppressed } employedWithin3Months { value suppressed } }
  subsidies { totalAmount { value suppressed } totalPeople { value suppressed } }
  verifiedShare { value numerator denominator suppressed }`;
const BREAKDOWN = `query ($region: String, $period: String!) {
  indicatorBreakdown(region: $region, period: $period) {
    region { code name level } period { code asOf } threshold
    parent { ${FIGURES} }
    children { ${FIGURES} }
    freshness { departments { department } }
  }
}`;
const INDICATORS = `query ($region: String, $period: String!) { indicators(region: $region, period: $period) { ${FIGURES} } }`;

describe('indicatorBreakdown (指标分解): a region and its children in one request', () => {
  let situation: SituationAlone;

  beforeAll(async () => {
    situation = await startSituationAlone({ suppressionThreshold: 5 });
    await insertRows(situation.db, 'division', [
      { code: TEST_COUNTY, name: '东川区', level: 'COUNTY', parent_code: '5301' },
      { code: TEST_TOWNSHIP, name: '甲镇', level: 'TOWNSHIP', parent_code: TEST_COUNTY },
      { code: TOWNSHIP_B, name: '乙乡', level: 'TOWNSHIP', parent_code: TEST_COUNTY },
      ...VILLAGES_A.map((code, i) => ({ code, name: `甲${i + 1}村`, level: 'VILLAGE', parent_code: TEST_TOWNSHIP })),
      { code: VILLAGE_B, name: '乙1村', level: 'VILLAGE', parent_code: TOWNSHIP_B },
    ]);
    // Uneven villages (2 … 13 people) with mixed poverty status and employment: many small cells.
    const statuses = [null, 'NOT_LIFTED', 'LIFTED', 'MARGINAL'];
    const people = [...VILLAGES_A, VILLAGE_B].flatMap((village, v) =>
      Array.from({ length: 2 + v }, (_, i) =>
        personRow({
          village_code: village,
          poverty_status: statuses[(i + v) % 4],
          employment_status: i % 3 === 0 ? 'UNEMPLOYED' : 'EMPLOYED',
          employment_place: i % 3 === 0 ? null : i % 2 ? 'IN_COUNTY' : 'OUT_OF_PROVINCE',
        }),
      ),
    );
    await insertPeople(situation.db, people);
    await insertRows(
      situation.db,
      'transfer_spell',
      people
        .filter((_, i) => i % 2 === 0)
        .map((p, i) => ({
          id: i + 1,
          worker_id: p.worker_id,
          village_code: p.village_code,
          city_code: '4401',
          started_on: `2026-10-${String(1 + (i % 28)).padStart(2, '0')}`,
          ended_on: null,
        })),
    );
  });
  afterAll(async () => situation?.stop());

  it('answers the parent and each child exactly as indicators(region) does, children in code order with their names', async () => {
    for (const [region, children] of [
      [TEST_COUNTY, [TEST_TOWNSHIP, TOWNSHIP_B]],
      [TEST_TOWNSHIP, VILLAGES_A],
      [TEST_VILLAGE, []],
    ] as const) {
      const res = await situation.queryAs(COUNTY_DASHBOARD, BREAKDOWN, { region, period: '2026-10' });
      expect(res.errors).toBeUndefined();
      const got = res.data.indicatorBreakdown;
      expect(got.region.code).toBe(region);
      expect(got.threshold).toBe(5);
      expect(got.freshness.departments).toHaveLength(5);
      expect(got.children.map((c: { region: { code: string } }) => c.region.code)).toEqual(children);
      const alone = await situation.queryAs(COUNTY_DASHBOARD, INDICATORS, { region, period: '2026-10' });
      expect(got.parent).toEqual(alone.data.indicators);
      for (const child of got.children) {
        const single = await situation.queryAs(COUNTY_DASHBOARD, INDICATORS, { region: child.region.code, period: '2026-10' });
        expect(child).toEqual(single.data.indicators);
      }
    }
    const county = (await situation.queryAs(COUNTY_DASHBOARD, BREAKDOWN, { period: '2026-10' })).data.indicatorBreakdown;
    expect(county.children.map((c: { region: { name: string; level: string } }) => [c.region.name, c.region.level])).toEqual([
      ['甲镇', 'TOWNSHIP'],
      ['乙乡', 'TOWNSHIP'],
    ]);
  });

  it('publishes no small cell and lets no suppressed child be recovered from the parent and its siblings', async () => {
    const res = await situation.queryAs(COUNTY_DASHBOARD, BREAKDOWN, { region: TEST_TOWNSHIP, period: '2026-10' });
    const { parent, children } = res.data.indicatorBreakdown;
    const cells = new Map<string, number | null>();
    const equations: SumEquation[] = [];
    const figures = (x: typeof parent) => ({
      labourForce: x.labourForce.value,
      employed: x.employed.value,
      newTransfers: x.newTransfers.value,
      zero: x.zeroEmploymentHouseholds.value,
      ...Object.fromEntries(
        x.byPovertyStatus.flatMap((g: any) => [
          [`lf:${g.status}`, g.labourForce.value],
          [`emp:${g.status}`, g.employed.value],
          [`nt:${g.status}`, g.newTransfers.value],
        ]),
      ),
    });
    for (const x of [parent, ...children]) for (const [name, value] of Object.entries(figures(x))) cells.set(`${name}|${x.region.code}`, value as number | null);
    for (const name of Object.keys(figures(parent))) equations.push({ total: `${name}|${TEST_TOWNSHIP}`, parts: VILLAGES_A.map((v) => `${name}|${v}`) });
    for (const code of [TEST_TOWNSHIP, ...VILLAGES_A]) {
      for (const [name, prefix] of [
        ['labourForce', 'lf'],
        ['employed', 'emp'],
        ['newTransfers', 'nt'],
      ]) {
        equations.push({ total: `${name}|${code}`, parts: ['NOT_LIFTED', 'LIFTED', 'MONITORED', 'OTHER'].map((g) => `${prefix}:${g}|${code}`) });
      }
    }
    for (const [key, value] of cells) if (value !== null) expect([key, value > 0 && value < 5]).toEqual([key, false]);
    expect([...cells.values()].filter((v) => v === null).length).toBeGreaterThan(10);
    expect(singleUnknownEquations(cells, equations)).toEqual([]);
    expect([...recoverable(cells, equations)]).toEqual([]);
  });

  it('costs the same few statements for 1 child as for 12 (grouped SQL over the registry, not a query per child)', async () => {
    const counted = statementCounter(situation);
    const statements = async (region: string) => {
      const before = counted();
      const res = await situation.queryAs(COUNTY_DASHBOARD, BREAKDOWN, { region, period: '2026-10' });
      expect(res.errors).toBeUndefined();
      return { statements: counted() - before, children: res.data.indicatorBreakdown.children.length };
    };
    const one = await statements(TOWNSHIP_B);
    const twelve = await statements(TEST_TOWNSHIP);
    expect([one.children, twelve.children]).toEqual([1, 12]);
    process.stdout.write(`indicatorBreakdown statements: 1 child → ${one.statements}, 12 children → ${twelve.statements}\n`);
    expect(one.statements).toBeGreaterThan(0);
    expect(twelve.statements).toBe(one.statements);
    expectFlatCost(one.statements, twelve.statements, 16);
  });

  it('is an aggregate inside the caller’s region: another county is FORBIDDEN, a malformed code names the argument', async () => {
    const outside = await situation.queryAs(COUNTY_DASHBOARD, BREAKDOWN, { region: '530114', period: '2026-10' });
    expect(outside.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const bad = await situation.queryAs(COUNTY_STAFF, BREAKDOWN, { region: '53011', period: '2026-10' });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'region' });
    const period = await situation.queryAs(COUNTY_STAFF, BREAKDOWN, { period: '2026-13' });
    expect(period.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'period' });
  });
});
