import { Client } from 'pg';
import { civilSubgraph } from '@jiuye/civil';
import { ENTITIES_QUERY, pseudonymOf, startTestSubgraph, TEST_PSEUDONYM_KEY, type TestSubgraph } from '@jiuye/testing/harness';
import { createDemoCounty, type DemoHousehold, civilSeeder } from '@jiuye/devtools';

describe('civil seeder', () => {
  let civil: TestSubgraph;
  const county = createDemoCounty({ workers: 300 });
  const households: DemoHousehold[] = [];

  beforeAll(async () => {
    civil = await startTestSubgraph(civilSubgraph);
    const client = new Client({ connectionString: civil.config.databaseUrl });
    await client.connect();
    try {
      const context = { pseudonymKey: TEST_PSEUDONYM_KEY, today: county.options.today };
      await client.query('begin');
      await civilSeeder.seedReference(client, county.reference, context);
      for (const batch of county.households(100)) {
        households.push(...batch);
        await civilSeeder.seedHouseholds(client, batch, context);
      }
      await civilSeeder.finish(client, context);
      await client.query('commit');
    } finally {
      await client.end();
    }
  });
  afterAll(() => civil?.stop());

  it('writes every grant, situation and care duty of the generated county', async () => {
    const people = households.flatMap((h) => h.members);
    const expected = {
      grants: households.reduce((n, h) => n + h.assistance.length, 0),
      situations: people.filter((p) => p.leftBehind || p.disability).length,
      duties: people.reduce((n, p) => n + p.careDuties.length, 0),
    };
    const [row] = await civil.sql<{ grants: number; situations: number; duties: number }>(
      `select (select count(*)::int from assistance_grant) as grants, (select count(*)::int from person_circumstance) as situations, (select count(*)::int from care_duty) as duties`,
    );
    expect(row).toEqual(expected);
    expect(expected.grants).toBeGreaterThan(0);
    expect(expected.duties).toBeGreaterThan(0);
  });

  it('serves the seeded facts through _entities and keeps issuing new ids after the seeded ones', async () => {
    const person = households.flatMap((h) => h.members).find((p) => p.disability && p.careDuties.length) ?? households.flatMap((h) => h.members).find((p) => p.disability)!;
    const response = await civil.query(ENTITIES_QUERY('... on Worker { disability { kind grade } careDuties { reason } }'), {
      representations: [{ __typename: 'Worker', id: pseudonymOf(person.idNumber) }],
    });
    expect(response.data._entities[0]).toEqual({
      disability: { kind: person.disability!.kind, grade: person.disability!.grade },
      careDuties: person.careDuties.map((d) => ({ reason: d.reason })),
    });
    const household = households.find((h) => h.assistance.length === 0)!;
    const granted = await civil.query(`mutation($input: GrantAssistanceInput!) { grantAssistance(input: $input) { id } }`, {
      input: { householdCode: household.code, kind: 'SUBSISTENCE_ALLOWANCE', monthlyAmount: 400, startsOn: '2026-01-01' },
    });
    expect(granted.errors).toBeUndefined();
    const [{ max }] = await civil.sql<{ max: number }>('select max(id)::int as max from assistance_grant');
    expect(Number(granted.data.grantAssistance.id)).toBe(max);
  });
});
