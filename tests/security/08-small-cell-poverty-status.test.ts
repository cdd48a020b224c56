import { addDays } from '@jiuye/common';
import { recoverable, singleUnknownEquations, type SumEquation } from '@jiuye/testing/disclosure';
import { backdateHistory, COUNTY_DASHBOARD, insertPeople, insertRows, personRow, startSituationAlone, TEST_COUNTY, type SituationAlone } from '@jiuye/testing/situation';

/**
 * Hole 8 (issue 15): the split by poverty status. A dashboard reads labour force, employed and new
 * transfers per poverty group, beside their totals (and employed by place), for the county, each
 * township and each village, every period of the year; groups add up to the total, places add up
 * to employed, children to their parent, months to quarters to the year. The attacker solves every
 * sum it can form: no suppressed cell may follow, and no cell of 1 … threshold − 1 is published.
 */
jest.setTimeout(300_000);

const TOWNSHIPS = ['530113101', '530113102'];
const VILLAGES = TOWNSHIPS.flatMap((t) => [`${t}201`, `${t}202`, `${t}203`]);
const GROUPS = ['NOT_LIFTED', 'LIFTED', 'MONITORED', 'OTHER'];
const PLACES = ['IN_TOWNSHIP', 'IN_COUNTY', 'OUT_OF_COUNTY_IN_PROVINCE', 'OUT_OF_PROVINCE', null];
const MONTHS = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);
const QUARTERS = [1, 2, 3, 4].map((q) => `2026-Q${q}`);
const PERIODS = ['2026', ...QUARTERS, ...MONTHS, '2026-W40'];
const REGIONS = [TEST_COUNTY, ...TOWNSHIPS, ...VILLAGES];
const TOTAL = '*';

const QUERY = `query ($region: String, $period: String!) {
  indicators(region: $region, period: $period) {
    threshold
    labourForce { value } employed { value } newTransfers { value } zeroEmploymentHouseholds { value }
    transferByPlace { place people { value } }
    byPovertyStatus { status labourForce { value } employed { value } newTransfers { value } }
  }
}`;

