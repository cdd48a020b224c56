import { AccessControl, maskPhone, mayRead, type AccessRules, type Identity } from '@jiuye/common';
import { SUBGRAPH_MODULES } from '@jiuye/devtools';
import { COUNTY_OFFICER, DEMO_COUNTY, startTestPlatform, userHeaders, type TestPlatform } from '@jiuye/testing/platform';

/**
 * Hole 10 (smaller leaks): a field's rule must hold wherever the field appears.
 * - A responsible cadre's phone was given in full in zeroEmploymentHouseholds (the situation
 *   read model) while the departments show phones masked without `reveal`.
 * - Partner cities read household codes through the situation views (their warnings worklist)
 *   although the departments refuse them Worker.household.
 * Defended by the identifying-field rules (common/src/auth/identifying-fields.ts), which the
 * situation subgraph declares for its fields like the departments do for theirs, and the guard
 * applies; the exports take their columns from the same rules.
 */
jest.setTimeout(300_000);

const HOUSEHOLD_CODE = /\b\d{16}\b/;
const plainOfficer: Identity = { ...COUNTY_OFFICER, subject: 'officer-without-reveal', permissions: [] };
const partnerStaff = (city: string): Identity => ({ subject: `partner-${city}`, department: 'partner', role: 'officer', partnerCity: city, permissions: [] });

const access = (identity: Identity) => new AccessControl({ ...identity, purpose: 'verification', requestId: 'rules' }, async () => new Set());
const rules = (name: keyof typeof SUBGRAPH_MODULES): AccessRules => SUBGRAPH_MODULES[name].access;

describe("hole 10: the situation views declare the departments' rule for each field (derived from the access rules)", () => {
  const accounts: Record<string, Identity> = {
    'region staff with reveal': COUNTY_OFFICER,
    'region staff without reveal': plainOfficer,
    'partner city': partnerStaff('4403'),
    'training institution': { subject: 'institution', department: 'training', role: 'officer', institution: '1', permissions: [] },
  };
  // A field of the read model and the department field it copies.
  const counterparts: [string, keyof typeof SUBGRAPH_MODULES, string][] = [
    ['SituationPerson.idNumber', 'hr', 'Worker.idNumber'],
    ['SituationPerson.idNumberMasked', 'hr', 'Worker.idNumberMasked'],
    ['SituationPerson.sex', 'hr', 'Worker.sex'],
    ['SituationPerson.age', 'hr', 'Worker.age'],
    ['SituationPerson.villageCode', 'hr', 'Worker.village'],
    ['SituationPerson.householdCode', 'hr', 'Worker.household'],
    ['SituationPerson.household', 'hr', 'Worker.household'],
    ['EarlyWarning.householdCode', 'hr', 'Worker.household'],
    ['Conflict.householdCode', 'hr', 'Worker.household'],
    ['ZeroEmploymentHousehold.code', 'poverty', 'Worker.povertyHousehold'],
    ['Responsibility.cadrePhone', 'hr', 'Worker.phone'],
    ['Responsibility.cadrePhoneMasked', 'hr', 'Worker.phoneMasked'],
    ['SituationPerson.disabilityGrade', 'civil', 'Worker.disability'],
    ['SituationPerson.assistanceKinds', 'civil', 'Household.currentAssistance'],
  ];

  it.each(Object.entries(accounts))('%s: the same verdict in the read model as in the department', (_label, identity) => {
    const control = access(identity);
    for (const [field, department, original] of counterparts) {
      expect({ field, allowed: mayRead(control, rules('situation'), field) }).toEqual({ field, allowed: mayRead(control, rules(department), original) });
    }
  });
});

