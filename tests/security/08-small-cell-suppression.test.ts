import { todayInChina, type Identity } from '@jiuye/common';
import { DEMO_COUNTY, startTestPlatform, type TestPlatform } from '@jiuye/testing/platform';
import { recoverable, singleUnknownEquations, type SumEquation } from '@jiuye/testing/disclosure';

/**
 * Hole 8 (issue 11): small cells published to dashboards, and suppressed cells recovered by
 * differencing (county − townships, total − categories, year − quarters) or bounded by a
 * ranking. The attacker here is a dashboard of the demo county going through the gateway: it
 * fetches every figure it can for the county, each township and each village, every period of
 * the year, then solves every sum it can form. Defended by one policy (common/src/suppression.ts)
 * deciding the pattern over the whole hierarchy, breakdowns and calendar at once.
 */
jest.setTimeout(600_000);

const THRESHOLD = 5;
const dashboard: Identity = { subject: 'screen-8', department: 'dashboard', role: 'viewer', region: DEMO_COUNTY, permissions: [] };
const elsewhere: Identity = { subject: 'screen-44', department: 'dashboard', role: 'viewer', region: '44', permissions: [] };

let platform: TestPlatform;
let townships: string[];
let villages: string[];
let regions: string[];
const parentOf = (code: string) => (code.length === 12 ? code.slice(0, 9) : code.length === 9 ? code.slice(0, 6) : null);

async function ask(who: Identity, query: string, variables?: Record<string, unknown>) {
  return platform.queryAs(who, query, variables, null);
}

/** Everything the attacker learnt: cell → value (null: suppressed). A cell seen twice must agree. */
class Cells {
  readonly map = new Map<string, number | null>();
  set(key: string, value: number | null | undefined): void {
    if (value === undefined) return;
    const known = this.map.get(key);
    if (known != null && value != null) expect([key, value]).toEqual([key, known]);
    if (known == null) this.map.set(key, value);
  }
}

/** county = Σ townships, township = Σ villages, for one cell name pattern. */
function regionEquations(cell: (region: string) => string): SumEquation[] {
  const children = new Map<string, string[]>();
  for (const code of [...townships, ...villages]) {
    const parent = parentOf(code)!;
    children.set(parent, [...(children.get(parent) ?? []), code]);
  }
  return [...children].map(([parent, parts]) => ({ total: cell(parent), parts: parts.map(cell) }));
}

function expectNothingRecoverable(cells: Cells, equations: SumEquation[], families: (key: string) => string) {
  expect(singleUnknownEquations(cells.map, equations)).toEqual([]);
  // Gaussian elimination per family of cells (no equation crosses families).
  const byFamily = new Map<string, SumEquation[]>();
  for (const e of equations) {
    const family = families(e.total);
    byFamily.set(family, [...(byFamily.get(family) ?? []), e]);
  }
  for (const [family, list] of byFamily) expect([family, [...recoverable(cells.map, list)]]).toEqual([family, []]);
}

function expectNoSmallCell(cells: Cells, skip: (key: string) => boolean = () => false) {
  const small = [...cells.map].filter(([key, value]) => !skip(key) && value !== null && value > 0 && value < THRESHOLD);
  expect(small).toEqual([]);
}

beforeAll(async () => {
  platform = await startTestPlatform(400);
  const rows = await platform.subgraphs.situation.sql<{ code: string }>(`select code from division where code like ? order by code`, [`${DEMO_COUNTY}%`]);
  townships = rows.map((r) => r.code).filter((c) => c.length === 9);
  villages = rows.map((r) => r.code).filter((c) => c.length === 12);
  regions = [DEMO_COUNTY, ...townships, ...villages];
  expect(townships.length).toBeGreaterThan(1);
});
afterAll(async () => platform?.stop());

const INDICATOR_FIELDS = `fragment F on Indicators {
  period { asOf }
  labourForce { value } employed { value } employmentRate { numerator denominator }
  transferByPlace { place people { value } }
  newTransfers { value } welfarePostsDeveloped { value } welfarePostsFilled { value }
  training { participants { value } completions { value } mediumTermCompleted { value } employedWithin3Months { value } employedWithin3MonthsRate { numerator denominator } }
  subsidies { totalAmount { value } totalPeople { value } byKind { kind amount { value } people { value } } }
  retention { numerator denominator } verifiedShare { numerator denominator } jobFairIntentionRate { numerator denominator }
}`;

