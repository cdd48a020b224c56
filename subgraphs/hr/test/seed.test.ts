import { Client } from 'pg';
import { todayInChina } from '@jiuye/common';
import { hrSubgraph } from '@jiuye/hr';
// Not yet re-exported by @jiuye/common (its index will gain `export * from './demo'`).
import { pseudonymOf, startTestSubgraph, TEST_PSEUDONYM_KEY, type TestSubgraph } from '@jiuye/testing/harness';
import { type SeedContext, hrSeeder, createDemoCounty, type DemoHousehold } from '@jiuye/devtools';

describe('hr seeder', () => {
  let hr: TestSubgraph;
  let client: Client;
  const county = createDemoCounty({ workers: 300 });
  const context: SeedContext = { pseudonymKey: TEST_PSEUDONYM_KEY, today: county.options.today };
  const households: DemoHousehold[] = [];
  let rowsReported = 0;

  beforeAll(async () => {
    hr = await startTestSubgraph(hrSubgraph);
    client = new Client({ connectionString: hr.config.databaseUrl });
    await client.connect();
    await client.query('begin');
    await client.query(`truncate ${hrSeeder.tables.map((t) => `"${t}"`).join(', ')} restart identity cascade`);
    await hrSeeder.seedReference(client, county.reference, context);
    for (const batch of county.households(100)) {
      households.push(...batch);
      rowsReported += await hrSeeder.seedHouseholds(client, batch, context);
    }
    await hrSeeder.finish(client, context);
    await client.query('commit');
  });
  afterAll(async () => {
    await client?.end();
    await hr?.stop();
  });

  const count = async (table: string) => (await client.query(`select count(*)::int as n from "${table}"`)).rows[0].n as number;
  const registry = () => households.flatMap((h) => h.members.filter((m) => m.inLabourRegistry).map((person) => ({ household: h, person })));

  it('writes the reference tables: the division catalogue, employers, postings, fairs and welfare posts', async () => {
    const { reference } = county;
    expect(await count('division')).toBe(3 + reference.townships.length + reference.villages.length);
    expect(await count('employer')).toBe(reference.employers.length);
    expect(await count('job_posting')).toBe(reference.jobPostings.length);
    expect(await count('job_fair')).toBe(reference.jobFairs.length);
    expect(await count('welfare_post')).toBe(reference.welfarePosts.length);
    const levels = (await client.query(`select level, count(*)::int as n from division group by level order by level`)).rows;
    expect(levels).toEqual([
      { level: 'CITY', n: 1 },
      { level: 'COUNTY', n: 1 },
      { level: 'PROVINCE', n: 1 },
      { level: 'TOWNSHIP', n: reference.townships.length },
      { level: 'VILLAGE', n: reference.villages.length },
    ]);
  });

  it('writes every registry member with their records, and nobody outside the registry', async () => {
    const people = registry().map((r) => r.person);
    expect(people.length).toBeGreaterThanOrEqual(300);
    expect(await count('worker')).toBe(people.length);
    const employments = people.reduce((n, p) => n + p.employments.length, 0);
    const holdings = people.filter((p) => p.welfarePost !== null).length;
    const subsidies = people.reduce((n, p) => n + p.subsidies.length, 0);
    const intentions = people.reduce((n, p) => n + p.jobFairIntentions.length, 0);
    expect(await count('employment')).toBe(employments);
    expect(await count('welfare_post_assignment')).toBe(holdings);
    expect(await count('subsidy_payment')).toBe(subsidies);
    expect(await count('job_fair_intention')).toBe(intentions);
    expect(rowsReported).toBe(people.length + employments + holdings + subsidies + intentions);
    expect(employments).toBeGreaterThan(0);
    expect(subsidies).toBeGreaterThan(0);

    // EMPLOYED exactly when an employment is open; every holding linked to its employment.
    const inconsistent = await client.query(
      `select count(*)::int as n from worker w where (w.employment_status = 'EMPLOYED') <> exists (select 1 from employment e where e.worker_id = w.id and e.ends_on is null)`,
    );
    expect(inconsistent.rows[0].n).toBe(0);
    const unlinked = await client.query(`select count(*)::int as n from welfare_post_assignment where employment_id is null`);
    expect(unlinked.rows[0].n).toBe(0);
  });

  it('serves the seeded data: a worker by ID number, with the generated records', async () => {
    const { household, person } = registry().find(({ person }) => person.employments.length > 1 && person.subsidies.length > 0)!;
    const response = await hr.query(
      `query($idNumber: String!) { worker(idNumber: $idNumber) { id name birthDate household { code } employmentStatus employments { id startsOn } subsidies { id amount } } }`,
      { idNumber: person.idNumber },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data.worker).toMatchObject({
      id: pseudonymOf(person.idNumber),
      name: person.name,
      birthDate: person.birthDate,
      household: { code: household.code },
      employmentStatus: person.employmentStatus,
    });
    expect(response.data.worker.employments.map((e: { id: string }) => Number(e.id)).sort((a: number, b: number) => a - b)).toEqual(
      person.employments.map((e) => e.id).sort((a, b) => a - b),
    );
    expect(response.data.worker.subsidies).toHaveLength(person.subsidies.length);
  });

  it('moves the id sequences past the seeded ids and analyzes the tables', async () => {
    const worker = registry().find(({ person }) => !person.subsidies.some((s) => s.kind === 'ONE_OFF_EMPLOYMENT'))!.person;
    const paid = await hr.query(`mutation($input: RecordSubsidyPaymentInput!) { recordSubsidyPayment(input: $input) { id } }`, {
      input: { idNumber: worker.idNumber, kind: 'ONE_OFF_EMPLOYMENT', amount: 500, paidOn: todayInChina() },
    });
    expect(paid.errors).toBeUndefined();
    const maxSeeded = Math.max(...registry().flatMap(({ person }) => person.subsidies.map((s) => s.id)));
    expect(Number(paid.data.recordSubsidyPayment.id)).toBe(maxSeeded + 1);
    // By oid: the published view situation_source_v1.worker has the same relname (and reltuples -1).
    const analyzed = await client.query(`select reltuples::int as n from pg_class where oid = 'public.worker'::regclass`);
    expect(analyzed.rows[0].n).toBe(await count('worker'));
  });

  it('writes what hr keeps about its reference data: certification dates, keepers of outside firms, fair organisers, post management', async () => {
    const { reference } = county;
    const employers = (await client.query(`select kind, division_code, certified_on, kept_by_code from employer`)).rows;
    for (const e of employers) {
      expect(e.certified_on === null).toBe(!['POVERTY_WORKSHOP', 'VILLAGE_FACTORY', 'ASSISTANCE_BASE'].includes(e.kind));
      expect(e.kept_by_code).toBe(e.division_code.startsWith(reference.county.code) ? null : reference.county.code);
    }
    expect(employers.some((e) => e.kept_by_code !== null)).toBe(true);
    const fairs = (await client.query(`select online, venue, organiser from job_fair`)).rows;
    for (const f of fairs) {
      expect(f.organiser).toMatch(/[\u4e00-\u9fff]/);
      expect(f.venue === null).toBe(f.online);
    }
    const [unmanaged] = (await client.query(`select count(*)::int as n from welfare_post where managing_department is null or funding_source is null or opened_on is null`)).rows;
    expect(unmanaged.n).toBe(0);
  });
});
