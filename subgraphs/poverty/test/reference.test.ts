import { addDays, todayInChina, type Identity, type Purpose } from '@jiuye/common';
import { povertySubgraph } from '@jiuye/poverty';
import { officerOf, startTestSubgraph, type GraphQLResponse, type TestSubgraph } from '@jiuye/testing/harness';

type Who = Identity & { purpose?: Purpose };

const TODAY = todayInChina();
const COUNTY = '530113';
const VILLAGE_A = '530113101001';
const VILLAGE_B = '530113101002';
const OTHER_VILLAGE = '530102001001';
const HOUSEHOLD = `${VILLAGE_A}0001`;

const countyOfficer: Who = officerOf('poverty', { region: COUNTY, permissions: [] });
const otherCounty: Who = officerOf('poverty', { region: '530102', permissions: [] });
const assistantA: Who = officerOf('poverty', { role: 'village_assistant', region: VILLAGE_A, permissions: [] });
const hrOfficer: Who = officerOf('hr', { region: COUNTY });
const viewer: Who = officerOf('poverty', { role: 'viewer', region: COUNTY, permissions: [] });
const partnerCity: Who = officerOf('partner', { region: undefined, partnerCity: '4403', permissions: [] });
const dashboard: Who = { ...officerOf('dashboard', { role: 'viewer', region: COUNTY, permissions: [] }), purpose: undefined };

const UNIT_FIELDS = 'id name kind closedOn closeReason pairings { id villageCode since until endReason }';
const CREATE_UNIT = `mutation($input: CreateResponsibleUnitInput!) { createResponsibleUnit(input: $input) { ${UNIT_FIELDS} } }`;
const UPDATE_UNIT = `mutation($input: UpdateResponsibleUnitInput!) { updateResponsibleUnit(input: $input) { ${UNIT_FIELDS} } }`;
const CLOSE_UNIT = `mutation($input: CloseResponsibleUnitInput!) { closeResponsibleUnit(input: $input) { ${UNIT_FIELDS} } }`;
const PAIR = `mutation($input: PairUnitWithVillageInput!) { pairUnitWithVillage(input: $input) { id villageCode since until unit { id } } }`;
const END_PAIRING = `mutation($input: EndUnitPairingInput!) { endUnitPairing(input: $input) { id until endReason } }`;
const UNITS = `query($includeClosed: Boolean) { responsibleUnits(first: 100, includeClosed: $includeClosed) { totalCount nodes { id } } }`;

const CADRE_FIELDS = 'id name role phoneMasked unit { id } postings { id villageCode since until endReason }';
const CREATE_CADRE = `mutation($input: CreateCadreInput!) { createCadre(input: $input) { ${CADRE_FIELDS} } }`;
const UPDATE_CADRE = `mutation($input: UpdateCadreInput!) { updateCadre(input: $input) { ${CADRE_FIELDS} } }`;
const POST_CADRE = `mutation($input: PostCadreInput!) { postCadre(input: $input) { id villageCode since until cadre { id } } }`;
const END_POSTING = `mutation($input: EndCadrePostingInput!) { endCadrePosting(input: $input) { id until endReason } }`;
const CADRES = `query($villageCode: String) { cadres(first: 100, villageCode: $villageCode) { totalCount nodes { id name phoneMasked } } }`;
const CADRE = `query($id: ID!) { cadre(id: $id) { id name } }`;
const ASSIGN = `mutation($input: AssignResponsibilityInput!) { assignResponsibility(input: $input) { id since cadre { id } } }`;

function errorOf(response: GraphQLResponse): Record<string, any> | undefined {
  return response.errors?.[0]?.extensions;
}

function fieldsOf(response: GraphQLResponse): string[] {
  const extensions = errorOf(response) ?? {};
  return extensions.problems ? extensions.problems.map((p: { field: string }) => p.field) : [extensions.field];
}