describe('hole 10: through the gateway', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startTestPlatform(800);
  });
  afterAll(() => platform?.stop());

  const ask = async (identity: Identity, query: string, variables: Record<string, unknown> = {}) => {
    const response = await fetch(platform.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await userHeaders(identity, 'verification')) },
      body: JSON.stringify({ query, variables }),
    });
    return {
      status: response.status,
      text: '',
      ...((await response.json()) as { data?: any; errors?: { path?: (string | number)[]; extensions?: { code?: string; reason?: string } }[] }),
    };
  };

  describe("a responsible cadre's phone in zeroEmploymentHouseholds follows the phone rule (full with reveal, else masked as everywhere)", () => {
    async function householdWithCadrePhone() {
      const [row] = await platform.subgraphs.situation.sql<{ code: string; village_code: string; cadre_phone: string }>(
        `select code, village_code, cadre_phone from household_situation
          where cadre_phone is not null and able_labourers > 0 and employed_members = 0 order by code limit 1`,
      );
      expect(row).toBeDefined();
      return row;
    }

    it('without reveal: no full phone anywhere in the answer; cadrePhone is refused on its own path', async () => {
      const household = await householdWithCadrePhone();
      const response = await ask(plainOfficer, `query($r: String!) { zeroEmploymentHouseholds(region: $r, first: 500) { nodes { code responsible { cadreName cadrePhone } } } }`, {
        r: household.village_code,
      });
      expect(JSON.stringify(response.data ?? {})).not.toContain(household.cadre_phone);
      const node = response.data.zeroEmploymentHouseholds.nodes.find((n: { code: string }) => n.code === household.code);
      expect(node.responsible).toEqual({ cadreName: expect.any(String), cadrePhone: null });
      expect(response.errors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ path: expect.arrayContaining(['cadrePhone']), extensions: expect.objectContaining({ code: 'FORBIDDEN', reason: 'field-reveal' }) }),
        ]),
      );
    });

    it("the masked phone is the same mask as the departments print for the same cadre (poverty's Cadre.phoneMasked)", async () => {
      const household = await householdWithCadrePhone();
      const situation = await ask(plainOfficer, `query($r: String!) { zeroEmploymentHouseholds(region: $r, first: 500) { nodes { code responsible { cadrePhoneMasked } } } }`, {
        r: household.village_code,
      });
      expect(situation.errors).toBeUndefined();
      const node = situation.data.zeroEmploymentHouseholds.nodes.find((n: { code: string }) => n.code === household.code);
      const department = await ask(plainOfficer, `query($c: String!) { household(code: $c) { responsibility { cadre { phoneMasked } } } }`, { c: household.code });
      expect(department.errors).toBeUndefined();
      expect(node.responsible.cadrePhoneMasked).toBe(maskPhone(household.cadre_phone));
      expect(node.responsible.cadrePhoneMasked).toBe(department.data.household.responsibility.cadre.phoneMasked);
    });

    it('with reveal the full number is there (the reveal rule, as for Worker.phone)', async () => {
      const household = await householdWithCadrePhone();
      const response = await ask(COUNTY_OFFICER, `query($r: String!) { zeroEmploymentHouseholds(region: $r, first: 500) { nodes { code responsible { cadrePhone } } } }`, {
        r: household.village_code,
      });
      expect(response.errors).toBeUndefined();
      expect(response.data.zeroEmploymentHouseholds.nodes.find((n: { code: string }) => n.code === household.code).responsible.cadrePhone).toBe(household.cadre_phone);
    });
  });

  describe('partner cities get no household code (nor any field the departments refuse them) through the situation views', () => {
    /** A partner city with warnings on its worklist in the demo data, and their answer selecting everything. */
    async function partnerWorklist() {
      const cities = await platform.subgraphs.partner.sql<{ city_code: string }>('select distinct city_code from transfer order by city_code');
      for (const { city_code: city } of cities) {
        const response = await ask(
          partnerStaff(city),
          `{ warnings(first: 500) { totalCount nodes { rule householdCode villageCode villageName person { id name age sex villageCode householdCode household { code } idNumberMasked idNumber assistanceKinds disabilityGrade worker { id } } } } }`,
        );
        if (response.data?.warnings?.totalCount > 0 || response.data?.warnings === null) return { city, response };
      }
      throw new Error('no partner city has warnings in the demo data');
    }

    it('warnings: householdCode, person.householdCode and person.household are refused (FORBIDDEN), and no 16-digit code is in the answer', async () => {
      const { response } = await partnerWorklist();
      expect(JSON.stringify(response.data ?? {})).not.toMatch(HOUSEHOLD_CODE);
      const nodes = response.data.warnings.nodes;
      expect(nodes.length).toBeGreaterThan(0);
      for (const node of nodes) {
        expect(node.householdCode).toBeNull();
        expect(node.person).toMatchObject({ householdCode: null, household: null, idNumberMasked: null, idNumber: null, assistanceKinds: null, disabilityGrade: null });
        // What the departments give a partner city stays: the person, age, sex, village.
        expect(node.person).toMatchObject({ id: expect.any(String), age: expect.any(Number), villageCode: expect.stringMatching(/^\d{12}$/) });
      }
      const refused = new Set((response.errors ?? []).filter((e) => e.extensions?.code === 'FORBIDDEN').map((e) => `${e.path?.at(-1)}:${e.extensions?.reason}`));
      expect([...refused].sort()).toEqual(
        [
          'assistanceKinds:field-welfare',
          'disabilityGrade:field-health',
          'household:field-household',
          'householdCode:field-household',
          'idNumber:field-reveal',
          'idNumberMasked:field-id-number',
        ].sort(),
      );
    });

    it('the departments refuse the same fields to the same account for the same person', async () => {
      const { city, response } = await partnerWorklist();
      const workerId: string = response.data.warnings.nodes[0].person.id;
      const [transfer] = await platform.subgraphs.partner.sql<{ id_number: string }>('select id_number from transfer where worker_id = ? and city_code = ? limit 1', [
        workerId,
        city,
      ]);
      const department = await ask(partnerStaff(city), `query($id: String!) { worker(idNumber: $id) { id age sex village { code } household { code } idNumberMasked } }`, {
        id: transfer.id_number,
      });
      expect(department.data.worker).toMatchObject({ id: workerId, household: null, idNumberMasked: null, village: { code: expect.stringMatching(/^\d{12}$/) } });
      expect(JSON.stringify(department.data)).not.toMatch(HOUSEHOLD_CODE);
      const reasons = (department.errors ?? []).map((e) => `${e.path?.at(-1)}:${e.extensions?.reason}`).sort();
      expect(reasons).toEqual(['household:field-household', 'idNumberMasked:field-id-number']);
    });

    it('exports stay closed to partner cities (person-level exports are for region staff)', async () => {
      const response = await fetch(platform.gateway.url.replace(/\/graphql$/, '') + `/exports/warnings.csv?region=${DEMO_COUNTY}`, {
        headers: await userHeaders(partnerStaff('4403'), 'follow-up'),
      });
      const body = await response.text();
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(body).not.toMatch(HOUSEHOLD_CODE);
    });
  });
});
