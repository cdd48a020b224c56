import { Client } from 'pg';
import { makeIdNumber } from '@jiuye/common';
import { trainingSubgraph } from '@jiuye/training';
// '@jiuye/common' does not export the demo generator yet (no `export * from './demo'` in its index).
import { ENTITIES_QUERY, pseudonymOf, startTestSubgraph, TEST_PSEUDONYM_KEY, type TestSubgraph } from '@jiuye/testing/harness';
import { type SeedContext, trainingSeeder, createDemoCounty, type DemoHousehold } from '@jiuye/devtools';

describe('training seeder', () => {
  let training: TestSubgraph;
  let client: Client;
  const county = createDemoCounty({ workers: 300 });
  const context: SeedContext = { pseudonymKey: TEST_PSEUDONYM_KEY, today: county.options.today };
  const households: DemoHousehold[] = [];
  let written = 0;
  let batches = 0;
  let householdStatements = 0;

  beforeAll(async () => {
    training = await startTestSubgraph(trainingSubgraph);
    client = new Client({ connectionString: training.config.databaseUrl });
    await client.connect();
    await trainingSeeder.seedReference(client, county.reference, context);
    // Count the statements each batch costs.
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      householdStatements++;
      return query(...args);
    };
    for (const batch of county.households(100)) {
      households.push(...batch);
      written += await trainingSeeder.seedHouseholds(client, batch, context);
      batches++;
    }
    (client as unknown as { query: unknown }).query = query;
    await trainingSeeder.finish(client, context);
  });
  afterAll(async () => {
    await client?.end();
    await training?.stop();
  });

  const people = () => households.flatMap((h) => h.members);
  const count = async (table: string) => (await training.sql<{ n: number }>(`select count(*)::int as n from "${table}"`))[0].n;

  it('writes every generated row, one statement per table per batch', async () => {
    const enrolments = people().flatMap((p) => p.enrolments);
    const certificates = people().flatMap((p) => p.certificates);
    expect(people().filter((p) => p.inLabourRegistry).length).toBeGreaterThanOrEqual(300);
    expect(enrolments.length).toBeGreaterThan(0);
    expect(certificates.length).toBeGreaterThan(0);

    expect(await count('institution')).toBe(county.reference.institutions.length);
    expect(await count('course')).toBe(county.reference.courses.length);
    expect(await count('training_class')).toBe(county.reference.classes.length);
    expect(await count('enrolment')).toBe(enrolments.length);
    expect(await count('certificate')).toBe(certificates.length);
    expect(written).toBe(enrolments.length + certificates.length);
    expect(householdStatements).toBeLessThanOrEqual(2 * batches);

    const byStatus = await training.sql<{ status: string; n: number }>(`select status, count(*)::int as n from enrolment group by status order by status`);
    const expected = new Map<string, number>();
    for (const e of enrolments) expected.set(e.status, (expected.get(e.status) ?? 0) + 1);
    expect(Object.fromEntries(byStatus.map((r) => [r.status, r.n]))).toEqual(Object.fromEntries(expected));
    const linked = await training.sql<{ n: number }>(`select count(*)::int as n from certificate where enrolment_id is not null`);
    expect(linked[0].n).toBe(certificates.filter((c) => c.enrolmentId !== null).length);
  });

  it('keys the rows by the worker pseudonym and serves them through the graph', async () => {
    const trainee = people().find((p) => p.certificates.length > 0 && p.enrolments.length > 0) ?? people().find((p) => p.certificates.length > 0)!;
    const response = await training.query(ENTITIES_QUERY('... on Worker { id enrolments { id trainingClass { id } } certificates { number } certifiedTrades }'), {
      representations: [{ __typename: 'Worker', id: pseudonymOf(trainee.idNumber) }],
    });
    expect(response.errors).toBeUndefined();
    const worker = response.data._entities[0];
    expect(worker.enrolments.map((e: { id: string }) => Number(e.id)).sort((a: number, b: number) => a - b)).toEqual(trainee.enrolments.map((e) => e.id).sort((a, b) => a - b));
    expect(worker.certificates.map((c: { number: string }) => c.number).sort()).toEqual(trainee.certificates.map((c) => c.number).sort());
    expect([...worker.certifiedTrades].sort()).toEqual([...new Set(trainee.certificates.map((c) => c.trade))].sort());

    const outcomes = await training.query(`{ trainingOutcomes { participants completions } }`);
    expect(outcomes.data.trainingOutcomes).toEqual({
      participants: people().flatMap((p) => p.enrolments).length,
      completions: people()
        .flatMap((p) => p.enrolments)
        .filter((e) => e.status === 'COMPLETED').length,
    });
  });

  it('moves the id sequences past the seeded ids', async () => {
    const before = await count('certificate');
    const maxId = (await training.sql<{ max: number }>(`select max(id)::int as max from certificate`))[0].max;
    const certified = await training.query(`mutation($input: CertifyTraineeInput!) { certifyTrainee(input: $input) { id } }`, {
      input: { idNumber: makeIdNumber('530113', '1988-08-08', 808), trade: 'COOK', grade: 5, number: 'TEST-SEED-0001', issuedOn: '2026-01-01' },
    });
    expect(certified.errors).toBeUndefined();
    expect(Number(certified.data.certifyTrainee.id)).toBe(maxId + 1);
    expect(await count('certificate')).toBe(before + 1);
    for (const table of ['institution', 'course', 'training_class', 'enrolment']) {
      const [row] = await training.sql<{ ok: boolean }>(`select (select coalesce(max(id), 0) from "${table}") < nextval(pg_get_serial_sequence('${table}', 'id')) as ok`);
      expect({ table, ok: row.ok }).toEqual({ table, ok: true });
    }
  });
});
