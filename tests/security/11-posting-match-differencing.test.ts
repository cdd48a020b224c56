import { addDays, todayInChina, TradeVocabulary, type Identity } from '@jiuye/common';
import { recoverable, singleUnknownEquations, type SumEquation } from '@jiuye/testing/disclosure';
import { DEMO_COUNTY, startTestPlatform, type TestPlatform } from '@jiuye/testing/platform';

/**
 * Hole 11: 人岗匹配 (PartnerJobPosting.willingWorkers) differenced across postings. A partner city
 * chooses its postings' requiredTrade, so two postings of its own — one without a trade, one
 * asking for trade T — give per township x the willing workers W(x) and those certified in T,
 * W_T(x); both may be published while W(x) − W_T(x) (willing, not certified in T) is 1 …
 * threshold−1. The attacker here pushes a posting for no trade and one for every trade, asks
 * each as the city, as the county office, as a township's staff and as a village assistant (one
 * account each, merged: a cell seen twice must agree), and solves every sum that holds by
 * construction: a region is the sum of its townships, a township of its villages (per column),
 * and per region '*' = T + '!T' and '*' = NONE + '!NONE' (the complements are never shown).
 * Defended by one suppression pattern over townships × {all, each trade, its complement, no
 * certificate, its complement}, from which every posting publishes its own column. Referrals
 * likewise: one pattern over the posting's referrals by township, whichever region asks.
 */
jest.setTimeout(600_000);

const THRESHOLD = 5;
const SHENZHEN = '4403';
const TRADE = 'WELDER';
const TRADES = TradeVocabulary.values as readonly string[];
const TODAY = todayInChina();

let platform: TestPlatform;
let township: string;
let townships: string[];

const shenzhen: Identity = { subject: 'partner-4403-attacker', department: 'partner', role: 'officer', partnerCity: SHENZHEN, permissions: [] };
const countyOffice: Identity = { subject: 'partner-county-11', department: 'partner', role: 'officer', region: DEMO_COUNTY, permissions: [] };

const CREATE = `mutation($input: CreatePartnerJobPostingInput!) { createPartnerJobPosting(input: $input) { id requiredTrade } }`;
const MATCHES = `query($id: ID!) {
  partnerJobPosting(id: $id) { id requiredTrade willingWorkers { total suppressed byTownship { code workers } byTrade { trade workers } referrals { outcome referrals } } }
}`;

