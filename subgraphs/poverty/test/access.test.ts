import { Client } from 'pg';
import { makeIdNumber, scopeKind, type RequestIdentity } from '@jiuye/common';
import { povertySubgraph } from '@jiuye/poverty';
import { ENTITIES_QUERY, officerOf, pseudonymOf, startTestSubgraph, TEST_PSEUDONYM_KEY, type TestSubgraph } from '@jiuye/testing/harness';
import { createDemoCounty, type DemoHousehold, povertySeeder } from '@jiuye/devtools';

/**
 * Who sees what of the poverty register, against the seeded demo county (东川区 530113):
 * region staff by the household's village, partner cities by transfers, institutions by
 * trainees (the remote authorities are played by the test), dashboards aggregates only.
 */
describe('poverty subgraph: access control', () => {
  let poverty: TestSubgraph;
  const county = createDemoCounty({ workers: 300 });
  const households: DemoHousehold[] = [];
  for (const batch of county.households(100)) households.push(...batch);
  const registered = households.filter((h) => h.povertyStatus !== null && h.members.length > 0);
  const COUNTY = county.reference.county.code;
  const OTHER_COUNTY = '530114';
  // Household A and household B lie in two different villages of the county.
  const A = registered.find((h) => h.cadreId !== null)!;
  const B = registered.find((h) => h.villageCode !== A.villageCode)!;
  const workerA = pseudonymOf(A.members[0].idNumber);
  const workerB = pseudonymOf(B.members[0].idNumber);
  const CITY = '4403';
  const INSTITUTION = '7';

  /** partner: worker A was transferred to city 4403; training: worker B is a trainee of institution 7; hr places nobody unknown. */
  const remoteAuthority = async (identity: RequestIdentity, ids: readonly string[]): Promise<Set<string>> => {
    const kind = scopeKind(identity);
    const visible = kind === 'partner-city' && identity.partnerCity === CITY ? [workerA] : kind === 'institution' && identity.institution === INSTITUTION ? [workerB] : [];
    return new Set(ids.filter((id) => visible.includes(id)));
  };

  const otherCountyOfficer = officerOf('poverty', { region: OTHER_COUNTY });
  const villageAssistantA = () => officerOf('poverty', { role: 'village_assistant', region: A.villageCode, permissions: [] });
  const partnerStaff = (city = CITY) => officerOf('partner', { region: undefined, partnerCity: city, permissions: [] });
  const institutionStaff = officerOf('training', { region: undefined, institution: INSTITUTION, permissions: [] });
  const dashboard = { ...officerOf('dashboard', { role: 'viewer', region: COUNTY, permissions: [] }), purpose: undefined };

  const HOUSEHOLD = `query($code: String!) { household(code: $code) { code povertyStatus registeredMembers { name relationship } } }`;
  const HOUSEHOLDS = `query($divisionCode: DivisionCode!) { households(divisionCode: $divisionCode, first: 500) { totalCount nodes { code } } }`;
  const COUNTS = `query($divisionCode: DivisionCode!) { povertyStatusCounts(divisionCode: $divisionCode) { status households members } }`;
  const WORKER = (selection: string) => ENTITIES_QUERY(`... on Worker { ${selection} }`);
  const workers = (...ids: string[]) => ({ representations: ids.map((id) => ({ __typename: 'Worker', id })) });
  const CHANGE = `mutation($input: ChangePovertyStatusInput!) { changePovertyStatus(input: $input) { code povertyStatus } }`;
  const ADD = `mutation($input: AddHouseholdMemberInput!) { addHouseholdMember(input: $input) { id name household { code } } }`;
  const REGISTER = `mutation($input: RegisterHouseholdInput!) { registerHousehold(input: $input) { code } }`;
  const ASSIGN = `mutation($input: AssignResponsibilityInput!) { assignResponsibility(input: $input) { id } }`;
  const REMOVE = `mutation($input: RemoveHouseholdMemberInput!) { removeHouseholdMember(input: $input) { id } }`;

  const count = async (table: string): Promise<number> => (await poverty.sql<{ n: number }>(`select count(*)::int as n from "${table}"`))[0].n;
  const tables = async () => ({
    household: await count('household'),
    household_member: await count('household_member'),
    poverty_status_change: await count('poverty_status_change'),
    household_responsibility: await count('household_responsibility'),
    statuses: await poverty.sql('select code, poverty_status from household order by code'),
  });
  const newStatus = (h: DemoHousehold) => (h.povertyStatus === 'LIFTED' ? 'LIFTED_UNSTABLE' : 'LIFTED');
  const change = (h: DemoHousehold) => ({
    input: { householdCode: h.code, status: newStatus(h), effectiveOn: h.statusHistory[h.statusHistory.length - 1].effectiveOn, reason: '动态监测调整状态' },
  });
  const errorOf = (response: { errors?: { extensions?: Record<string, unknown> }[] }) => response.errors?.[0].extensions;

  beforeAll(async () => {
    expect(A).toBeDefined();
    expect(B).toBeDefined();
    poverty = await startTestSubgraph(povertySubgraph, undefined, { remoteAuthority });
    const client = new Client({ connectionString: poverty.config.databaseUrl });
    await client.connect();
    const context = { pseudonymKey: TEST_PSEUDONYM_KEY, today: county.options.today };
    try {
      await client.query('begin');
      await client.query(`truncate ${povertySeeder.tables.map((t) => `"${t}"`).join(', ')} restart identity cascade`);
      await povertySeeder.seedReference(client, county.reference, context);
      for (const batch of county.households(100)) await povertySeeder.seedHouseholds(client, batch, context);
      await povertySeeder.finish(client, context);
      await client.query('commit');
    } finally {
      await client.end();
    }
  });
  afterAll(() => poverty?.stop());

  describe('region staff', () => {
    it('staff of any department read the households of their region (shared data), and the read is logged', async () => {
      for (const identity of [officerOf('poverty', { region: COUNTY }), officerOf('hr', { region: COUNTY, permissions: [] }), villageAssistantA()]) {
        const response = await poverty.queryAs(identity, HOUSEHOLD, { code: A.code });
        expect(response.errors).toBeUndefined();
        expect(response.data.household).toMatchObject({ code: A.code, povertyStatus: A.povertyStatus });
      }
      const logged = await poverty.queryAs(officerOf('civil', { region: COUNTY }), HOUSEHOLD, { code: A.code });
      expect((logged as { extensions?: { accessLog?: unknown[] } }).extensions?.accessLog).toEqual(
        expect.arrayContaining([expect.objectContaining({ householdCode: A.code, villageCode: A.villageCode, fields: expect.arrayContaining(['Household.povertyStatus']) })]),
      );
    });

    it('an officer of another county: a root lookup answers exactly like an unregistered household', async () => {
      const outside = await poverty.queryAs(otherCountyOfficer, HOUSEHOLD, { code: A.code });
      const unregistered = await poverty.queryAs(otherCountyOfficer, HOUSEHOLD, { code: `${OTHER_COUNTY}1010010001` });
      expect(outside.data).toEqual({ household: null });
      expect(outside.errors).toHaveLength(1);
      expect(errorOf(outside)).toEqual({ code: 'NOT_FOUND', field: 'code' });
      expect(outside.errors?.[0].message).toBe(unregistered.errors?.[0].message);
      expect(errorOf(outside)).toEqual(errorOf(unregistered));
      // A malformed code still names the argument.
      expect(errorOf(await poverty.queryAs(otherCountyOfficer, HOUSEHOLD, { code: '5301' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
    });

    it('an officer of another county: _entities resolve to null, lists of the county are FORBIDDEN, nested lists are filtered', async () => {
      const entities = await poverty.queryAs(otherCountyOfficer, ENTITIES_QUERY('... on Household { code povertyStatus } ... on Worker { id povertyStatus }'), {
        representations: [
          { __typename: 'Household', code: A.code },
          { __typename: 'Worker', id: workerA },
        ],
      });
      expect(entities.errors).toBeUndefined();
      expect(entities.data._entities).toEqual([null, null]);

      const list = await poverty.queryAs(otherCountyOfficer, HOUSEHOLDS, { divisionCode: COUNTY });
      expect(list.data).toBeNull();
      expect(errorOf(list)).toMatchObject({ code: 'FORBIDDEN', reason: 'outside-region' });
      expect(list.errors?.[0].message).toMatch(/^divisionCode: /);

      const division = await poverty.queryAs(otherCountyOfficer, ENTITIES_QUERY('... on Division { households { totalCount } }'), {
        representations: [{ __typename: 'Division', code: A.villageCode }],
      });
      expect(errorOf(division)).toMatchObject({ code: 'FORBIDDEN', reason: 'outside-region' });
      expect(division.errors?.[0].message).toMatch(/^Division\.households: /);

      // Cadres' names and phones are staff's personal data: another county's officer lists none of this county's (issue 13).
      const cadres = await poverty.queryAs(otherCountyOfficer, `{ cadres(first: 500) { totalCount nodes { id households { code } } } }`);
      expect(cadres.errors).toBeUndefined();
      expect(cadres.data.cadres).toEqual({ totalCount: 0, nodes: [] });

      const own = await poverty.queryAs(otherCountyOfficer, HOUSEHOLDS, { divisionCode: OTHER_COUNTY });
      expect(own.errors).toBeUndefined();
      expect(own.data.households.totalCount).toBe(0);
    });

    it('a village assistant reads their village only, not the next one', async () => {
      const assistant = villageAssistantA();
      expect(errorOf(await poverty.queryAs(assistant, HOUSEHOLD, { code: B.code }))).toEqual({ code: 'NOT_FOUND', field: 'code' });
      const entities = await poverty.queryAs(assistant, WORKER('id povertyStatus relationshipToHead'), workers(workerA, workerB));
      expect(entities.errors).toBeUndefined();
      expect(entities.data._entities).toEqual([{ id: workerA, povertyStatus: A.povertyStatus, relationshipToHead: A.members[0].relationship }, null]);

      const next = await poverty.queryAs(assistant, HOUSEHOLDS, { divisionCode: B.villageCode });
      expect(errorOf(next)).toMatchObject({ code: 'FORBIDDEN', reason: 'outside-region' });
      // A township above the village narrows to the village.
      const township = await poverty.queryAs(assistant, HOUSEHOLDS, { divisionCode: A.townshipCode });
      expect(township.errors).toBeUndefined();
      expect(township.data.households.nodes.length).toBe(registered.filter((h) => h.villageCode === A.villageCode).length);
      expect(township.data.households.nodes.every((n: { code: string }) => n.code.startsWith(A.villageCode))).toBe(true);

      const cadre = await poverty.queryAs(assistant, `{ cadres(first: 500) { nodes { households { code } } } }`);
      const seen = cadre.data.cadres.nodes.flatMap((c: { households: { code: string }[] }) => c.households.map((h) => h.code));
      expect(seen).toContain(A.code);
      expect(seen.every((code: string) => code.startsWith(A.villageCode))).toBe(true);
    });
  });

  describe('partner-city staff', () => {
    it('see the poverty status of a worker transferred to their city, not of others (also by hand-written _entities)', async () => {
      const response = await poverty.queryAs(partnerStaff(), WORKER('id povertyStatus'), workers(workerA, workerB));
      expect(response.errors).toBeUndefined();
      expect(response.data._entities).toEqual([{ id: workerA, povertyStatus: A.povertyStatus }, null]);
      const otherCity = await poverty.queryAs(partnerStaff('4401'), WORKER('id povertyStatus'), workers(workerA));
      expect(otherCity.errors).toBeUndefined();
      expect(otherCity.data._entities).toEqual([null]);
    });

    it('get FORBIDDEN for the relationship in the household and for the household itself', async () => {
      const relationship = await poverty.queryAs(partnerStaff(), WORKER('relationshipToHead'), workers(workerA));
      expect(errorOf(relationship)).toMatchObject({ code: 'FORBIDDEN', reason: 'field-id-number' });
      const household = await poverty.queryAs(partnerStaff(), WORKER('povertyHousehold { code registeredMembers { name } }'), workers(workerA));
      expect(errorOf(household)).toMatchObject({ code: 'FORBIDDEN', reason: 'field-household' });
      expect(JSON.stringify(household.data)).not.toContain(A.code);

      expect(errorOf(await poverty.queryAs(partnerStaff(), HOUSEHOLD, { code: A.code }))).toEqual({ code: 'NOT_FOUND', field: 'code' });
      const entity = await poverty.queryAs(partnerStaff(), ENTITIES_QUERY('... on Household { code povertyStatus }'), {
        representations: [{ __typename: 'Household', code: A.code }],
      });
      expect(entity.data._entities).toEqual([null]);
      expect(errorOf(await poverty.queryAs(partnerStaff(), HOUSEHOLDS, { divisionCode: COUNTY }))).toMatchObject({ code: 'FORBIDDEN', reason: 'no-region-scope' });
      expect(errorOf(await poverty.queryAs(partnerStaff(), COUNTS, { divisionCode: COUNTY }))).toMatchObject({ code: 'FORBIDDEN', reason: 'no-region-scope' });
    });
  });

  describe('training-institution staff', () => {
    it('see their own trainees only', async () => {
      const response = await poverty.queryAs(institutionStaff, WORKER('id povertyStatus'), workers(workerA, workerB));
      expect(response.errors).toBeUndefined();
      expect(response.data._entities).toEqual([null, { id: workerB, povertyStatus: B.povertyStatus }]);
      expect(errorOf(await poverty.queryAs(institutionStaff, HOUSEHOLD, { code: B.code }))).toEqual({ code: 'NOT_FOUND', field: 'code' });
    });

    it('get FORBIDDEN for the relationship in the household and the household, like partner cities (hole 2: region staff only)', async () => {
      const relationship = await poverty.queryAs(institutionStaff, WORKER('relationshipToHead'), workers(workerB));
      expect(errorOf(relationship)).toMatchObject({ code: 'FORBIDDEN', reason: 'field-id-number' });
      const household = await poverty.queryAs(institutionStaff, WORKER('povertyHousehold { code }'), workers(workerB));
      expect(errorOf(household)).toMatchObject({ code: 'FORBIDDEN', reason: 'field-household' });
      expect(JSON.stringify(household.data)).not.toContain(B.code);
    });
  });

  describe('dashboards', () => {
    it('count households per status within their region', async () => {
      const counts = await poverty.queryAs(dashboard, COUNTS, { divisionCode: COUNTY });
      expect(counts.errors).toBeUndefined();
      // Small cells are withheld for dashboards (hole 8); what is published is the exact count.
      const exact = await poverty.query(COUNTS, { divisionCode: COUNTY });
      const total = exact.data.povertyStatusCounts.reduce((n: number, row: { households: number }) => n + row.households, 0);
      expect(total).toBe(households.filter((h) => h.povertyStatus !== null).length);
      counts.data.povertyStatusCounts.forEach((row: { households: number | null }, i: number) => {
        expect(row.households === null || row.households === exact.data.povertyStatusCounts[i].households).toBe(true);
        expect(row.households === null || row.households === 0 || row.households >= 5).toBe(true);
      });
      const township = await poverty.queryAs(dashboard, COUNTS, { divisionCode: A.townshipCode });
      expect(township.errors).toBeUndefined();
      const outside = await poverty.queryAs(dashboard, COUNTS, { divisionCode: OTHER_COUNTY });
      expect(errorOf(outside)).toMatchObject({ code: 'FORBIDDEN', reason: 'outside-region' });
      const sites = await poverty.queryAs(dashboard, `query($d: DivisionCode!) { relocationSites(divisionCode: $d) { totalCount nodes { name relocatedHouseholds } } }`, {
        d: COUNTY,
      });
      expect(sites.errors).toBeUndefined();
    });

    it('get FORBIDDEN for every person-level read', async () => {
      for (const [query, variables] of [
        [HOUSEHOLD, { code: A.code }],
        [HOUSEHOLDS, { divisionCode: COUNTY }],
        [WORKER('id povertyStatus'), workers(workerA)],
        [ENTITIES_QUERY('... on Household { code }'), { representations: [{ __typename: 'Household', code: A.code }] }],
        [ENTITIES_QUERY('... on Division { households { totalCount } }'), { representations: [{ __typename: 'Division', code: A.villageCode }] }],
        [`{ cadres { nodes { households { code } } } }`, {}],
      ] as const) {
        const response = await poverty.queryAs({ ...dashboard, purpose: 'verification' }, query, variables);
        expect(errorOf(response)).toMatchObject({ code: 'FORBIDDEN', reason: 'aggregates-only' });
        expect(JSON.stringify(response.data ?? null)).not.toContain(A.code.slice(12));
      }
    });
  });

  it('person-level reads without a declared purpose get PURPOSE_REQUIRED; aggregates do not need one', async () => {
    const noPurpose = { ...officerOf('poverty', { region: COUNTY }), purpose: undefined };
    expect(errorOf(await poverty.queryAs(noPurpose, HOUSEHOLD, { code: A.code }))).toMatchObject({ code: 'PURPOSE_REQUIRED' });
    expect(errorOf(await poverty.queryAs(noPurpose, HOUSEHOLDS, { divisionCode: COUNTY }))).toMatchObject({ code: 'PURPOSE_REQUIRED' });
    expect(errorOf(await poverty.queryAs(noPurpose, WORKER('id'), workers(workerA)))).toMatchObject({ code: 'PURPOSE_REQUIRED' });
    expect(errorOf(await poverty.queryAs(noPurpose, CHANGE, change(A)))).toMatchObject({ code: 'PURPOSE_REQUIRED' });
    expect((await poverty.queryAs(noPurpose, COUNTS, { divisionCode: COUNTY })).errors).toBeUndefined();
  });

  describe('writes', () => {
    const newMember = { idNumber: makeIdNumber(COUNTY, '2025-01-01', 997), name: '新生儿', relationship: 'GRANDCHILD' };

    it('another department gets FORBIDDEN other-department, before any input check, and nothing is written', async () => {
      const before = await tables();
      const hr = officerOf('hr', { region: COUNTY });
      const changed = await poverty.queryAs(hr, CHANGE, change(A));
      expect(errorOf(changed)).toMatchObject({ code: 'FORBIDDEN', reason: 'other-department' });
      expect(errorOf(await poverty.queryAs(hr, ADD, { input: { householdCode: A.code, ...newMember } }))).toMatchObject({ code: 'FORBIDDEN', reason: 'other-department' });
      expect(errorOf(await poverty.queryAs(hr, ASSIGN, { input: { householdCode: 'x', cadreId: '1', since: '2024-01-01' } }))).toMatchObject({
        code: 'FORBIDDEN',
        reason: 'other-department',
      });
      expect(await tables()).toEqual(before);
    });

    it('a viewer gets FORBIDDEN read-only, and nothing is written', async () => {
      const before = await tables();
      const viewer = officerOf('poverty', { role: 'viewer', region: COUNTY, permissions: [] });
      expect(errorOf(await poverty.queryAs(viewer, CHANGE, change(A)))).toMatchObject({ code: 'FORBIDDEN', reason: 'read-only' });
      expect(errorOf(await poverty.queryAs(viewer, ADD, { input: { householdCode: A.code, ...newMember } }))).toMatchObject({ code: 'FORBIDDEN', reason: 'read-only' });
      expect(await tables()).toEqual(before);
    });

    it("a household outside the writer's scope gets FORBIDDEN outside-scope, and nothing is written", async () => {
      const before = await tables();
      const outside = await poverty.queryAs(otherCountyOfficer, CHANGE, change(A));
      expect(errorOf(outside)).toMatchObject({ code: 'FORBIDDEN', reason: 'outside-scope' });
      const assistant = villageAssistantA();
      expect(errorOf(await poverty.queryAs(assistant, CHANGE, change(B)))).toMatchObject({ code: 'FORBIDDEN', reason: 'outside-scope' });
      expect(errorOf(await poverty.queryAs(assistant, ADD, { input: { householdCode: B.code, ...newMember } }))).toMatchObject({ code: 'FORBIDDEN', reason: 'outside-scope' });
      expect(errorOf(await poverty.queryAs(assistant, ASSIGN, { input: { householdCode: B.code, cadreId: '1', since: '2030-01-01' } }))).toMatchObject({
        code: 'FORBIDDEN',
        reason: 'outside-scope',
      });
      const head = B.members[0];
      expect(
        errorOf(await poverty.queryAs(assistant, REMOVE, { input: { householdCode: B.code, idNumber: head.idNumber, removedOn: '2024-01-01', reason: '迁出' } })),
      ).toMatchObject({ code: 'FORBIDDEN', reason: 'outside-scope' });
      const register = await poverty.queryAs(assistant, REGISTER, {
        input: { code: `${B.villageCode}0999`, registeredOn: '2024-01-01', status: 'MARGINAL', reason: '突发重病，支出骤增', members: [{ ...newMember, relationship: 'HEAD' }] },
      });
      expect(errorOf(register)).toMatchObject({ code: 'FORBIDDEN', reason: 'outside-scope' });
      expect(await tables()).toEqual(before);
      // A malformed code still gets the service's BAD_USER_INPUT naming the field.
      const malformed = await poverty.queryAs(otherCountyOfficer, CHANGE, { input: { ...change(A).input, householdCode: '123' } });
      expect(errorOf(malformed)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.householdCode' });
    });

    it("a CONFLICT with a household outside the writer's scope does not name that household", async () => {
      const before = await tables();
      const headOfB = { idNumber: B.members[0].idNumber, name: '某人', relationship: 'OTHER' };
      const outside = await poverty.queryAs(villageAssistantA(), ADD, { input: { householdCode: A.code, ...headOfB } });
      expect(errorOf(outside)).toMatchObject({ code: 'CONFLICT', field: 'input.idNumber' });
      expect(outside.errors?.[0].message).not.toContain(B.code);
      const inside = await poverty.queryAs(officerOf('poverty', { region: COUNTY }), ADD, { input: { householdCode: A.code, ...headOfB } });
      expect(inside.errors?.[0].message).toContain(B.code);
      const register = await poverty.queryAs(villageAssistantA(), REGISTER, {
        input: { code: `${A.villageCode}0999`, registeredOn: '2024-01-01', status: 'MARGINAL', reason: '突发重病，支出骤增', members: [{ ...headOfB, relationship: 'HEAD' }] },
      });
      expect(errorOf(register)).toMatchObject({ code: 'CONFLICT', field: 'input.members[0].idNumber' });
      expect(register.errors?.[0].message).not.toContain(B.code);
      expect(await tables()).toEqual(before);
    });

    it('a village assistant writes in their own village', async () => {
      const added = await poverty.queryAs(villageAssistantA(), ADD, { input: { householdCode: A.code, ...newMember } });
      expect(added.errors).toBeUndefined();
      expect(added.data.addHouseholdMember).toMatchObject({ name: '新生儿', household: { code: A.code } });
      expect(await poverty.sql('select household_code from household_member where worker_id = ?', [pseudonymOf(newMember.idNumber)])).toEqual([{ household_code: A.code }]);
    });
  });
});
