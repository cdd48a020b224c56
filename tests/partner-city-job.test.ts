import { addDays, makeIdNumber, todayInChina, TradeVocabulary, type Identity } from '@jiuye/common';
import { pseudonymOf } from '@jiuye/testing/harness';
import { DEMO_COUNTY, startTestPlatform, type TestPlatform } from '@jiuye/testing/platform';

/**
 * Issue 14, the partner city's whole job, through the gateway on the real stack: a worker who
 * went on their own (自发外出, no batch), a city district where a city is named, the city's
 * logged reveal of a transferred worker's phone, and its assessment figures — each with the
 * scope (another city sees nothing, and cannot tell whether anything exists) and bad input
 * naming the field.
 */
jest.setTimeout(240_000);

let platform: TestPlatform;
const TODAY = todayInChina();
const YEAR = Number(TODAY.slice(0, 4));
const SHENZHEN = '4403';
const LONGGANG = '440307';
const SUZHOU = '3205';
const PHONE = '13912345678';
/** SUPPRESSION_THRESHOLD is not set in tests: the default. */
const THRESHOLD = 5;

const shenzhen: Identity = { subject: 'partner-4403-staff', department: 'partner', role: 'officer', partnerCity: SHENZHEN, permissions: [] };
const suzhou: Identity = { subject: 'partner-3205-staff', department: 'partner', role: 'officer', partnerCity: SUZHOU, permissions: [] };
const countyOffice: Identity = { subject: 'partner-county-office', department: 'partner', role: 'officer', region: DEMO_COUNTY, permissions: [] };
const auditor: Identity = { subject: 'auditor-14', department: 'auditor', role: 'viewer', permissions: [] };

const SELF = `mutation($input: RecordSelfOrganisedTransferInput!) {
  recordSelfOrganisedTransfer(input: $input) { id confirmation selfOrganised destinationDistrict batch { id } city { code } phoneMasked worker { id } }
}`;
const REVEAL = `mutation($id: ID!) { revealPhone(workerId: $id) { workerId transferId phone } }`;
const ASSESSMENT = `query($city: String, $year: Int!) {
  partnerAssessment(cityCode: $city, year: $year) {
    cityCode year transfers selfOrganised registeredPoor suppressed
    retention { months due retained rate }
    followUp { open visited onTime rate }
    contactOutcomes { outcome attempts }
  }
}`;

/** Registered workers of the demo county that no city has a transfer of. */
let untouched: string[];

type Errors = { errors?: { message: string; extensions?: Record<string, unknown> }[] };
const firstError = (response: Errors) => response.errors?.[0];
/** An error's extensions without the request id (different in every request). */
const answerOf = (response: Errors) => {
  const { requestId: _requestId, ...rest } = firstError(response)?.extensions ?? {};
  return rest;
};
const selfInput = (idNumber: string, extra: Record<string, unknown> = {}) => ({
  input: { idNumber, phone: PHONE, employerName: '比亚迪股份有限公司', jobTitle: '装配工', startedOn: addDays(TODAY, -10), ...extra },
});
const transferCount = async () => (await platform.subgraphs.partner.sql<{ n: number }>('select count(*)::int as n from transfer'))[0].n;