/** mulberry32: the same data every run. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('hole 8 — the split by poverty status is one disclosure group with its totals', () => {
  let situation: SituationAlone;

  beforeAll(async () => {
    situation = await startSituationAlone({ suppressionThreshold: 5 });
    await insertRows(situation.db, 'division', [
      { code: TEST_COUNTY, name: '东川区', level: 'COUNTY', parent_code: '5301' },
      ...TOWNSHIPS.map((code, i) => ({ code, name: `镇${i + 1}`, level: 'TOWNSHIP', parent_code: TEST_COUNTY })),
      ...VILLAGES.map((code, i) => ({ code, name: `村${i + 1}`, level: 'VILLAGE', parent_code: code.slice(0, 9) })),
    ]);
    const next = random(20261206);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
    // Small villages with lopsided groups: many cells of 1 … 4.
    const people = Array.from({ length: 150 }, () => {
      const status = pick(['EMPLOYED', 'EMPLOYED', 'UNEMPLOYED', 'NOT_SEEKING']);
      return personRow({
        village_code: pick(VILLAGES),
        employment_status: status,
        employment_place: status === 'EMPLOYED' ? pick(PLACES) : null,
        poverty_status: pick([null, null, null, 'NOT_LIFTED', 'LIFTED', 'LIFTED', 'LIFTED_UNSTABLE', 'MARGINAL', 'SUDDEN_HARDSHIP']),
      });
    });
    await insertPeople(situation.db, people);
    // The registry has stood so since 2025: every period of 2026 takes its stocks from the history, the same cells.
    await backdateHistory(situation.db, '2025-01-01');
    await insertRows(
      situation.db,
      'transfer_spell',
      Array.from({ length: 140 }, (_, i) => {
        const p = pick(people);
        return { id: i + 1, worker_id: p.worker_id, village_code: p.village_code, city_code: '4401', started_on: addDays('2026-01-01', Math.floor(next() * 330)), ended_on: null };
      }),
    );
  });
  afterAll(async () => situation?.stop());

  it('no published cell of 1…4, and no sum over regions, groups, places or the calendar recovers a suppressed one', async () => {
    const cells = new Map<string, number | null>();
    const set = (key: string, value: number | null) => {
      const known = cells.get(key);
      if (known !== undefined) expect([key, value]).toEqual([key, known]); // the same cell in two answers agrees
      cells.set(key, value);
    };
    for (const region of REGIONS) {
      for (const period of PERIODS) {
        const res = await situation.queryAs(COUNTY_DASHBOARD, QUERY, { region, period });
        expect(res.errors).toBeUndefined();
        const x = res.data.indicators;
        set(`lf|${region}|${TOTAL}`, x.labourForce.value);
        set(`emp|${region}|${TOTAL}`, x.employed.value);
        set(`zero|${region}`, x.zeroEmploymentHouseholds.value);
        set(`nt|${region}|${TOTAL}|${period}`, x.newTransfers.value);
        for (const p of x.transferByPlace) set(`emp|${region}|${p.place ?? 'NONE'}`, p.people.value);
        expect(x.byPovertyStatus.map((g: { status: string }) => g.status)).toEqual(GROUPS);
        for (const g of x.byPovertyStatus) {
          set(`lf|${region}|${g.status}`, g.labourForce.value);
          set(`emp|${region}|${g.status}`, g.employed.value);
          set(`nt|${region}|${g.status}|${period}`, g.newTransfers.value);
        }
      }
    }
    for (const [key, value] of cells) if (value !== null) expect([key, value > 0 && value < 5]).toEqual([key, false]);
    const suppressed = [...cells].filter(([, v]) => v === null).map(([k]) => k);
    // The data must exercise the policy: suppressed group cells at every level of the split.
    expect(suppressed.filter((k) => k.startsWith('lf|')).length).toBeGreaterThan(3);
    expect(suppressed.filter((k) => k.startsWith('nt|') && !k.includes(`|${TOTAL}|`)).length).toBeGreaterThan(20);

    const equations: SumEquation[] = [];
    const children = (code: string) => (code === TEST_COUNTY ? TOWNSHIPS : code.length === 9 ? VILLAGES.filter((v) => v.startsWith(code)) : []);
    const byRegion = (cell: (region: string) => string) => {
      for (const parent of [TEST_COUNTY, ...TOWNSHIPS]) equations.push({ total: cell(parent), parts: children(parent).map(cell) });
    };
    const places = PLACES.map((p) => p ?? 'NONE');
    for (const part of [TOTAL, ...GROUPS]) byRegion((r) => `lf|${r}|${part}`);
    for (const part of [TOTAL, ...GROUPS, ...places]) byRegion((r) => `emp|${r}|${part}`);
    byRegion((r) => `zero|${r}`);
    for (const period of PERIODS) for (const part of [TOTAL, ...GROUPS]) byRegion((r) => `nt|${r}|${part}|${period}`);
    for (const region of REGIONS) {
      equations.push({ total: `lf|${region}|${TOTAL}`, parts: GROUPS.map((g) => `lf|${region}|${g}`) });
      equations.push({ total: `emp|${region}|${TOTAL}`, parts: GROUPS.map((g) => `emp|${region}|${g}`) });
      equations.push({ total: `emp|${region}|${TOTAL}`, parts: places.map((p) => `emp|${region}|${p}`) });
      for (const period of PERIODS) equations.push({ total: `nt|${region}|${TOTAL}|${period}`, parts: GROUPS.map((g) => `nt|${region}|${g}|${period}`) });
      for (const part of [TOTAL, ...GROUPS]) {
        const nt = (period: string) => `nt|${region}|${part}|${period}`;
        equations.push({ total: nt('2026'), parts: QUARTERS.map(nt) });
        QUARTERS.forEach((q, i) => equations.push({ total: nt(q), parts: MONTHS.slice(i * 3, i * 3 + 3).map(nt) }));
      }
    }
    expect(singleUnknownEquations(cells, equations)).toEqual([]);
    // Gaussian elimination over every equation at once (the families share no cell, so this is the strongest attack).
    expect([...recoverable(cells, equations)]).toEqual([]);
  });
});
