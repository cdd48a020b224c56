import { Client } from 'pg';
import { makeIdNumber, todayInChina } from '@jiuye/common';
import { povertySubgraph } from '@jiuye/poverty';
// '@jiuye/common' does not export the demo county yet (`export * from './demo'` lands with the generator).
import { ENTITIES_QUERY, pseudonymOf, startTestSubgraph, TEST_PSEUDONYM_KEY, type TestSubgraph } from '@jiuye/testing/harness';
import { povertySeeder, createDemoCounty, type DemoHousehold } from '@jiuye/devtools';

describe('poverty seeder', () => {
  let poverty: TestSubgraph;
  const county = createDemoCounty({ workers: 300 });
  const households: DemoHousehold[] = [];
  for (const batch of county.households(100)) households.push(...batch);
  const registered = households.filter((h) => h.povertyStatus !== null);
  let rowsWritten = 0;

  beforeAll(async () => {
    poverty = await startTestSubgraph(povertySubgraph);
    const client = new Client({ connectionString: poverty.config.databaseUrl });
    await client.connect();
    const context = { pseudonymKey: TEST_PSEUDONYM_KEY, today: county.options.today };
    try {
      await client.query('begin');
      await client.query(`truncate ${povertySeeder.tables.map((t) => `"${t}"`).join(', ')} restart identity cascade`);
      await povertySeeder.seedReference(client, county.reference, context);
      for (const batch of county.households(100)) rowsWritten += await povertySeeder.seedHouseholds(client, batch, context);
      await povertySeeder.finish(client, context);
      await client.query('commit');
    } finally {
      await client.end();
    }
  });
  afterAll(() => poverty?.stop());

  const count = async (table: string, where = ''): Promise<number> => (await poverty.sql<{ n: number }>(`select count(*)::int as n from "${table}" ${where}`))[0].n;

  it('writes the reference tables and every registered household with its members, history and cadre', async () => {
    expect(registered.length).toBeGreaterThan(10);
    const members = registered.reduce((n, h) => n + h.members.length, 0);
    const changes = registered.reduce((n, h) => n + h.statusHistory.length, 0);
    const responsibilities = registered.filter((h) => h.cadreId !== null).length;
    expect(await count('relocation_site')).toBe(county.reference.relocationSites.length);
    expect(await count('responsible_unit')).toBe(county.reference.responsibleUnits.length);
    expect(await count('cadre')).toBe(county.reference.cadres.length);
    expect(await count('household')).toBe(registered.length);
    expect(await count('household_member')).toBe(members);
    expect(await count('poverty_status_change')).toBe(changes);
    expect(await count('household_responsibility')).toBe(responsibilities);
    expect(await count('household', 'where relocation_site_id is not null')).toBe(registered.filter((h) => h.relocationSiteId !== null).length);
    expect(rowsWritten).toBe(registered.length + members + changes + responsibilities);
    // The current status is the last change; the first change has no "from".
    expect(await count('household', `h where h.status_since <> (select max(effective_on) from poverty_status_change c where c.household_code = h.code)`)).toBe(0);
    expect(await count('poverty_status_change', 'where from_status is null')).toBe(registered.length);
  });

  it('serves the seeded data through the graph', async () => {
    const household = registered.find((h) => h.statusHistory.length > 1 && h.cadreId !== null) ?? registered[0];
    const response = await poverty.query(
      `query($code: String!) { household(code: $code) {
        povertyStatus registeredYear statusHistory { fromStatus toStatus effectiveOn }
        responsibility { cadre { id } unit { id } } registeredMembers { name relationship worker { id } } } }`,
      { code: household.code },
    );
    expect(response.errors).toBeUndefined();
    const found = response.data.household;
    expect(found.povertyStatus).toBe(household.povertyStatus);
    expect(found.registeredYear).toBe(household.registeredYear);
    expect(found.statusHistory.map((c: { toStatus: string }) => c.toStatus)).toEqual(household.statusHistory.map((c) => c.status));
    expect(found.statusHistory[1].fromStatus).toBe(household.statusHistory[0].status);
    expect(found.responsibility).toEqual({ cadre: { id: String(household.cadreId) }, unit: { id: String(household.responsibleUnitId) } });
    expect(found.registeredMembers.map((m: { worker: { id: string } }) => m.worker.id).sort()).toEqual(household.members.map((p) => pseudonymOf(p.idNumber)).sort());
    expect(found.registeredMembers[0].relationship).toBe('HEAD');

    const poorWorker = household.members[0];
    const unregisteredWorker = households.find((h) => h.povertyStatus === null)!.members[0];
    const workers = await poverty.query(ENTITIES_QUERY('... on Worker { povertyStatus relationshipToHead povertyHousehold { code } }'), {
      representations: [poorWorker, unregisteredWorker].map((p) => ({ __typename: 'Worker', id: pseudonymOf(p.idNumber) })),
    });
    expect(workers.data._entities).toEqual([
      { povertyStatus: household.povertyStatus, relationshipToHead: poorWorker.relationship, povertyHousehold: { code: household.code } },
      { povertyStatus: null, relationshipToHead: null, povertyHousehold: null },
    ]);

    const counts = await poverty.query(`query($code: DivisionCode!) { povertyStatusCounts(divisionCode: $code) { status households members } }`, {
      code: county.reference.county.code,
    });
    for (const row of counts.data.povertyStatusCounts) {
      const withStatus = registered.filter((h) => h.povertyStatus === row.status);
      expect(row).toEqual({ status: row.status, households: withStatus.length, members: withStatus.reduce((n, h) => n + h.members.length, 0) });
    }
  });

  it('moves the id sequences past the seeded ids, so new records can be written', async () => {
    for (const table of ['relocation_site', 'responsible_unit', 'cadre', 'household_member', 'poverty_status_change', 'household_responsibility']) {
      const [{ next, max }] = await poverty.sql<{ next: number; max: number }>(
        `select nextval(pg_get_serial_sequence('"${table}"', 'id'))::int as next, (select coalesce(max(id), 0) from "${table}")::int as max`,
      );
      expect(next).toBeGreaterThan(max);
    }
    const lastChange = (h: DemoHousehold) => h.statusHistory[h.statusHistory.length - 1].effectiveOn;
    const household = registered.find((h) => lastChange(h) <= todayInChina())!;
    const added = await poverty.query(`mutation($input: AddHouseholdMemberInput!) { addHouseholdMember(input: $input) { id } }`, {
      input: { householdCode: household.code, idNumber: makeIdNumber(county.reference.county.code, '2025-01-01', 999), name: '新生儿', relationship: 'GRANDCHILD' },
    });
    expect(added.errors).toBeUndefined();
    const changed = await poverty.query(`mutation($input: ChangePovertyStatusInput!) { changePovertyStatus(input: $input) { statusHistory { id } } }`, {
      input: {
        householdCode: household.code,
        status: household.povertyStatus === 'LIFTED' ? 'LIFTED_UNSTABLE' : 'LIFTED',
        effectiveOn: lastChange(household),
        reason: '动态监测调整状态',
      },
    });
    expect(changed.errors).toBeUndefined();
    expect(changed.data.changePovertyStatus.statusHistory).toHaveLength(household.statusHistory.length + 1);
  });
});