/** Waits until the read model has applied every change the departments made. */
async function readModelCaughtUp(): Promise<void> {
  for (let i = 0; i < 150; i++) {
    let pending = 0;
    for (const name of ['hr', 'poverty', 'civil', 'training', 'partner'] as const) {
      pending += (await platform.subgraphs[name].sql<{ n: number }>('select count(*)::int as n from outbox'))[0].n;
    }
    if (pending === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the read model did not catch up');
}

beforeAll(async () => {
  platform = await startTestPlatform(300);
  const transferred = new Set((await platform.subgraphs.partner.sql<{ worker_id: string }>('select distinct worker_id from transfer')).map((r) => r.worker_id));
  const registry = await platform.subgraphs.hr.sql<{ id_number: string }>(`select id_number from worker where village_code like '${DEMO_COUNTY}%' order by id limit 200`);
  untouched = registry.map((r) => r.id_number).filter((id) => !transferred.has(pseudonymOf(id)));
  expect(untouched.length).toBeGreaterThanOrEqual(4);
});

afterAll(async () => {
  await platform?.stop();
});

describe('自发外出: a worker who went on their own, recorded without a batch', () => {
  it("a city records a referred worker to one of its districts: confirmed, no batch, the city's scope; a second open transfer is refused", async () => {
    const idNumber = untouched[0];
    const referral = await platform.query(`mutation($input: ReferForTransferInput!) { referForTransfer(input: $input) { id } }`, {
      input: { idNumber, cityCode: SHENZHEN },
    });
    expect(referral.errors).toBeUndefined();

    const recorded = await platform.queryAs(shenzhen, SELF, selfInput(idNumber, { cityCode: LONGGANG }), 'follow-up');
    expect(recorded.errors).toBeUndefined();
    expect(recorded.data.recordSelfOrganisedTransfer).toMatchObject({
      confirmation: 'CONFIRMED',
      selfOrganised: true,
      destinationDistrict: LONGGANG,
      batch: null,
      city: { code: SHENZHEN },
      phoneMasked: '139****5678',
      worker: { id: pseudonymOf(idNumber) },
    });
    const [row] = await platform.subgraphs.partner.sql<{ batch_id: number | null; city_code: string; destination_district: string }>(
      'select batch_id, city_code, destination_district from transfer where id = ?',
      [Number(recorded.data.recordSelfOrganisedTransfer.id)],
    );
    expect(row).toEqual({ batch_id: null, city_code: SHENZHEN, destination_district: LONGGANG });

    // The city lists it by its district code, scoped by the city.
    const listed = await platform.queryAs(
      shenzhen,
      `query($c: DivisionCode) { transfers(cityCode: $c, first: 100, onlyActive: true) { nodes { id selfOrganised } } }`,
      { c: LONGGANG },
      'follow-up',
    );
    expect(listed.errors).toBeUndefined();
    expect(listed.data.transfers.nodes).toEqual(expect.arrayContaining([{ id: recorded.data.recordSelfOrganisedTransfer.id, selfOrganised: true }]));

    // The same worker again: one open transfer per worker, said to the city that sees it.
    const again = await platform.queryAs(shenzhen, SELF, selfInput(idNumber), 'follow-up');
    expect(firstError(again)?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.idNumber' });
  });

  it('another city learns nothing: its record of that worker is a pending claim, the same answer as for a number nobody knows', async () => {
    let n = 980;
    while ((await platform.subgraphs.hr.sql('select 1 from worker where id_number = ?', [makeIdNumber(DEMO_COUNTY, '1990-02-02', n)])).length > 0) n--;
    const unknown = makeIdNumber(DEMO_COUNTY, '1990-02-02', n);
    const known = await platform.queryAs(suzhou, SELF, selfInput(untouched[0]), 'follow-up');
    const nobody = await platform.queryAs(suzhou, SELF, selfInput(unknown), 'follow-up');
    expect(known.errors).toBeUndefined();
    expect(nobody.errors).toBeUndefined();
    const shape = (r: { data?: { recordSelfOrganisedTransfer: Record<string, unknown> } }) => {
      const { id: _id, ...rest } = r.data!.recordSelfOrganisedTransfer;
      return rest;
    };
    expect(shape(known)).toEqual(shape(nobody));
    expect(shape(known)).toMatchObject({ confirmation: 'PENDING', worker: null, city: { code: SUZHOU } });

    // Naming Shenzhen (or one of its districts) is refused, naming the field; nothing written.
    const before = await transferCount();
    for (const cityCode of [SHENZHEN, LONGGANG]) {
      const other = await platform.queryAs(suzhou, SELF, selfInput(untouched[1], { cityCode }), 'follow-up');
      expect(firstError(other)?.extensions).toMatchObject({ code: 'FORBIDDEN' });
      expect(firstError(other)?.message).toContain('input.cityCode');
    }
    expect(await transferCount()).toBe(before);
  });

  it('bad input names the field and writes nothing', async () => {
    const before = await transferCount();
    const cases: [Record<string, unknown>, string][] = [
      [{ idNumber: '53011319900101123' }, 'input.idNumber'],
      [{ cityCode: '44' }, 'input.cityCode'],
      [{ cityCode: '440300' }, 'input.cityCode'],
      [{ startedOn: addDays(TODAY, 3) }, 'input.startedOn'],
      [{ employerName: 'x' }, 'input.employerName'],
      [{ phone: '12345' }, 'input.phone'],
      [{ startedOn: '2015-01-01' }, 'input.startedOn'],
    ];
    for (const [extra, field] of cases) {
      const response = await platform.queryAs(shenzhen, SELF, { input: { ...selfInput(untouched[2]).input, ...extra } }, 'follow-up');
      expect({ field, extensions: firstError(response)?.extensions }).toMatchObject({ field, extensions: { code: 'BAD_USER_INPUT', field } });
    }
    // The county office names the city.
    const office = await platform.queryAs(countyOffice, SELF, selfInput(untouched[2]), 'follow-up');
    expect(firstError(office)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.cityCode' });
    expect(await transferCount()).toBe(before);
  });

  it('the county office records a worker of its region to a district: confirmed at once', async () => {
    const recorded = await platform.queryAs(countyOffice, SELF, selfInput(untouched[3], { cityCode: LONGGANG, phone: null }), 'follow-up');
    expect(recorded.errors).toBeUndefined();
    expect(recorded.data.recordSelfOrganisedTransfer).toMatchObject({ confirmation: 'CONFIRMED', selfOrganised: true, destinationDistrict: LONGGANG, phoneMasked: null });
  });
});

describe('a 6-digit district where a city is named', () => {
  it('a batch to a district keeps it; the scope stays the 4-digit city', async () => {
    const departedOn = addDays(TODAY, -5);
    const batch = await platform.queryAs(
      shenzhen,
      `mutation($input: CreateTransferBatchInput!) { createTransferBatch(input: $input) { id destinationDistrict city { code } } }`,
      { input: { batchNo: `DC-${departedOn.slice(0, 7)}-914`, cityCode: LONGGANG, departedOn, destination: '深圳市龙岗区坂田街道' } },
      'follow-up',
    );
    expect(batch.errors).toBeUndefined();
    expect(batch.data.createTransferBatch).toMatchObject({ destinationDistrict: LONGGANG, city: { code: SHENZHEN } });
    const city = await platform.queryAs(shenzhen, `query($c: DivisionCode!) { partnerCity(code: $c) { code } }`, { c: LONGGANG }, 'follow-up');
    expect(city.data.partnerCity).toEqual({ code: SHENZHEN });
    const other = await platform.queryAs(suzhou, `query($c: DivisionCode) { transfers(cityCode: $c, first: 5) { totalCount } }`, { c: LONGGANG }, 'follow-up');
    expect(firstError(other)?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    const malformed = await platform.queryAs(shenzhen, `query($c: DivisionCode) { transfers(cityCode: $c, first: 5) { totalCount } }`, { c: '440300' }, 'follow-up');
    expect(firstError(malformed)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'cityCode' });
  });
});

describe("revealPhone: the city's own staff read a transferred worker's full phone, logged as a reveal", () => {
  async function logOf(staff: string) {
    for (let i = 0; i < 50; i++) {
      const log = await platform.queryAs(auditor, `query($s: String!) { accessLog(staff: $s, first: 20) { nodes { workerId fields operation } } }`, { s: staff }, null);
      expect(log.errors).toBeUndefined();
      if (log.data.accessLog.nodes.length > 0) return log.data.accessLog.nodes as { workerId: string; fields: string[] }[];
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return [];
  }

  it('gives the number to the city that holds the transfer and writes an access-log entry marked as a reveal, without the ID number', async () => {
    const workerId = pseudonymOf(untouched[0]);
    const revealed = await platform.queryAs(shenzhen, REVEAL, { id: workerId }, 'follow-up');
    expect(revealed.errors).toBeUndefined();
    expect(revealed.data.revealPhone).toMatchObject({ workerId, phone: PHONE });
    const entries = await logOf(shenzhen.subject);
    const entry = entries.find((e) => e.workerId === workerId);
    expect(entry?.fields).toEqual(expect.arrayContaining(['reveal:Transfer.phone', 'PhoneReveal.phone']));
    expect(JSON.stringify(entries)).not.toContain(untouched[0]);
  });

  it('another city, an unknown worker and a malformed id: the same NOT_FOUND or a BAD_USER_INPUT naming workerId; department staff are refused', async () => {
    const workerId = pseudonymOf(untouched[0]);
    const other = await platform.queryAs(suzhou, REVEAL, { id: workerId }, 'follow-up');
    const nobody = await platform.queryAs(suzhou, REVEAL, { id: 'wNoSuchWorker0000000000' }, 'follow-up');
    expect(firstError(other)?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'workerId' });
    expect(firstError(other)?.message).toBe(firstError(nobody)?.message);
    expect(answerOf(nobody)).toEqual(answerOf(other));
    expect(other.data?.revealPhone ?? null).toBeNull();
    const malformed = await platform.queryAs(shenzhen, REVEAL, { id: 'not a key!' }, 'follow-up');
    expect(firstError(malformed)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'workerId' });
    const officer = await platform.queryAs(countyOffice, REVEAL, { id: workerId }, 'follow-up');
    expect(firstError(officer)?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    const noPurpose = await platform.queryAs(shenzhen, REVEAL, { id: workerId }, null);
    expect(firstError(noPurpose)?.extensions).toMatchObject({ code: 'PURPOSE_REQUIRED' });
    // No reveal was logged for Suzhou.
    expect((await logOf(suzhou.subject)).flatMap((e) => e.fields)).not.toContain('reveal:Transfer.phone');
  });
});

describe("partnerAssessment: the city's own figures for a year", () => {
  /** The figures recomputed straight from the partner database (SQL, not the service's code), before suppression. */
  async function expected(city: string, year: number) {
    const sql = platform.subgraphs.partner.sql;
    const [t] = await sql<{ transfers: number; self: number; open: number; visited: number }>(
      `select count(*)::int as transfers, count(*) filter (where batch_id is null)::int as self,
              count(*) filter (where ended_on is null)::int as open,
              count(*) filter (where ended_on is null and exists (select 1 from follow_up_visit f where f.transfer_id = t.id))::int as visited
         from transfer t where city_code = ? and confirmation = 'CONFIRMED' and extract(year from started_on) = ?`,
      [city, year],
    );
    const retention = [];
    for (const months of [3, 6, 12]) {
      const [r] = await sql<{ due: number; retained: number }>(
        `select count(*)::int as due, count(*) filter (where ended_on is null or ended_on >= (started_on + make_interval(months => ?))::date)::int as retained
           from transfer where city_code = ? and confirmation = 'CONFIRMED' and extract(year from started_on) = ?
            and (started_on + make_interval(months => ?))::date <= ?::date`,
        [months, city, year, months, TODAY],
      );
      retention.push({ months, ...r });
    }
    const attempts = await sql<{ outcome: string; n: number }>(
      `select a.outcome, count(*)::int as n from contact_attempt a join transfer t on t.id = a.transfer_id
        where t.city_code = ? and t.confirmation = 'CONFIRMED' and extract(year from a.attempted_at at time zone 'Asia/Shanghai') = ? group by a.outcome`,
      [city, year],
    );
    return { ...t, retention, attempts: new Map(attempts.map((a) => [a.outcome, a.n])) };
  }
  const published = (n: number) => (n > 0 && n < THRESHOLD ? null : n);

  it('transfers, self-organised, retention at 3/6/12 months and contact outcomes agree with the records, small counts suppressed', async () => {
    for (const year of [YEAR, YEAR - 1]) {
      const response = await platform.queryAs(shenzhen, ASSESSMENT, { year });
      expect(response.errors).toBeUndefined();
      const figures = response.data.partnerAssessment;
      const truth = await expected(SHENZHEN, year);
      expect(figures).toMatchObject({ cityCode: SHENZHEN, year, transfers: published(truth.transfers), selfOrganised: published(truth.self) });
      expect(figures.followUp).toMatchObject({ open: published(truth.open), visited: published(truth.visited) });
      expect(figures.retention.map((r: { months: number; due: number | null; retained: number | null }) => [r.months, r.due, r.retained])).toEqual(
        truth.retention.map((r) => [r.months, published(r.due), published(r.retained)]),
      );
      for (const { outcome, attempts } of figures.contactOutcomes) expect([outcome, attempts]).toEqual([outcome, published(truth.attempts.get(outcome) ?? 0)]);
      const anyHidden = [truth.transfers, truth.self, truth.open, truth.visited, ...truth.retention.flatMap((r) => [r.due, r.retained]), ...truth.attempts.values()].some(
        (n) => n > 0 && n < THRESHOLD,
      );
      if (anyHidden) expect(figures.suppressed).toBe(true);
    }
    // This year's self-organised transfers are two (one by the city, one by the county office): suppressed.
    const thisYear = await platform.queryAs(shenzhen, ASSESSMENT, { year: YEAR });
    if (addDays(TODAY, -10).startsWith(String(YEAR))) expect(thisYear.data.partnerAssessment).toMatchObject({ selfOrganised: null, suppressed: true });
  });

  it('of whom registered poor: from the read model, as poverty records them today', async () => {
    await readModelCaughtUp();
    const seen: number[] = [];
    for (const year of [YEAR, YEAR - 1]) {
      const [truth] = await platform.subgraphs.situation.sql<{ n: number }>(
        `select count(*)::int as n from transfer_spell t join person_situation p using (worker_id)
          where t.city_code = ? and extract(year from t.started_on) = ? and p.poverty_status in ('NOT_LIFTED', 'LIFTED', 'LIFTED_UNSTABLE')`,
        [SHENZHEN, year],
      );
      const response = await platform.queryAs(shenzhen, ASSESSMENT, { year });
      expect(response.errors).toBeUndefined();
      expect(response.data.partnerAssessment.registeredPoor).toBe(published(truth.n));
      const county = await platform.queryAs(countyOffice, ASSESSMENT, { city: SHENZHEN, year });
      expect(county.data.partnerAssessment.registeredPoor).toBe(published(truth.n));
      seen.push(truth.n);
    }
    // The demo county transfers registered poor workers (a few: their count is withheld above, 1 … threshold−1).
    expect(Math.max(...seen)).toBeGreaterThan(0);
  });

  it('county staff read the workers of their region transferred to the city they name; a retention rate only from published counts', async () => {
    const response = await platform.queryAs(countyOffice, ASSESSMENT, { city: SHENZHEN, year: YEAR - 1 });
    expect(response.errors).toBeUndefined();
    const truth = await expected(SHENZHEN, YEAR - 1);
    // Every demo worker lives in the demo county: the region's figures are the city's.
    expect(response.data.partnerAssessment.transfers).toBe(published(truth.transfers));
    for (const r of response.data.partnerAssessment.retention) {
      if (r.due === null || r.retained === null || r.due === 0) expect(r.rate).toBeNull();
      else expect(r.rate).toBeCloseTo(r.retained / r.due, 10);
    }
    // A region elsewhere counts none of these workers.
    const elsewhere: Identity = { ...countyOffice, subject: 'partner-elsewhere', region: '530112' };
    const far = await platform.queryAs(elsewhere, ASSESSMENT, { city: SHENZHEN, year: YEAR - 1 });
    expect(far.data.partnerAssessment).toMatchObject({ transfers: 0, selfOrganised: 0 });
  });

  it('another city reads nothing, whether the city exists or not; bad input names the argument', async () => {
    const other = await platform.queryAs(suzhou, ASSESSMENT, { city: SHENZHEN, year: YEAR });
    const missing = await platform.queryAs(suzhou, ASSESSMENT, { city: '4499', year: YEAR });
    expect(firstError(other)?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(answerOf(missing)).toEqual(answerOf(other));
    expect(other.data?.partnerAssessment ?? null).toBeNull();
    const year = await platform.queryAs(shenzhen, ASSESSMENT, { year: 1999 });
    expect(firstError(year)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
    const noCity = await platform.queryAs(countyOffice, ASSESSMENT, { year: YEAR });
    expect(firstError(noCity)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'cityCode' });
    const badCity = await platform.queryAs(countyOffice, ASSESSMENT, { city: '44x3', year: YEAR });
    expect(firstError(badCity)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'cityCode' });
  });
});

describe('人岗匹配: a posting of the city matched to willing workers, in counts only', () => {
  const MATCHES = `query($id: ID!) {
    partnerJobPosting(id: $id) { id willingWorkers { total suppressed byTownship { code workers } byTrade { trade workers } referrals { outcome referrals } } }
  }`;
  const CREATE = `mutation($input: CreatePartnerJobPostingInput!) { createPartnerJobPosting(input: $input) { id } }`;
  let lowThreshold: string;

  /** The rule restated over the read model (the test's own SQL): who fits a posting of Shenzhen (another province than the demo county). */
  async function willing(trade: string | null): Promise<{ worker_id: string; township: string }[]> {
    return platform.subgraphs.situation.sql<{ worker_id: string; township: string }>(
      `select worker_id, left(village_code, 9) as township from person_situation
        where able_labourer and employment_intention = 'OUT_OF_PROVINCE'
          and not (employment_status = 'EMPLOYED' and employment_place in ('OUT_OF_PROVINCE', 'OUT_OF_COUNTY_IN_PROVINCE'))
          and not (transfer_id is not null and transfer_ended_on is null)
          and care_reasons = '{}' and coalesce(disability_grade, 9) > 2 and (disability_grade is null or disability_grade > 3 or disability_kind is null or disability_kind not in ('PHYSICAL', 'VISUAL', 'MULTIPLE'))
          and (?::text is null or ?::text = any(certified_trades))`,
      [trade, trade],
    );
  }

  beforeAll(async () => {
    // Eight more workers of the demo county register the wish to work out of the province while out of work (六个清楚, hr's registry).
    const candidates = await platform.subgraphs.situation.sql<{ worker_id: string }>(
      `select worker_id from person_situation
        where able_labourer and care_reasons = '{}' and disability_grade is null and transfer_id is null and employment_intention <> 'OUT_OF_PROVINCE'
        order by worker_id limit 8`,
    );
    expect(candidates).toHaveLength(8);
    for (const { worker_id } of candidates) {
      await platform.subgraphs.hr.sql(`update worker set employment_intention = 'OUT_OF_PROVINCE', employment_status = 'UNEMPLOYED' where id = ?`, [worker_id]);
    }
    const posting = await platform.queryAs(
      shenzhen,
      CREATE,
      { input: { employerName: '深圳市富士康科技', title: '普工（低门槛）', monthlyWage: 5200, headcount: 200, pushedOn: TODAY, validUntil: addDays(TODAY, 60) } },
      'follow-up',
    );
    expect(posting.errors).toBeUndefined();
    lowThreshold = posting.data.createPartnerJobPosting.id;
    await readModelCaughtUp();
  });

  it('counts the willing workers by township and trade, as the rule says, without a name', async () => {
    const response = await platform.queryAs(shenzhen, MATCHES, { id: lowThreshold }, 'follow-up');
    expect(response.errors).toBeUndefined();
    const matches = response.data.partnerJobPosting.willingWorkers;
    const fit = await willing(null);
    expect(fit.length).toBeGreaterThanOrEqual(THRESHOLD);
    expect(matches.total).toBe(fit.length);
    // Each published township cell is the township's count; the published cells never exceed the total.
    const perTownship = new Map<string, number>();
    for (const row of fit) perTownship.set(row.township, (perTownship.get(row.township) ?? 0) + 1);
    for (const cell of matches.byTownship) if (cell.workers !== null) expect([cell.code, cell.workers]).toEqual([cell.code, perTownship.get(cell.code) ?? 0]);
    for (const cell of matches.byTownship) if (cell.workers !== null && cell.workers > 0) expect(cell.workers).toBeGreaterThanOrEqual(THRESHOLD);
    const hidden = matches.byTownship.filter((c: { workers: number | null }) => c.workers === null);
    expect(hidden.length === 0 || hidden.length >= 2).toBe(true);
    // By trade: no certificate, then every trade (zeros included); each published cell is the count, none of 1 … threshold−1.
    expect(matches.byTrade.map((t: { trade: string | null }) => t.trade)).toEqual([null, ...TradeVocabulary.values]);
    const ids = `{${fit.map((r) => r.worker_id).join(',')}}`;
    for (const cell of matches.byTrade as { trade: string | null; workers: number | null }[]) {
      const [truth] = await platform.subgraphs.situation.sql<{ n: number }>(
        `select count(*)::int as n from person_situation where worker_id = any(?::text[]) and (case when ?::text is null then cardinality(certified_trades) = 0 else ?::text = any(certified_trades) end)`,
        [ids, cell.trade, cell.trade],
      );
      if (cell.workers !== null) expect([cell.trade, cell.workers]).toEqual([cell.trade, truth.n]);
      if (truth.n > 0 && truth.n < THRESHOLD) expect([cell.trade, cell.workers]).toEqual([cell.trade, null]);
    }
    // No person in the answer.
    expect(JSON.stringify(matches)).not.toMatch(/\bw[A-Za-z0-9_-]{10,}/);
  });

  it('a worker who no longer wants to leave the province leaves the count; a job referral to the posting is counted by outcome', async () => {
    const fit = await willing(null);
    const before = (await platform.queryAs(shenzhen, MATCHES, { id: lowThreshold }, 'follow-up')).data.partnerJobPosting.willingWorkers.total;
    await platform.subgraphs.hr.sql(`update worker set employment_intention = 'LOCAL' where id = ?`, [fit[0].worker_id]);
    for (const { worker_id } of fit.slice(1, 1 + THRESHOLD)) {
      const referral = await platform.query(`mutation($input: RecordServiceInput!) { recordHrService(input: $input) { id } }`, {
        input: { workerId: worker_id, kind: 'JOB_REFERRAL', servedOn: TODAY, postingSource: 'PARTNER_PUSHED_POSTING', postingIds: [lowThreshold], outcome: 'HIRED' },
      });
      expect(referral.errors).toBeUndefined();
    }
    await readModelCaughtUp();
    const after = (await platform.queryAs(shenzhen, MATCHES, { id: lowThreshold }, 'follow-up')).data.partnerJobPosting.willingWorkers;
    expect(after.total).toBe(before - 1);
    expect(after.referrals).toEqual(
      expect.arrayContaining([
        { outcome: 'HIRED', referrals: THRESHOLD },
        { outcome: 'REFUSED', referrals: 0 },
      ]),
    );
  });

  it('a posting that asks for a trade counts only the certified', async () => {
    const [certified] = await platform.subgraphs.situation.sql<{ trade: string }>(
      `select t as trade from person_situation, unnest(certified_trades) t group by t order by count(*) desc limit 1`,
    );
    if (!certified) return; // the demo county certified nobody: nothing to tell apart
    const posting = await platform.queryAs(
      shenzhen,
      CREATE,
      {
        input: {
          employerName: '深圳市建工集团',
          title: '持证岗位',
          monthlyWage: 7000,
          headcount: 20,
          requiredTrade: certified.trade,
          pushedOn: TODAY,
          validUntil: addDays(TODAY, 30),
        },
      },
      'follow-up',
    );
    expect(posting.errors).toBeUndefined();
    const response = await platform.queryAs(shenzhen, MATCHES, { id: posting.data.createPartnerJobPosting.id }, 'follow-up');
    expect(response.errors).toBeUndefined();
    const n = (await willing(certified.trade)).length;
    const matches = response.data.partnerJobPosting.willingWorkers;
    // Published, it is the count; a small count is withheld (and a larger one may be, to protect a small complement: hole 11).
    if (matches.total !== null) expect(matches.total).toBe(n);
    if (n > 0 && n < THRESHOLD) expect(matches.total).toBeNull();
    // Its breakdown by trade is its own trade alone: no co-certification, no uncertified (they do not fit it).
    expect(matches.byTrade).toEqual([{ trade: certified.trade, workers: matches.total }]);
    if (matches.total === null) expect(matches.suppressed).toBe(true);
  });

  it('another city sees no posting and no count; region staff count their own region only', async () => {
    const other = await platform.queryAs(suzhou, MATCHES, { id: lowThreshold }, 'follow-up');
    expect(other.errors).toBeUndefined();
    expect(other.data.partnerJobPosting).toBeNull();
    const county = await platform.queryAs(countyOffice, MATCHES, { id: lowThreshold }, 'follow-up');
    expect(county.errors).toBeUndefined();
    expect(county.data.partnerJobPosting.willingWorkers.total).toBe((await willing(null)).length);
    const elsewhere: Identity = { ...countyOffice, subject: 'partner-elsewhere', region: '530112' };
    const far = await platform.queryAs(elsewhere, MATCHES, { id: lowThreshold }, 'follow-up');
    expect(far.data.partnerJobPosting.willingWorkers).toMatchObject({ total: 0, byTownship: [] });
  });
});