/** Waits until the read model has applied every change the departments made. */
async function readModelCaughtUp(): Promise<void> {
  for (let i = 0; i < 300; i++) {
    let pending = 0;
    for (const name of ['hr', 'poverty', 'civil', 'training', 'partner'] as const) {
      pending += (await platform.subgraphs[name].sql<{ n: number }>('select count(*)::int as n from outbox'))[0].n;
    }
    if (pending === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the read model did not catch up');
}

/** Who fits a posting of Shenzhen (another province than the demo county), restated over the read model: township → count. */
async function willingByTownship(trade: string | null): Promise<Map<string, number>> {
  const rows = await platform.subgraphs.situation.sql<{ township: string; n: number }>(
    `select left(village_code, 9) as township, count(*)::int as n from person_situation
      where able_labourer and employment_intention = 'OUT_OF_PROVINCE'
        and not (employment_status = 'EMPLOYED' and employment_place in ('OUT_OF_PROVINCE', 'OUT_OF_COUNTY_IN_PROVINCE'))
        and not (transfer_id is not null and transfer_ended_on is null)
        and care_reasons = '{}' and disability_grade is null
        and (?::text is null or ?::text = any(certified_trades))
      group by 1`,
    [trade, trade],
  );
  return new Map(rows.map((r) => [r.township, r.n]));
}

beforeAll(async () => {
  platform = await startTestPlatform(300);
  townships = (
    await platform.subgraphs.situation.sql<{ code: string }>(`select code from division where level = 'TOWNSHIP' and code like ? order by code`, [`${DEMO_COUNTY}%`])
  ).map((r) => r.code);
  // The arrangement: nobody of the county wants to work out of the province, except seven
  // workers of one township, five of them welders (a certificate each) and two not.
  const candidates = await platform.subgraphs.situation.sql<{ worker_id: string; township: string }>(
    `select worker_id, left(village_code, 9) as township from person_situation
      where able_labourer and care_reasons = '{}' and disability_grade is null and transfer_id is null
        and not (employment_status = 'EMPLOYED' and employment_place in ('OUT_OF_PROVINCE', 'OUT_OF_COUNTY_IN_PROVINCE'))
        and village_code like ? order by worker_id`,
    [`${DEMO_COUNTY}%`],
  );
  const perTownship = new Map<string, string[]>();
  for (const c of candidates) perTownship.set(c.township, [...(perTownship.get(c.township) ?? []), c.worker_id]);
  [township] = [...perTownship].sort((a, b) => b[1].length - a[1].length)[0];
  const chosen = perTownship.get(township)!.slice(0, 7);
  expect(chosen).toHaveLength(7);
  await platform.subgraphs.hr.sql(`update worker set employment_intention = 'LOCAL' where employment_intention = 'OUT_OF_PROVINCE'`);
  await platform.subgraphs.hr.sql(`update worker set employment_intention = 'OUT_OF_PROVINCE' where id = any(?::text[])`, [`{${chosen.join(',')}}`]);
  await platform.subgraphs.training.sql(`delete from certificate where trade = ? and worker_id = any(?::text[])`, [TRADE, `{${chosen.join(',')}}`]);
  const people = await platform.subgraphs.hr.sql<{ id: string; id_number: string }>(`select id, id_number from worker where id = any(?::text[]) order by id`, [
    `{${chosen.slice(0, 5).join(',')}}`,
  ]);
  for (const [i, person] of people.entries()) {
    await platform.subgraphs.training.sql(`insert into certificate (worker_id, id_number, trade, grade, number, issued_on) values (?, ?, ?, 4, ?, '2025-06-01')`, [
      person.id,
      person.id_number,
      TRADE,
      `HOLE11-${i}`,
    ]);
  }
  await readModelCaughtUp();
  // The arrangement holds in the read model: W(x) = 7, W_T(x) = 5, nobody elsewhere.
  expect([...(await willingByTownship(null))]).toEqual([[township, 7]]);
  expect([...(await willingByTownship(TRADE))]).toEqual([[township, 5]]);
});
afterAll(async () => platform?.stop());

/** Everything the attacker learnt: cell → value (null: withheld or never shown). A cell seen twice must agree. */
class Cells {
  readonly map = new Map<string, number | null>();
  set(key: string, value: number | null | undefined): void {
    if (value === undefined) return;
    const known = this.map.get(key);
    if (known != null && value != null) expect([key, value]).toEqual([key, known]);
    if (known == null) this.map.set(key, value);
  }
  unknown(key: string): void {
    if (!this.map.has(key)) this.map.set(key, null);
  }
}

type Matches = {
  total: number | null;
  suppressed: boolean;
  byTownship: { code: string; workers: number | null }[];
  byTrade: { trade: string | null; workers: number | null }[];
  referrals: { outcome: string; referrals: number | null }[];
};

describe('hole 11 — 人岗匹配 differenced across postings of one city', () => {
  it('no posting, trade or region answer lets the city (or the county, or a township) derive a small cell', async () => {
    const postings: { id: string; trade: string | null }[] = [];
    for (const trade of [null, ...TRADES]) {
      const created = await platform.queryAs(
        shenzhen,
        CREATE,
        {
          input: {
            employerName: '深圳市差分测试有限公司',
            title: trade ? `持证岗位 ${trade}` : '普工（低门槛）',
            monthlyWage: 6000,
            headcount: 10,
            requiredTrade: trade,
            pushedOn: TODAY,
            validUntil: addDays(TODAY, 30),
          },
        },
        'follow-up',
      );
      expect(created.errors).toBeUndefined();
      postings.push({ id: created.data.createPartnerJobPosting.id, trade });
    }

    const townshipStaff: Identity = { subject: 'partner-township-11', department: 'partner', role: 'officer', region: township, permissions: [] };
    // A village assistant of the arranged township's first village with willing workers: its own village, no township.
    const [{ village }] = await platform.subgraphs.situation.sql<{ village: string }>(
      `select min(village_code) as village from person_situation where village_code like ? and employment_intention = 'OUT_OF_PROVINCE'`,
      [`${township}%`],
    );
    const villages = (
      await platform.subgraphs.situation.sql<{ code: string }>(`select code from division where code like ? and length(code) = 12 order by code`, [`${township}%`])
    ).map((r) => r.code);
    const assistant: Identity = { subject: 'hr-village-11', department: 'hr', role: 'village_assistant', region: village, permissions: [] };
    const askers: [Identity, string][] = [
      [shenzhen, 'all'],
      [countyOffice, DEMO_COUNTY],
      [townshipStaff, township],
      [assistant, village],
    ];
    const cells = new Cells();
    let withheld = 0;
    for (const [who, node] of askers) {
      for (const posting of postings) {
        const response = await platform.queryAs(who, MATCHES, { id: posting.id }, 'follow-up');
        expect(response.errors).toBeUndefined();
        const m: Matches = response.data.partnerJobPosting.willingWorkers;
        if (who === assistant) expect(m.byTownship).toEqual([]);
        const column = posting.trade ?? '*';
        cells.set(`${column}|${node}`, m.total);
        for (const t of m.byTownship) cells.set(`${column}|${t.code}`, t.workers);
        for (const t of m.byTrade) {
          const category = t.trade ?? 'NONE';
          // A trade posting's breakdown: its own trade is its total; another is a co-certification (T∧U).
          const key = posting.trade === null || posting.trade === t.trade ? `${category}|${node}` : `${posting.trade}&${category}|${node}`;
          cells.set(key, t.workers);
        }
        for (const r of m.referrals) cells.set(`referrals:${posting.id}:${r.outcome}|${node}`, r.referrals);
        withheld += [m.total, ...m.byTownship.map((t) => t.workers), ...m.byTrade.map((t) => t.workers)].filter((v) => v === null).length;
      }
    }
    // The sums that hold by construction: a region is the sum of its townships (per column), and
    // per region the whole = those in T + those not in T (and = no certificate + any certificate).
    const columns = ['*', 'NONE', '!NONE', ...TRADES.flatMap((t) => [t, `!${t}`])];
    const nodes = ['all', DEMO_COUNTY, ...townships, ...villages];
    const equations: SumEquation[] = [];
    for (const column of columns) {
      equations.push({ total: `${column}|${township}`, parts: villages.map((v) => `${column}|${v}`) });
      equations.push({ total: `${column}|all`, parts: townships.map((t) => `${column}|${t}`) });
      equations.push({ total: `${column}|${DEMO_COUNTY}`, parts: townships.map((t) => `${column}|${t}`) });
    }
    for (const node of nodes) {
      equations.push({ total: `*|${node}`, parts: [`NONE|${node}`, `!NONE|${node}`] });
      for (const trade of TRADES) equations.push({ total: `*|${node}`, parts: [`${trade}|${node}`, `!${trade}|${node}`] });
    }
    for (const e of equations) for (const key of [e.total, ...e.parts]) cells.unknown(key);

    // No published cell is small.
    expect([...cells.map].filter(([, v]) => v !== null && v > 0 && v < THRESHOLD)).toEqual([]);
    // Something is withheld (the arranged township's welders or non-welders), else the test proves nothing.
    expect(withheld).toBeGreaterThan(0);
    // Whatever the attacker can solve for is 0 or at least the threshold: no small cell by differencing.
    const solved = recoverable(cells.map, equations);
    const small = [...solved].filter(([, v]) => Math.round(v) > 0 && Math.round(v) < THRESHOLD);
    expect(small).toEqual([]);
    // In particular the arranged cell: 7 willing, 5 welders, so 2 willing non-welders — not derivable.
    expect(solved.get(`!${TRADE}|${township}`)).toBeUndefined();
    // Equations with one unknown would be solved by anyone; those left solve only to 0 or ≥ threshold.
    for (const e of singleUnknownEquations(cells.map, equations)) {
      const unknown = [e.total, ...e.parts].find((key) => cells.map.get(key) === null)!;
      expect([unknown, solved.get(unknown)]).toEqual([unknown, expect.anything()]);
      const v = Math.round(solved.get(unknown)!);
      expect([unknown, v > 0 && v < THRESHOLD]).toEqual([unknown, false]);
    }
  });

  it('referrals: a county and its townships (each account asking its own region) cannot be subtracted to reveal a small count', async () => {
    const created = await platform.queryAs(
      shenzhen,
      CREATE,
      { input: { employerName: '深圳市推荐测试有限公司', title: '普工', monthlyWage: 5500, headcount: 10, pushedOn: TODAY, validUntil: addDays(TODAY, 30) } },
      'follow-up',
    );
    expect(created.errors).toBeUndefined();
    const id = created.data.createPartnerJobPosting.id;
    // Five referrals of workers of the arranged township, one of a worker of another: the county's 6 minus the township's 5 would be 1.
    const [other] = townships.filter((t) => t !== township);
    const referred = [
      ...(await platform.subgraphs.situation.sql<{ worker_id: string }>(`select worker_id from person_situation where village_code like ? order by worker_id limit 5`, [
        `${township}%`,
      ])),
      ...(await platform.subgraphs.situation.sql<{ worker_id: string }>(`select worker_id from person_situation where village_code like ? order by worker_id limit 1`, [
        `${other}%`,
      ])),
    ];
    expect(referred).toHaveLength(6);
    for (const { worker_id } of referred) {
      const referral = await platform.query(`mutation($input: RecordServiceInput!) { recordHrService(input: $input) { id } }`, {
        input: { workerId: worker_id, kind: 'JOB_REFERRAL', servedOn: TODAY, postingSource: 'PARTNER_PUSHED_POSTING', postingIds: [id], outcome: 'HIRED' },
      });
      expect(referral.errors).toBeUndefined();
    }
    await readModelCaughtUp();

    const askers: [Identity, string][] = [
      [shenzhen, 'all'],
      [countyOffice, DEMO_COUNTY],
      ...townships.map((t): [Identity, string] => [{ subject: `partner-township-${t}`, department: 'partner', role: 'officer', region: t, permissions: [] }, t]),
    ];
    const cells = new Cells();
    for (const [who, node] of askers) {
      const response = await platform.queryAs(who, MATCHES, { id }, 'follow-up');
      expect(response.errors).toBeUndefined();
      for (const r of (response.data.partnerJobPosting.willingWorkers as Matches).referrals) cells.set(`${r.outcome}|${node}`, r.referrals);
    }
    const outcomes = [...new Set([...cells.map.keys()].map((key) => key.split('|')[0]))];
    const equations: SumEquation[] = outcomes.flatMap((o) => [DEMO_COUNTY, 'all'].map((node) => ({ total: `${o}|${node}`, parts: townships.map((t) => `${o}|${t}`) })));
    for (const e of equations) for (const key of [e.total, ...e.parts]) cells.unknown(key);
    expect([...cells.map].filter(([, v]) => v !== null && v > 0 && v < THRESHOLD)).toEqual([]);
    expect(cells.map.get(`HIRED|${other}`)).toBeNull();
    const small = [...recoverable(cells.map, equations)].filter(([, v]) => Math.round(v) > 0 && Math.round(v) < THRESHOLD);
    expect(small).toEqual([]);
  });
});
