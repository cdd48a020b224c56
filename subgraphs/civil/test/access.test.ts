import { Client } from 'pg';
import { type RequestIdentity } from '@jiuye/common';
import { civilSubgraph } from '@jiuye/civil';
import { ENTITIES_QUERY, officerOf, pseudonymOf, startTestSubgraph, TEST_PSEUDONYM_KEY, type GraphQLResponse, type TestSubgraph } from '@jiuye/testing/harness';
import { createDemoCounty, type DemoHousehold, type DemoPerson, civilSeeder } from '@jiuye/devtools';

/**
 * Access control in civil affairs, against the seeded demo county. The other departments'
 * authorities are played by `remoteAuthority` below: hr places every demo person in their
 * household's village, partner knows two transfers, training one trainee.
 */
describe('civil subgraph: access control', () => {
  let civil: TestSubgraph;
  const county = createDemoCounty({ workers: 300 });
  const households: DemoHousehold[] = [];
  const householdOf = new Map<DemoPerson, DemoHousehold>();
  /** workerId → village code (hr's residence). */
  const residence = new Map<string, string>();
  const transfers = new Map<string, string>();
  const trainees = new Map<string, string>();
  const authorityCalls: { kind: string; ids: readonly string[] }[] = [];

  const hasSituation = (p: DemoPerson) => Boolean(p.leftBehind || p.disability);
  let a: { household: DemoHousehold; person: DemoPerson };
  let b: { household: DemoHousehold; person: DemoPerson };
  /** Someone civil affairs holds care duties for but no situation (so no household): placed by hr. */
  let unplaced: { household: DemoHousehold; person: DemoPerson };

  const PARTNER_CITY = '4403';
  const INSTITUTION = '12';

  async function remoteAuthority(identity: RequestIdentity, ids: readonly string[]): Promise<Set<string>> {
    const kind = identity.partnerCity ? 'partner-city' : identity.institution ? 'institution' : 'region';
    authorityCalls.push({ kind, ids });
    const visible = new Set<string>();
    for (const id of ids) {
      if (
        kind === 'partner-city'
          ? transfers.get(id) === identity.partnerCity
          : kind === 'institution'
            ? trainees.get(id) === identity.institution
            : Boolean(residence.get(id)?.startsWith(identity.region!))
      )
        visible.add(id);
    }
    return visible;
  }

  beforeAll(async () => {
    civil = await startTestSubgraph(civilSubgraph, undefined, { remoteAuthority });
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
    for (const household of households) {
      for (const person of household.members) {
        householdOf.set(person, household);
        residence.set(pseudonymOf(person.idNumber), household.villageCode);
      }
    }
    const withGrantAndSituation = households.filter((h) => h.assistance.length > 0 && h.members.some(hasSituation));
    const first = withGrantAndSituation[0];
    const second = withGrantAndSituation.find((h) => h.townshipCode !== first.townshipCode)!;
    a = { household: first, person: first.members.find(hasSituation)! };
    b = { household: second, person: second.members.find(hasSituation)! };
    const carer = households.flatMap((h) => h.members).find((p) => !hasSituation(p) && p.careDuties.length > 0 && householdOf.get(p)!.townshipCode !== second.townshipCode)!;
    unplaced = { household: householdOf.get(carer)!, person: carer };
    transfers.set(idOf(a.person), PARTNER_CITY);
    transfers.set(idOf(b.person), '4401');
    trainees.set(idOf(b.person), INSTITUTION);
  });
  afterAll(() => civil?.stop());

  const idOf = (person: DemoPerson) => pseudonymOf(person.idNumber);
  const workerRef = (person: DemoPerson) => ({ __typename: 'Worker', id: idOf(person) });
  const WORKER = '... on Worker { id leftBehind disability { kind grade } careDuties { reason } staysNearHome }';
  const GRANTS = `query($code: DivisionCode!) { assistanceGrants(divisionCode: $code, first: 500) { totalCount nodes { householdCode kind monthlyAmount } } }`;

  const civilOfficer = (region: string) => officerOf('civil', { region });
  const villageAssistant = (village: string) => officerOf('civil', { role: 'village_assistant', region: village });
  const partnerStaff = (city = PARTNER_CITY) => officerOf('partner', { region: undefined, partnerCity: city, permissions: [] });
  const institutionStaff = (institution = INSTITUTION) => officerOf('training', { region: undefined, institution, permissions: [] });
  const dashboard = () => officerOf('dashboard', { role: 'viewer', permissions: [] });

  function entities(identity: ReturnType<typeof officerOf>, selection: string, representations: unknown[]) {
    return civil.queryAs(identity, ENTITIES_QUERY(selection), { representations });
  }

  const errorOf = (response: GraphQLResponse) => response.errors?.[0]?.extensions;

  async function tableCounts() {
    const [row] = await civil.sql<{ grants: number; situations: number; duties: number; stopped: number; ended: number }>(
      `select (select count(*)::int from assistance_grant) as grants, (select count(*)::int from person_circumstance) as situations,
              (select count(*)::int from care_duty) as duties, (select count(*)::int from assistance_grant where ends_on is not null) as stopped,
              (select count(*)::int from care_duty where until is not null) as ended`,
    );
    const situations = await civil.sql('select worker_id, household_code, left_behind, disability_kind, disability_grade from person_circumstance order by worker_id');
    return { ...row, situations };
  }

  describe('region staff', () => {
    it('see a person and household of their own township, with health and welfare details', async () => {
      const person = await entities(civilOfficer(a.household.townshipCode), WORKER, [workerRef(a.person)]);
      expect(person.errors).toBeUndefined();
      expect(person.data._entities[0]).toMatchObject({
        id: idOf(a.person),
        leftBehind: a.person.leftBehind ?? null,
        disability: a.person.disability ? { kind: a.person.disability.kind, grade: a.person.disability.grade } : null,
        careDuties: a.person.careDuties.map((d) => ({ reason: d.reason })),
      });
      const household = await entities(civilOfficer(a.household.townshipCode), '... on Household { code assistanceGrants { kind monthlyAmount } }', [
        { __typename: 'Household', code: a.household.code },
      ]);
      expect(household.errors).toBeUndefined();
      expect(household.data._entities[0].assistanceGrants).toHaveLength(a.household.assistance.length);
    });

    it('of every department read each other’s data within their region (and the read is logged)', async () => {
      const response = await entities(officerOf('hr', { region: a.household.villageCode }), '... on Worker { id disability { grade } leftBehind }', [workerRef(a.person)]);
      expect(response.errors).toBeUndefined();
      expect(response.data._entities[0].id).toBe(idOf(a.person));
      const log = (response as { extensions?: { accessLog?: unknown[] } }).extensions?.accessLog;
      expect(log).toEqual([
        {
          workerId: idOf(a.person),
          villageCode: a.household.villageCode,
          fields: [...(a.person.disability ? ['Disability.grade'] : []), 'Worker.disability', 'Worker.leftBehind'],
        },
      ]);
    });

    it('of another township or county see nothing of a person: _entities give null', async () => {
      for (const region of [b.household.townshipCode, '530112', '44']) {
        const person = await entities(officerOf('poverty', { region }), WORKER, [workerRef(a.person)]);
        expect(person.errors).toBeUndefined();
        expect(person.data._entities).toEqual([null]);
        const household = await entities(civilOfficer(region), '... on Household { code currentAssistance { kind } }', [{ __typename: 'Household', code: a.household.code }]);
        expect(household.errors).toBeUndefined();
        expect(household.data._entities).toEqual([null]);
      }
    });

    it('get FORBIDDEN naming divisionCode for a list outside their region, and only their region inside it', async () => {
      const outside = await civil.queryAs(civilOfficer(b.household.townshipCode), GRANTS, { code: a.household.villageCode });
      expect(outside.data).toBeNull();
      expect(errorOf(outside)).toMatchObject({ code: 'FORBIDDEN', reason: 'outside-region' });
      expect(outside.errors![0].message).toMatch(/^divisionCode:/);

      const own = await civil.queryAs(civilOfficer(a.household.townshipCode), GRANTS, { code: a.household.townshipCode });
      expect(own.errors).toBeUndefined();
      const expected = households.filter((h) => h.townshipCode === a.household.townshipCode).reduce((n, h) => n + h.assistance.length, 0);
      expect(own.data.assistanceGrants.totalCount).toBe(expected);

      // Asking for the whole county from a township account gives the township only.
      const wider = await civil.queryAs(civilOfficer(a.household.townshipCode), GRANTS, { code: '530113' });
      expect(wider.errors).toBeUndefined();
      expect(wider.data.assistanceGrants.totalCount).toBe(expected);
      expect(wider.data.assistanceGrants.nodes.every((g: { householdCode: string }) => g.householdCode.startsWith(a.household.townshipCode))).toBe(true);
    });

    it('a village assistant reads their own village but not the next one', async () => {
      const assistant = villageAssistant(a.household.villageCode);
      const neighbour = households.find((h) => h.townshipCode === a.household.townshipCode && h.villageCode !== a.household.villageCode && h.members.some(hasSituation))!;
      const response = await entities(assistant, '... on Worker { id disability { grade } }', [workerRef(a.person), workerRef(neighbour.members.find(hasSituation)!)]);
      expect(response.errors).toBeUndefined();
      expect(response.data._entities[0]).toMatchObject({ id: idOf(a.person) });
      expect(response.data._entities[1]).toBeNull();

      const household = await entities(assistant, '... on Household { code }', [{ __typename: 'Household', code: neighbour.code }]);
      expect(household.data._entities).toEqual([null]);

      const list = await civil.queryAs(assistant, GRANTS, { code: neighbour.villageCode });
      expect(errorOf(list)).toMatchObject({ code: 'FORBIDDEN', reason: 'outside-region' });
      const township = await civil.queryAs(assistant, GRANTS, { code: a.household.townshipCode });
      expect(township.errors).toBeUndefined();
      expect(township.data.assistanceGrants.nodes.every((g: { householdCode: string }) => g.householdCode.startsWith(a.household.villageCode))).toBe(true);
    });

    it('see a person civil affairs holds no household for only where hr places them', async () => {
      const selection = '... on Worker { id careDuties { reason } staysNearHome }';
      const home = await entities(civilOfficer(unplaced.household.villageCode), selection, [workerRef(unplaced.person)]);
      expect(home.errors).toBeUndefined();
      expect(home.data._entities[0]).toMatchObject({ id: idOf(unplaced.person), staysNearHome: true });
      const elsewhere = await entities(civilOfficer(b.household.townshipCode), selection, [workerRef(unplaced.person)]);
      expect(elsewhere.data._entities).toEqual([null]);
    });

    it('ask the authority once per request, however many workers', async () => {
      const people = households
        .flatMap((h) => h.members)
        .filter((p) => !hasSituation(p))
        .slice(0, 150);
      authorityCalls.length = 0;
      const response = await entities(civilOfficer('530113'), '... on Worker { id staysNearHome careDuties { reason } }', people.map(workerRef));
      expect(response.errors).toBeUndefined();
      expect(response.data._entities.every((w: unknown) => w !== null)).toBe(true);
      expect(authorityCalls).toHaveLength(1);
      expect(authorityCalls[0].ids).toHaveLength(150);
    });
  });

  describe('partner-city staff', () => {
    it('see their own city’s transferred worker (staysNearHome only), not another city’s', async () => {
      const response = await entities(partnerStaff(), '... on Worker { id staysNearHome }', [workerRef(a.person), workerRef(b.person), workerRef(unplaced.person)]);
      expect(response.errors).toBeUndefined();
      expect(response.data._entities[0]).toEqual({ id: idOf(a.person), staysNearHome: expect.any(Boolean) });
      expect(response.data._entities[1]).toBeNull();
      expect(response.data._entities[2]).toBeNull();
    });

    it('get FORBIDDEN for disability, left-behind status and care duties, even of their own worker', async () => {
      for (const field of ['disability { grade }', 'leftBehind', 'careDuties { reason }']) {
        const response = await entities(partnerStaff(), `... on Worker { id ${field} }`, [workerRef(a.person)]);
        expect(errorOf(response)).toMatchObject({ code: 'FORBIDDEN', reason: 'field-health' });
      }
    });

    it('see no household, its assistance, nor any list by division', async () => {
      const household = await entities(partnerStaff(), '... on Household { code }', [{ __typename: 'Household', code: a.household.code }]);
      expect(household.data._entities).toEqual([null]);
      const grants = await entities(partnerStaff(), '... on Household { assistanceGrants { monthlyAmount } }', [{ __typename: 'Household', code: a.household.code }]);
      expect(grants.data._entities).toEqual([null]);
      const list = await civil.queryAs(partnerStaff(), GRANTS, { code: a.household.villageCode });
      expect(errorOf(list)).toMatchObject({ code: 'FORBIDDEN', reason: 'no-region-scope' });
    });
  });

  describe('training-institution staff', () => {
    it('see their own trainee only, without health details', async () => {
      const response = await entities(institutionStaff(), '... on Worker { id staysNearHome }', [workerRef(b.person), workerRef(a.person)]);
      expect(response.errors).toBeUndefined();
      expect(response.data._entities[0]).toMatchObject({ id: idOf(b.person) });
      expect(response.data._entities[1]).toBeNull();
      const other = await entities(institutionStaff('99'), '... on Worker { id }', [workerRef(b.person)]);
      expect(other.data._entities).toEqual([null]);
      const health = await entities(institutionStaff(), '... on Worker { disability { grade } }', [workerRef(b.person)]);
      expect(errorOf(health)).toMatchObject({ code: 'FORBIDDEN', reason: 'field-health' });
    });
  });

  describe('dashboards, auditors and missing purposes', () => {
    it('a dashboard gets FORBIDDEN for any person-level field and list (civil has no aggregates)', async () => {
      const person = await entities(dashboard(), '... on Worker { staysNearHome }', [workerRef(a.person)]);
      expect(errorOf(person)).toMatchObject({ code: 'FORBIDDEN', reason: 'aggregates-only' });
      const household = await entities(dashboard(), '... on Household { code }', [{ __typename: 'Household', code: a.household.code }]);
      expect(errorOf(household)).toMatchObject({ code: 'FORBIDDEN', reason: 'aggregates-only' });
      const list = await civil.queryAs(dashboard(), GRANTS, { code: a.household.villageCode });
      expect(errorOf(list)).toMatchObject({ code: 'FORBIDDEN', reason: 'aggregates-only' });
    });

    it('an auditor reads nothing here', async () => {
      const auditor = officerOf('auditor', { role: 'viewer', region: undefined, permissions: [] });
      const person = await entities(auditor, '... on Worker { id }', [workerRef(a.person)]);
      expect(errorOf(person)).toMatchObject({ code: 'FORBIDDEN', reason: 'auditor-log-only' });
    });

    it('person-level reads and lists without a purpose give PURPOSE_REQUIRED', async () => {
      const noPurpose = { ...officerOf('civil'), purpose: undefined };
      const person = await entities(noPurpose, '... on Worker { id staysNearHome }', [workerRef(a.person)]);
      expect(errorOf(person)?.code).toBe('PURPOSE_REQUIRED');
      const list = await civil.queryAs(noPurpose, GRANTS, { code: a.household.villageCode });
      expect(errorOf(list)?.code).toBe('PURPOSE_REQUIRED');
    });
  });

  describe('writes', () => {
    const GRANT = `mutation($input: GrantAssistanceInput!) { grantAssistance(input: $input) { id householdCode } }`;
    const STOP = `mutation($input: StopAssistanceInput!) { stopAssistance(input: $input) { id endsOn } }`;
    const DISABILITY = `mutation($input: RecordDisabilityInput!) { recordDisability(input: $input) { id disability { kind grade } } }`;
    const LEFT_BEHIND = `mutation($input: SetLeftBehindInput!) { setLeftBehind(input: $input) { id leftBehind } }`;
    const ADD_DUTY = `mutation($input: AddCareDutyInput!) { addCareDuty(input: $input) { id reason } }`;
    const END_DUTY = `mutation($input: EndCareDutyInput!) { endCareDuty(input: $input) { id until } }`;

    async function grantIdOf(householdCode: string): Promise<string> {
      const [row] = await civil.sql<{ id: number }>('select id from assistance_grant where household_code = ? and ends_on is null order by id limit 1', [householdCode]);
      return String(row.id);
    }
    async function dutyIdOf(person: DemoPerson): Promise<string> {
      const [row] = await civil.sql<{ id: number }>('select id from care_duty where worker_id = ? and until is null order by id limit 1', [idOf(person)]);
      return String(row.id);
    }

    const freeHousehold = () => households.find((h) => h.townshipCode === a.household.townshipCode && h.assistance.every((g) => g.endsOn !== null))!;

    function attempts() {
      return [
        { name: 'grantAssistance', query: GRANT, input: { householdCode: freeHousehold().code, kind: 'SUBSISTENCE_ALLOWANCE', monthlyAmount: 400, startsOn: '2026-12-01' } },
        { name: 'recordDisability', query: DISABILITY, input: { idNumber: a.person.idNumber, kind: 'VISUAL', grade: 2, certifiedOn: '2026-01-01' } },
        { name: 'setLeftBehind', query: LEFT_BEHIND, input: { idNumber: a.person.idNumber, kind: 'WOMAN' } },
        { name: 'addCareDuty', query: ADD_DUTY, input: { idNumber: unplaced.person.idNumber, reason: 'ELDERLY', caredForName: '李桂芳', since: '2026-01-01' } },
      ];
    }

    it('by another department are FORBIDDEN (other-department) and write nothing', async () => {
      const before = await tableCounts();
      const hr = officerOf('hr', { region: a.household.townshipCode });
      for (const { query, input } of attempts()) {
        const response = await civil.queryAs(hr, query, { input });
        expect(response.data).toBeNull();
        expect(errorOf(response)).toMatchObject({ code: 'FORBIDDEN', reason: 'other-department' });
      }
      const stop = await civil.queryAs(hr, STOP, { input: { grantId: await grantIdOf(a.household.code), endsOn: '2026-12-31', reason: '收入超标' } });
      expect(errorOf(stop)).toMatchObject({ code: 'FORBIDDEN', reason: 'other-department' });
      expect(await tableCounts()).toEqual(before);
    });

    it('by a viewer or without a purpose are refused and write nothing', async () => {
      const before = await tableCounts();
      const viewer = officerOf('civil', { role: 'viewer', permissions: [] });
      const noPurpose = { ...officerOf('civil'), purpose: undefined };
      for (const { query, input } of attempts()) {
        expect(errorOf(await civil.queryAs(viewer, query, { input }))).toMatchObject({ code: 'FORBIDDEN', reason: 'read-only' });
        expect(errorOf(await civil.queryAs(noPurpose, query, { input }))?.code).toBe('PURPOSE_REQUIRED');
      }
      expect(await tableCounts()).toEqual(before);
    });

    it('outside the writer’s scope are refused (a household code outside the region FORBIDDEN; a person or record outside it NOT_FOUND, as if unknown: hole 6) and write nothing', async () => {
      const before = await tableCounts();
      const outsider = civilOfficer(b.household.townshipCode);
      for (const { name, query, input } of attempts()) {
        const response = await civil.queryAs(outsider, query, { input });
        expect(response.data).toBeNull();
        const expected = name === 'grantAssistance' ? { code: 'FORBIDDEN', reason: 'outside-scope' } : { code: 'NOT_FOUND', field: 'input.idNumber' };
        expect({ name, ...errorOf(response) }).toMatchObject({ name, ...expected });
      }
      const stop = await civil.queryAs(outsider, STOP, { input: { grantId: await grantIdOf(a.household.code), endsOn: '2026-12-31', reason: '收入超标' } });
      expect(errorOf(stop)).toMatchObject({ code: 'NOT_FOUND', field: 'input.grantId' });
      const end = await civil.queryAs(outsider, END_DUTY, { input: { careDutyId: await dutyIdOf(unplaced.person), until: '2026-12-31' } });
      expect(errorOf(end)).toMatchObject({ code: 'NOT_FOUND', field: 'input.careDutyId' });
      // Nor may an officer move a person of their own township into a household outside it.
      const move = await civil.queryAs(outsider, LEFT_BEHIND, { input: { idNumber: b.person.idNumber, householdCode: a.household.code, kind: 'WOMAN' } });
      expect(errorOf(move)).toMatchObject({ code: 'FORBIDDEN', reason: 'outside-scope' });
      // A village assistant writes only in their village.
      const assistant = villageAssistant(b.household.villageCode);
      const grant = await civil.queryAs(assistant, GRANT, { input: attempts()[0].input });
      expect(errorOf(grant)).toMatchObject({ code: 'FORBIDDEN', reason: 'outside-scope' });
      expect(await tableCounts()).toEqual(before);
    });

    it('a malformed input from outside the scope still gets BAD_USER_INPUT naming the field', async () => {
      const outsider = civilOfficer(b.household.townshipCode);
      const bad = await civil.queryAs(outsider, GRANT, { input: { householdCode: '12345', kind: 'SUBSISTENCE_ALLOWANCE', monthlyAmount: 400, startsOn: '2026-12-01' } });
      expect(errorOf(bad)).toMatchObject({ code: 'BAD_USER_INPUT' });
      const badId = await civil.queryAs(outsider, LEFT_BEHIND, { input: { idNumber: '530113199001010015', kind: 'WOMAN' } });
      expect(errorOf(badId)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.idNumber' });
    });

    it('inside the scope succeed, for a township officer and a village assistant', async () => {
      const officer = civilOfficer(a.household.townshipCode);
      const granted = await civil.queryAs(officer, GRANT, { input: attempts()[0].input });
      expect(granted.errors).toBeUndefined();
      const stopped = await civil.queryAs(villageAssistant(freeHousehold().villageCode), STOP, {
        input: { grantId: granted.data.grantAssistance.id, endsOn: '2026-12-31', reason: '收入超标' },
      });
      expect(stopped.errors).toBeUndefined();
      const recorded = await civil.queryAs(villageAssistant(a.household.villageCode), DISABILITY, { input: attempts()[1].input });
      expect(recorded.errors).toBeUndefined();
      expect(recorded.data.recordDisability).toEqual({ id: idOf(a.person), disability: { kind: 'VISUAL', grade: 2 } });
      const duty = await civil.queryAs(civilOfficer(unplaced.household.villageCode), ADD_DUTY, { input: attempts()[3].input });
      expect(duty.errors).toBeUndefined();
      const ended = await civil.queryAs(civilOfficer(unplaced.household.villageCode), END_DUTY, { input: { careDutyId: duty.data.addCareDuty.id, until: '2026-12-31' } });
      expect(ended.errors).toBeUndefined();
      expect(ended.data.endCareDuty.until).toBe('2026-12-31');
    });
  });
});