describe('poverty reference data: responsible units, cadres and their postings', () => {
  let poverty: TestSubgraph;
  let unitId: string;
  const TABLES = ['responsible_unit', 'unit_pairing', 'cadre', 'cadre_posting', 'household_responsibility'];
  async function snapshot(): Promise<unknown[]> {
    const rows: unknown[] = [];
    for (const table of TABLES) rows.push(await poverty.sql(`select * from "${table}" order by id`));
    return rows;
  }
  const cadre = (extra: Record<string, unknown> = {}) => ({
    name: '李明',
    unitId,
    role: 'RESPONSIBLE_PERSON',
    phone: '13812345678',
    villageCode: VILLAGE_A,
    since: '2021-03-01',
    ...extra,
  });

  async function createCadre(who: Who, extra: Record<string, unknown> = {}) {
    const response = await poverty.queryAs(who, CREATE_CADRE, { input: cadre(extra) });
    expect(response.errors).toBeUndefined();
    return response.data.createCadre;
  }

  beforeAll(async () => {
    poverty = await startTestSubgraph(povertySubgraph);
    await poverty.sql(
      `insert into household (code, village_code, poverty_status, status_since, registered_year) values (?, ?, 'LIFTED', '2019-12-31', 2014), (?, ?, 'LIFTED', '2019-12-31', 2014)`,
      [HOUSEHOLD, VILLAGE_A, `${VILLAGE_B}0001`, VILLAGE_B],
    );
    const created = await poverty.queryAs(countyOfficer, CREATE_UNIT, { input: { name: '东川区人力资源和社会保障局', kind: 'PARTY_GOVERNMENT' } });
    expect(created.errors).toBeUndefined();
    unitId = created.data.createResponsibleUnit.id;
  });
  afterAll(() => poverty?.stop());

  describe('responsible units', () => {
    it('a poverty officer keeps a unit of their region; names are unique among its open units', async () => {
      const response = await poverty.queryAs(countyOfficer, CREATE_UNIT, { input: { name: ' 东川区农业农村局 ', kind: 'PARTY_GOVERNMENT' } });
      expect(response.data.createResponsibleUnit).toMatchObject({ name: '东川区农业农村局', kind: 'PARTY_GOVERNMENT', closedOn: null, pairings: [] });
      const before = await snapshot();
      expect(errorOf(await poverty.queryAs(countyOfficer, CREATE_UNIT, { input: { name: '东川区农业农村局', kind: 'PARTY_GOVERNMENT' } }))).toMatchObject({
        code: 'CONFLICT',
        field: 'input.name',
      });
      expect(fieldsOf(await poverty.queryAs(countyOfficer, CREATE_UNIT, { input: { name: '局', kind: 'PARTY_GOVERNMENT' } }))).toEqual(['input.name']);
      // A malformed division code is refused by the DivisionCode scalar before the service.
      expect(errorOf(await poverty.queryAs(countyOfficer, CREATE_UNIT, { input: { name: '东川区某局', kind: 'PARTY_GOVERNMENT', regionCode: '5301131' } }))).toBeDefined();
      expect(errorOf(await poverty.queryAs(countyOfficer, CREATE_UNIT, { input: { name: '五华区民政局', kind: 'PARTY_GOVERNMENT', regionCode: '530102' } }))).toMatchObject({
        code: 'FORBIDDEN',
        reason: 'outside-region',
      });
      expect(errorOf(await poverty.queryAs(hrOfficer, CREATE_UNIT, { input: { name: '某局', kind: 'PARTY_GOVERNMENT' } }))).toMatchObject({
        code: 'FORBIDDEN',
        reason: 'other-department',
      });
      expect(errorOf(await poverty.queryAs(viewer, CREATE_UNIT, { input: { name: '某局', kind: 'PARTY_GOVERNMENT' } }))).toMatchObject({ code: 'FORBIDDEN', reason: 'read-only' });
      expect(await snapshot()).toEqual(before);
      // Another county keeps its own list: the same name there is another unit.
      const other = await poverty.queryAs(otherCounty, CREATE_UNIT, { input: { name: '东川区农业农村局', kind: 'PARTY_GOVERNMENT' } });
      expect(other.errors).toBeUndefined();
      // …and cannot change this county's, which reads as missing.
      const id = response.data.createResponsibleUnit.id;
      const foreign = await poverty.queryAs(otherCounty, UPDATE_UNIT, { input: { id, name: '改名' } });
      const missing = await poverty.queryAs(otherCounty, UPDATE_UNIT, { input: { id: '99999', name: '改名' } });
      expect(errorOf(foreign)).toEqual(errorOf(missing));
      expect(errorOf(foreign)).toMatchObject({ code: 'NOT_FOUND', field: 'input.id' });
      const changed = await poverty.queryAs(countyOfficer, UPDATE_UNIT, { input: { id, kind: 'PUBLIC_INSTITUTION' } });
      expect(changed.data.updateResponsibleUnit).toMatchObject({ name: '东川区农业农村局', kind: 'PUBLIC_INSTITUTION' });
    });

    it('pairs a unit with villages of the region, ends a pairing, and closes the unit only once nothing is open', async () => {
      const unit = (await poverty.queryAs(countyOfficer, CREATE_UNIT, { input: { name: '云南铜业（集团）有限公司', kind: 'STATE_ENTERPRISE' } })).data.createResponsibleUnit;
      const pair = await poverty.queryAs(countyOfficer, PAIR, { input: { unitId: unit.id, villageCode: VILLAGE_A, since: '2020-01-01' } });
      expect(pair.data.pairUnitWithVillage).toMatchObject({ villageCode: VILLAGE_A, since: '2020-01-01', until: null, unit: { id: unit.id } });
      const before = await snapshot();
      expect(errorOf(await poverty.queryAs(countyOfficer, PAIR, { input: { unitId: unit.id, villageCode: VILLAGE_A, since: '2021-01-01' } }))).toMatchObject({
        code: 'CONFLICT',
        field: 'input.villageCode',
      });
      expect(errorOf(await poverty.queryAs(countyOfficer, PAIR, { input: { unitId: unit.id, villageCode: OTHER_VILLAGE, since: '2021-01-01' } }))).toMatchObject({
        code: 'FORBIDDEN',
      });
      expect(fieldsOf(await poverty.queryAs(countyOfficer, PAIR, { input: { unitId: 'x', villageCode: '53011310100', since: addDays(TODAY, 1) } })).sort()).toEqual([
        'input.since',
        'input.unitId',
        'input.villageCode',
      ]);
      expect(errorOf(await poverty.queryAs(countyOfficer, CLOSE_UNIT, { input: { id: unit.id, closedOn: TODAY, reason: '帮扶任务调整' } }))).toMatchObject({
        code: 'CONFLICT',
        field: 'input.id',
      });
      const pairingId = pair.data.pairUnitWithVillage.id;
      expect(errorOf(await poverty.queryAs(otherCounty, END_PAIRING, { input: { pairingId, until: TODAY, reason: '期满' } }))).toMatchObject({ code: 'NOT_FOUND' });
      expect(errorOf(await poverty.queryAs(countyOfficer, END_PAIRING, { input: { pairingId, until: '2019-12-31', reason: '期满' } }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.until',
      });
      expect(await snapshot()).toEqual(before);
      const ended = await poverty.queryAs(countyOfficer, END_PAIRING, { input: { pairingId, until: '2020-01-01', reason: '帮扶任务调整' } });
      expect(ended.data.endUnitPairing).toMatchObject({ until: '2020-01-01', endReason: '帮扶任务调整' });
      expect(errorOf(await poverty.queryAs(countyOfficer, END_PAIRING, { input: { pairingId, until: TODAY, reason: '再次' } }))).toMatchObject({ code: 'CONFLICT' });
      expect(fieldsOf(await poverty.queryAs(countyOfficer, CLOSE_UNIT, { input: { id: unit.id, closedOn: addDays(TODAY, 1), reason: '撤' } })).sort()).toEqual([
        'input.closedOn',
        'input.reason',
      ]);
      const closed = await poverty.queryAs(countyOfficer, CLOSE_UNIT, { input: { id: unit.id, closedOn: TODAY, reason: '帮扶任务调整' } });
      expect(closed.data.closeResponsibleUnit).toMatchObject({ closedOn: TODAY, pairings: [{ villageCode: VILLAGE_A, until: '2020-01-01' }] });
      // A closed unit takes no cadre and no pairing, and leaves the default list.
      expect(errorOf(await poverty.queryAs(countyOfficer, CREATE_CADRE, { input: cadre({ unitId: unit.id }) }))).toMatchObject({ code: 'CONFLICT', field: 'input.unitId' });
      expect(errorOf(await poverty.queryAs(countyOfficer, PAIR, { input: { unitId: unit.id, villageCode: VILLAGE_B, since: TODAY } }))).toMatchObject({ code: 'CONFLICT' });
      const ids = async (includeClosed: boolean) => (await poverty.queryAs(partnerCity, UNITS, { includeClosed })).data.responsibleUnits.nodes.map((n: { id: string }) => n.id);
      expect(await ids(false)).not.toContain(unit.id);
      expect(await ids(true)).toContain(unit.id);
    });
  });

  describe('cadres', () => {
    it('creates a cadre with the first village served; the phone is kept and shown masked only', async () => {
      const created = await createCadre(countyOfficer, { name: ' 李明 ', role: 'FIRST_SECRETARY' });
      expect(created).toMatchObject({
        name: '李明',
        role: 'FIRST_SECRETARY',
        phoneMasked: '138****5678',
        unit: { id: unitId },
        postings: [{ villageCode: VILLAGE_A, since: '2021-03-01', until: null }],
      });
      const [row] = await poverty.sql<{ phone: string }>(`select phone from cadre where id = ?`, [Number(created.id)]);
      expect(row.phone).toBe('13812345678');
    });

    it('names every wrong field at once, never repeating the phone, and writes nothing', async () => {
      const before = await snapshot();
      const response = await poverty.queryAs(countyOfficer, CREATE_CADRE, {
        input: cadre({ name: '李', phone: '12812345678', villageCode: '5301131010', since: addDays(TODAY, 1), unitId: '0' }),
      });
      expect(fieldsOf(response).sort()).toEqual(['input.name', 'input.phone', 'input.since', 'input.unitId', 'input.villageCode']);
      expect(JSON.stringify(response)).not.toContain('12812345678');
      expect(await snapshot()).toEqual(before);
    });

    it.each([
      ['name', { name: '李' }, { name: '李四' }],
      ['name', { name: '李'.repeat(31) }, { name: '李'.repeat(30) }],
      ['phone', { phone: '1381234567' }, { phone: '19912345678' }],
      ['phone', { phone: '12012345678' }, { phone: null }],
      ['since', { since: addDays(TODAY, 1) }, { since: TODAY }],
    ])('%s: refused just past the rule, accepted at its edge', async (field, wrong, edge) => {
      const before = await snapshot();
      expect(fieldsOf(await poverty.queryAs(countyOfficer, CREATE_CADRE, { input: cadre(wrong) }))).toEqual([`input.${field}`]);
      expect(await snapshot()).toEqual(before);
      await createCadre(countyOfficer, edge);
    });

    it('is written within the writer’s region only: a village assistant their village, nobody another county’s', async () => {
      const before = await snapshot();
      expect(errorOf(await poverty.queryAs(countyOfficer, CREATE_CADRE, { input: cadre({ villageCode: OTHER_VILLAGE }) }))).toMatchObject({
        code: 'FORBIDDEN',
        reason: 'outside-region',
      });
      expect(errorOf(await poverty.queryAs(assistantA, CREATE_CADRE, { input: cadre({ villageCode: VILLAGE_B }) }))).toMatchObject({ code: 'FORBIDDEN' });
      expect(errorOf(await poverty.queryAs(hrOfficer, CREATE_CADRE, { input: cadre() }))).toMatchObject({ code: 'FORBIDDEN', reason: 'other-department' });
      expect(errorOf(await poverty.queryAs(partnerCity, CREATE_CADRE, { input: cadre() }))).toMatchObject({ code: 'FORBIDDEN' });
      expect(errorOf(await poverty.queryAs(countyOfficer, CREATE_CADRE, { input: cadre({ unitId: '99999' }) }))).toMatchObject({ code: 'NOT_FOUND', field: 'input.unitId' });
      expect(await snapshot()).toEqual(before);
      expect((await createCadre(assistantA, { name: '村里的帮扶人' })).postings[0].villageCode).toBe(VILLAGE_A);
    });

    it('is listed to region staff serving their region only; others read none, and no cadre list is given outside region staff', async () => {
      const inB = await createCadre(countyOfficer, { name: '王芳', villageCode: VILLAGE_B, phone: '13987654321' });
      const county = await poverty.queryAs(countyOfficer, CADRES);
      expect(county.data.cadres.nodes.map((c: { id: string }) => c.id)).toContain(inB.id);
      const village = await poverty.queryAs(assistantA, CADRES);
      expect(village.errors).toBeUndefined();
      expect(village.data.cadres.nodes.map((c: { id: string }) => c.id)).not.toContain(inB.id);
      expect(village.data.cadres.totalCount).toBe(village.data.cadres.nodes.length);
      expect((await poverty.queryAs(assistantA, CADRE, { id: inB.id })).data.cadre).toBeNull();
      expect((await poverty.queryAs(countyOfficer, CADRE, { id: inB.id })).data.cadre).toMatchObject({ name: '王芳' });
      expect((await poverty.queryAs(countyOfficer, CADRES, { villageCode: VILLAGE_B })).data.cadres.nodes.map((c: { id: string }) => c.id)).toEqual([inB.id]);
      expect(errorOf(await poverty.queryAs(assistantA, CADRES, { villageCode: VILLAGE_B }))).toMatchObject({ code: 'FORBIDDEN' });
      expect((await poverty.queryAs(otherCounty, CADRES)).data.cadres).toEqual({ totalCount: 0, nodes: [] });
      expect(errorOf(await poverty.queryAs(partnerCity, CADRES))).toMatchObject({ code: 'FORBIDDEN' });
      expect(errorOf(await poverty.queryAs(dashboard, CADRES))).toMatchObject({ code: 'FORBIDDEN' });
    });

    it('changes a cadre of the region; another region’s reads as missing', async () => {
      const { id } = await createCadre(countyOfficer, { name: '赵强' });
      const changed = await poverty.queryAs(countyOfficer, UPDATE_CADRE, { input: { id, role: 'RESIDENT_TEAM_MEMBER', phone: '13711112222' } });
      expect(changed.data.updateCadre).toMatchObject({ name: '赵强', role: 'RESIDENT_TEAM_MEMBER', phoneMasked: '137****2222' });
      const cleared = await poverty.queryAs(countyOfficer, UPDATE_CADRE, { input: { id, clearPhone: true } });
      expect(cleared.data.updateCadre.phoneMasked).toBeNull();
      const before = await snapshot();
      expect(fieldsOf(await poverty.queryAs(countyOfficer, UPDATE_CADRE, { input: { id, phone: '1371111222', name: '' } })).sort()).toEqual(['input.name', 'input.phone']);
      expect(fieldsOf(await poverty.queryAs(countyOfficer, UPDATE_CADRE, { input: { id, phone: '13711112222', clearPhone: true } }))).toEqual(['input.clearPhone']);
      const foreign = await poverty.queryAs(otherCounty, UPDATE_CADRE, { input: { id, name: '改名' } });
      const missing = await poverty.queryAs(otherCounty, UPDATE_CADRE, { input: { id: '99999', name: '改名' } });
      expect(errorOf(foreign)).toEqual(errorOf(missing));
      expect(foreign.errors?.[0].message).toBe(missing.errors?.[0].message);
      expect(await snapshot()).toEqual(before);
    });

    it('posts a cadre to a further village and ends a posting only once no household of it is left with them', async () => {
      const { id, postings } = await createCadre(countyOfficer, { name: '孙丽', since: '2020-01-01' });
      const posted = await poverty.queryAs(countyOfficer, POST_CADRE, { input: { cadreId: id, villageCode: VILLAGE_B, since: '2022-01-01' } });
      expect(posted.data.postCadre).toMatchObject({ villageCode: VILLAGE_B, until: null, cadre: { id } });
      expect(errorOf(await poverty.queryAs(countyOfficer, POST_CADRE, { input: { cadreId: id, villageCode: VILLAGE_B, since: '2023-01-01' } }))).toMatchObject({
        code: 'CONFLICT',
        field: 'input.villageCode',
      });

      // assignResponsibility keeps to the postings: the cadre serves village A since 2020.
      expect(errorOf(await poverty.queryAs(countyOfficer, ASSIGN, { input: { householdCode: HOUSEHOLD, cadreId: id, since: '2019-12-31' } }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.since',
      });
      const assigned = await poverty.queryAs(countyOfficer, ASSIGN, { input: { householdCode: HOUSEHOLD, cadreId: id, since: '2020-01-01' } });
      expect(assigned.errors).toBeUndefined();

      const postingA = postings[0].id;
      const before = await snapshot();
      expect(errorOf(await poverty.queryAs(countyOfficer, END_POSTING, { input: { postingId: postingA, until: TODAY, reason: '轮换' } }))).toMatchObject({
        code: 'CONFLICT',
        field: 'input.postingId',
      });
      expect(errorOf(await poverty.queryAs(countyOfficer, END_POSTING, { input: { postingId: postingA, until: '2019-12-31', reason: '轮换' } }))).toMatchObject({
        code: 'BAD_USER_INPUT',
      });
      expect(errorOf(await poverty.queryAs(otherCounty, END_POSTING, { input: { postingId: postingA, until: TODAY, reason: '轮换' } }))).toMatchObject({ code: 'NOT_FOUND' });
      expect(await snapshot()).toEqual(before);

      // Hand the household to another cadre of the village, then the posting ends.
      const successor = await createCadre(countyOfficer, { name: '周强', since: '2020-01-01' });
      expect((await poverty.queryAs(countyOfficer, ASSIGN, { input: { householdCode: HOUSEHOLD, cadreId: successor.id, since: TODAY } })).errors).toBeUndefined();
      const ended = await poverty.queryAs(countyOfficer, END_POSTING, { input: { postingId: postingA, until: TODAY, reason: '驻村期满轮换' } });
      expect(ended.data.endCadrePosting).toMatchObject({ until: TODAY, endReason: '驻村期满轮换' });
      expect(errorOf(await poverty.queryAs(countyOfficer, END_POSTING, { input: { postingId: postingA, until: TODAY, reason: '再次' } }))).toMatchObject({ code: 'CONFLICT' });
      // No longer serving village A: not assigned there again.
      expect(errorOf(await poverty.queryAs(countyOfficer, ASSIGN, { input: { householdCode: HOUSEHOLD, cadreId: id, since: addDays(TODAY, 1) } }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.cadreId',
      });
      // A new posting there starts after the last one ended.
      expect(errorOf(await poverty.queryAs(countyOfficer, POST_CADRE, { input: { cadreId: id, villageCode: VILLAGE_A, since: TODAY } }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.since',
      });
    });
  });
});