const YEAR = '2026';
const QUARTERS = [1, 2, 3, 4].map((q) => `${YEAR}-Q${q}`);
const MONTHS = Array.from({ length: 12 }, (_, i) => `${YEAR}-${String(i + 1).padStart(2, '0')}`);
const PERIODS = [YEAR, ...QUARTERS, ...MONTHS];
/** The running month (China time): stocks are today's. */
const MONTH_NOW = todayInChina().slice(0, 7);
const FLOWS = ['newTransfers', 'participants', 'completions', 'mediumCompleted', 'mediumEmployed', 'reached'];

describe('hole 8 — small-cell suppression: every dashboard aggregate through one policy, decided over the whole hierarchy', () => {
  it('indicators: no cell of 1…threshold−1, and no sum over regions, places, subsidy kinds or the calendar recovers a suppressed one', async () => {
    const cells = new Cells();
    const kinds = new Set<string>();
    for (const period of PERIODS) {
      for (let i = 0; i < regions.length; i += 20) {
        const batch = regions.slice(i, i + 20);
        const query = `${INDICATOR_FIELDS}\n{ ${batch.map((r, j) => `r${j}: indicators(region: "${r}", period: "${period}") { ...F }`).join('\n')} }`;
        const response = await ask(dashboard, query);
        expect(response.errors).toBeUndefined();
        batch.forEach((region, j) => {
          const x = response.data[`r${j}`];
          const month = x.period.asOf.slice(0, 7);
          const at = (name: string) => `${name}|${region}|${period}`;
          // Stock figures are the same whatever the period: one cell each.
          cells.set(`labourForce|${region}`, x.labourForce.value);
          cells.set(`labourForce|${region}`, x.employmentRate.denominator);
          cells.set(`employed|${region}`, x.employed.value);
          cells.set(`employed|${region}`, x.employmentRate.numerator);
          for (const p of x.transferByPlace) cells.set(`place:${p.place}|${region}`, p.people.value);
          cells.set(`welfareDeveloped|${region}`, x.welfarePostsDeveloped.value);
          cells.set(`seeking|${region}`, x.jobFairIntentionRate.denominator);
          cells.set(`registry|${region}`, x.verifiedShare.denominator);
          cells.set(`verified|${region}|${month}`, x.verifiedShare.numerator);
          cells.set(`welfareFilled|${region}|${x.period.asOf}`, x.welfarePostsFilled.value);
          cells.set(`retained|${region}|${x.period.asOf}`, x.retention.numerator);
          cells.set(`retentionBase|${region}|${x.period.asOf}`, x.retention.denominator);
          cells.set(at('newTransfers'), x.newTransfers.value);
          cells.set(at('reached'), x.jobFairIntentionRate.numerator);
          cells.set(at('participants'), x.training.participants.value);
          cells.set(at('completions'), x.training.completions.value);
          cells.set(at('mediumCompleted'), x.training.mediumTermCompleted.value);
          cells.set(at('mediumCompleted'), x.training.employedWithin3MonthsRate.denominator);
          cells.set(at('mediumEmployed'), x.training.employedWithin3Months.value);
          cells.set(at('mediumEmployed'), x.training.employedWithin3MonthsRate.numerator);
          cells.set(at('subsidyPeople:*'), x.subsidies.totalPeople.value);
          cells.set(at('subsidyAmount:*'), x.subsidies.totalAmount.value);
          for (const k of x.subsidies.byKind) {
            kinds.add(k.kind);
            cells.set(at(`subsidyPeople:${k.kind}`), k.people.value);
            cells.set(at(`subsidyAmount:${k.kind}`), k.amount.value);
          }
        });
      }
    }
    expectNoSmallCell(cells, (key) => key.startsWith('subsidyAmount'));
    // Something is suppressed at all (a test that withholds nothing proves nothing).
    expect([...cells.map.values()].filter((v) => v === null).length).toBeGreaterThan(10);

    const equations: SumEquation[] = [];
    const places = ['IN_TOWNSHIP', 'IN_COUNTY', 'OUT_OF_COUNTY_IN_PROVINCE', 'OUT_OF_PROVINCE', 'null'];
    for (const name of ['labourForce', 'employed', 'welfareDeveloped', 'seeking', 'registry', ...places.map((p) => `place:${p}`)])
      equations.push(...regionEquations((r) => `${name}|${r}`));
    for (const region of regions) equations.push({ total: `employed|${region}`, parts: places.map((p) => `place:${p}|${region}`) });
    const flows = [...FLOWS, ...['*', ...kinds].flatMap((k) => [`subsidyPeople:${k}`, `subsidyAmount:${k}`])];
    for (const period of PERIODS) for (const name of flows) equations.push(...regionEquations((r) => `${name}|${r}|${period}`));
    for (const region of regions) {
      for (const name of flows) {
        equations.push({ total: `${name}|${region}|${YEAR}`, parts: QUARTERS.map((q) => `${name}|${region}|${q}`) });
        QUARTERS.forEach((q, i) => equations.push({ total: `${name}|${region}|${q}`, parts: MONTHS.slice(3 * i, 3 * i + 3).map((m) => `${name}|${region}|${m}`) }));
      }
      for (const period of PERIODS) {
        for (const what of ['subsidyPeople', 'subsidyAmount'])
          equations.push({ total: `${what}:*|${region}|${period}`, parts: [...kinds].map((k) => `${what}:${k}|${region}|${period}`) });
      }
    }
    for (const key of cells.map.keys()) {
      const [name, , when] = key.split('|');
      if (['verified', 'welfareFilled', 'retained', 'retentionBase'].includes(name)) {
        // As-of figures: region sums for each day or month seen.
        if (key.split('|')[1] === DEMO_COUNTY) equations.push(...regionEquations((r) => `${name}|${r}|${when}`));
      }
    }
    const family = (key: string) => {
      const name = key.split('|')[0];
      if (name.startsWith('subsidyPeople')) return 'subsidyPeople';
      if (name.startsWith('subsidyAmount')) return 'subsidyAmount';
      if (name === 'employed' || name.startsWith('place:')) return 'employed';
      return name;
    };
    expectNothingRecoverable(cells, equations, family);
  });

  it('verificationCoverage: the same pattern as the indicators, no small cell, and its order says nothing of a suppressed village', async () => {
    const cells = new Cells();
    for (const region of [DEMO_COUNTY, ...townships]) {
      const response = await ask(
        dashboard,
        `query($r: String, $m: String) { verificationCoverage(region: $r, month: $m) { total { registryWorkers { value } verified { value } } villages { villageCode registryWorkers { value } verified { value } share { value suppressed } } } }`,
        { r: region, m: MONTH_NOW },
      );
      expect(response.errors).toBeUndefined();
      const c = response.data.verificationCoverage;
      cells.set(`registry|${region}`, c.total.registryWorkers.value);
      cells.set(`verified|${region}`, c.total.verified.value);
      for (const v of c.villages) {
        cells.set(`registry|${v.villageCode}`, v.registryWorkers.value);
        cells.set(`verified|${v.villageCode}`, v.verified.value);
      }
      // Worst first over published shares; the suppressed come last in village-code order.
      const withheld = c.villages.filter((v: { share: { suppressed: boolean } }) => v.share.suppressed).map((v: { villageCode: string }) => v.villageCode);
      expect(c.villages.slice(c.villages.length - withheld.length).map((v: { villageCode: string }) => v.villageCode)).toEqual([...withheld].sort());
    }
    // Same cells as the indicators of the month (verifiedShare): asked there, they must agree. (The running month:
    // the demo county's history begins with the test, so a past month's registry is not known — null.)
    const indicators = await ask(dashboard, `{ indicators(region: "${DEMO_COUNTY}", period: "${MONTH_NOW}") { verifiedShare { numerator denominator } } }`);
    cells.set(`verified|${DEMO_COUNTY}`, indicators.data.indicators.verifiedShare.numerator);
    cells.set(`registry|${DEMO_COUNTY}`, indicators.data.indicators.verifiedShare.denominator);
    expectNoSmallCell(cells);
    expect([...cells.map.values()].filter((v) => v === null).length).toBeGreaterThan(0);
    const equations = [...regionEquations((r) => `registry|${r}`), ...regionEquations((r) => `verified|${r}`)];
    expectNothingRecoverable(cells, equations, (key) => key.split('|')[0]);
  });

  it('povertyStatusCounts: no small cell and no county − townships − villages recovery', async () => {
    const cells = new Cells();
    const statuses = new Set<string>();
    for (let i = 0; i < regions.length; i += 20) {
      const batch = regions.slice(i, i + 20);
      const response = await ask(dashboard, `{ ${batch.map((r, j) => `r${j}: povertyStatusCounts(divisionCode: "${r}") { status households members suppressed }`).join('\n')} }`);
      expect(response.errors).toBeUndefined();
      batch.forEach((region, j) => {
        for (const row of response.data[`r${j}`]) {
          statuses.add(row.status);
          cells.set(`households:${row.status}|${region}`, row.households);
          cells.set(`members:${row.status}|${region}`, row.members);
          expect(row.suppressed).toBe(row.households === null || row.members === null);
        }
      });
    }
    expectNoSmallCell(cells);
    expect([...cells.map.values()].filter((v) => v === null).length).toBeGreaterThan(0);
    const equations = [...statuses].flatMap((s) => [...regionEquations((r) => `households:${s}|${r}`), ...regionEquations((r) => `members:${s}|${r}`)]);
    expectNothingRecoverable(cells, equations, (key) => key.split('|')[0]);
  });

  it('trainingOutcomes: no small cell, no recovery across regions and course kinds, and no narrower slice for dashboards', async () => {
    const kinds: string[] = (await ask(dashboard, `{ __type(name: "CourseKind") { enumValues { name } } }`)).data.__type.enumValues.map((v: { name: string }) => v.name);
    const cells = new Cells();
    const measures = ['participants', 'completions', 'employedWithinThreeMonths', 'awaitingOutcome'];
    for (const region of [DEMO_COUNTY, ...townships]) {
      const response = await ask(
        dashboard,
        `{ ${['all', ...kinds].map((k) => `${k}: trainingOutcomes(divisionCode: "${region}"${k === 'all' ? '' : `, courseKind: ${k}`}) { ${measures.join(' ')} employmentRate suppressed }`).join('\n')} }`,
      );
      expect(response.errors).toBeUndefined();
      for (const k of ['all', ...kinds]) {
        const x = response.data[k];
        for (const m of measures) cells.set(`${m}:${k}|${region}`, x[m]);
        if (x.employmentRate !== null) expect(x.employedWithinThreeMonths !== null && x.completions !== null && x.awaitingOutcome !== null).toBe(true);
      }
    }
    expectNoSmallCell(cells);
    const equations: SumEquation[] = [];
    for (const m of measures) {
      for (const k of ['all', ...kinds]) equations.push(...regionEquations((r) => `${m}:${k}|${r}`).filter((e) => e.total === `${m}:${k}|${DEMO_COUNTY}`));
      for (const region of [DEMO_COUNTY, ...townships]) equations.push({ total: `${m}:all|${region}`, parts: kinds.map((k) => `${m}:${k}|${region}`) });
    }
    expectNothingRecoverable(cells, equations, (key) => key.split(':')[0]);
    for (const args of ['institutionId: "1"', 'from: "2026-01-01"', 'to: "2026-06-30"']) {
      const refused = await ask(dashboard, `{ trainingOutcomes(${args}) { participants } }`);
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'suppression-slice' });
    }
  });

  it('contactOutcomeCounts: only the dashboard’s region, no small cell, shares only over published figures', async () => {
    const response = await ask(dashboard, `{ contactOutcomeCounts { outcome attempts workers share suppressed } }`);
    expect(response.errors).toBeUndefined();
    const rows = response.data.contactOutcomeCounts;
    for (const row of rows) {
      for (const v of [row.attempts, row.workers]) expect(v === null || v === 0 || v >= THRESHOLD).toBe(true);
      if (row.share !== null) expect(row.workers).not.toBeNull();
    }
    // The workers of the outcomes add up to what the shares divide by: one unknown never stands alone.
    const hidden = rows.filter((r: { workers: number | null }) => r.workers === null).length;
    const shares = rows.some((r: { share: number | null }) => r.share !== null);
    if (shares) expect(hidden).not.toBe(1);
    for (const args of ['cityCode: "4403"', 'from: "2026-01-01"']) {
      expect((await ask(dashboard, `{ contactOutcomeCounts(${args}) { attempts } }`)).errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'suppression-slice' });
    }
  });

  it('partner cities’ retention and relocation sites: only the dashboard’s region, no small cell', async () => {
    const response = await ask(
      dashboard,
      `{ partnerCities { code retention { transferred visited stillEmployed rate suppressed } } relocationSites(divisionCode: "${DEMO_COUNTY}", first: 100) { nodes { relocatedHouseholds } } }`,
    );
    expect(response.errors).toBeUndefined();
    for (const city of response.data.partnerCities) {
      const r = city.retention;
      for (const v of [r.transferred, r.visited, r.stillEmployed]) expect(v === null || v === 0 || v >= THRESHOLD).toBe(true);
      if (r.rate !== null) expect(r.transferred !== null && r.stillEmployed !== null).toBe(true);
    }
    for (const site of response.data.relocationSites.nodes)
      expect(site.relocatedHouseholds === null || site.relocatedHouseholds === 0 || site.relocatedHouseholds >= THRESHOLD).toBe(true);
    const other = await ask(elsewhere, `{ partnerCities { retention { transferred visited stillEmployed } } }`);
    for (const city of other.data.partnerCities) expect(city.retention).toEqual({ transferred: 0, visited: 0, stillEmployed: 0 });
  });

  it('villageRanking: ranks and red/black lists over published counts only; a suppressed village’s place says nothing of its count', async () => {
    let withheldSeen = 0;
    // Half a year of weeks, so that some hold villages with 1…4 new transfers.
    const weeks = Array.from({ length: 26 }, (_, i) => new Date(Date.UTC(2026, 11, 4) - i * 7 * 86_400_000).toISOString().slice(0, 10));
    for (const week of weeks) {
      const response = await ask(
        dashboard,
        `query($w: LocalDate) { villageRanking(county: "${DEMO_COUNTY}", week: $w) { red { villageCode } black { villageCode } all { villageCode newTransfers previousWeek rank suppressed } } }`,
        { w: week },
      );
      expect(response.errors).toBeUndefined();
      const r = response.data.villageRanking;
      const all: { villageCode: string; newTransfers: number | null; previousWeek: number | null; rank: number | null }[] = r.all;
      for (const v of all) for (const n of [v.newTransfers, v.previousWeek]) expect(n === null || n === 0 || n >= THRESHOLD).toBe(true);
      const withheld = all.filter((v) => v.newTransfers === null);
      const published = all.filter((v) => v.newTransfers !== null);
      for (const v of withheld) expect(v.rank).toBeNull();
      for (const v of published) expect(v.rank).toBe(1 + published.filter((o) => o.newTransfers! > v.newTransfers!).length);
      expect(all.slice(published.length).map((v) => v.villageCode)).toEqual(withheld.map((v) => v.villageCode).sort());
      const hiddenCodes = new Set(withheld.map((v) => v.villageCode));
      for (const v of [...r.red, ...r.black]) expect(hiddenCodes.has(v.villageCode)).toBe(false);
      withheldSeen += withheld.length;
    }
    expect(withheldSeen).toBeGreaterThan(0);
  });

  it('a dashboard of region 44 gets FORBIDDEN or nothing of 530113 from every aggregate', async () => {
    const forbidden = [
      `{ indicators(region: "${DEMO_COUNTY}", period: "2026-11") { labourForce { value } } }`,
      `{ villageRanking(county: "${DEMO_COUNTY}") { all { villageCode } } }`,
      `{ verificationCoverage(region: "${DEMO_COUNTY}") { total { registryWorkers { value } } } }`,
      `{ povertyStatusCounts(divisionCode: "${DEMO_COUNTY}") { households } }`,
      `{ trainingOutcomes(divisionCode: "${DEMO_COUNTY}") { participants } }`,
    ];
    for (const query of forbidden) expect((await ask(elsewhere, query)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // Its own region holds none of the demo county's people (today's stocks: a past month before the history would be null, not 0).
    const own = await ask(
      elsewhere,
      `{ indicators(period: "${todayInChina().slice(0, 7)}") { labourForce { value } } povertyStatusCounts(divisionCode: "44") { households } trainingOutcomes { participants } contactOutcomeCounts { attempts workers } }`,
    );
    expect(own.errors).toBeUndefined();
    expect(own.data.indicators.labourForce.value).toBe(0);
    expect(own.data.povertyStatusCounts.every((r: { households: number }) => r.households === 0)).toBe(true);
    expect(own.data.trainingOutcomes.participants).toBe(0);
    expect(own.data.contactOutcomeCounts.every((r: { attempts: number; workers: number }) => r.attempts === 0 && r.workers === 0)).toBe(true);
  });
});
