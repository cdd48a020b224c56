import { idNumberCheckCharacter, makeIdNumber, todayInChina } from '@jiuye/common';
import { povertySubgraph } from '@jiuye/poverty';
import { ENTITIES_QUERY, pseudonymOf, startTestSubgraph, type TestSubgraph } from '@jiuye/testing/harness';

const COUNTY = '530113';
const TOWNSHIP = '530113101';
const VILLAGE = '530113101001';
const HOUSEHOLD = `${VILLAGE}0001`;
const HOUSEHOLD_2 = `${VILLAGE}0002`;
const UNREGISTERED = `${VILLAGE}0999`;

const HEAD = makeIdNumber(COUNTY, '1968-03-15', 11);
const SPOUSE = makeIdNumber(COUNTY, '1970-07-02', 22);
const SON = makeIdNumber(COUNTY, '1995-10-20', 31);
const BABY = makeIdNumber(COUNTY, '2024-05-01', 42);
const OTHER_HEAD = makeIdNumber(COUNTY, '1980-01-01', 51);

/** ID numbers wrong in each way a clerk gets them wrong. */
const WRONG_CHECK = (() => {
  const valid = makeIdNumber(COUNTY, '1990-01-01', 61);
  return valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
})();
const IMPOSSIBLE_DATE = (() => {
  const first17 = `${COUNTY}19990230071`;
  return first17 + idNumberCheckCharacter(first17);
})();
const SEVENTEEN = makeIdNumber(COUNTY, '1990-01-01', 81).slice(0, 17);
const LOWERCASE_X = (() => {
  for (let sequence = 100; ; sequence++) {
    const id = makeIdNumber(COUNTY, '1985-06-06', sequence);
    if (id.endsWith('X')) return id.slice(0, 17) + 'x';
  }
})();

const HOUSEHOLD_FIELDS = `code povertyStatus statusSince registeredYear
  statusHistory { fromStatus toStatus effectiveOn reason }
  relocationSite { id name }
  responsibility { since until cadre { id name phoneMasked unit { name } } unit { name } }
  registeredMembers { worker { id } name relationship sex age current }`;

const REGISTER = `mutation($input: RegisterHouseholdInput!) { registerHousehold(input: $input) { ${HOUSEHOLD_FIELDS} } }`;
const CHANGE = `mutation($input: ChangePovertyStatusInput!) { changePovertyStatus(input: $input) { code povertyStatus statusSince statusHistory { fromStatus toStatus effectiveOn } } }`;
const ASSIGN = `mutation($input: AssignResponsibilityInput!) { assignResponsibility(input: $input) { id since until cadre { name } unit { name } household { code } } }`;
const ADD = `mutation($input: AddHouseholdMemberInput!) { addHouseholdMember(input: $input) { id name relationship sex current worker { id } household { code } } }`;
const REMOVE = `mutation($input: RemoveHouseholdMemberInput!) { removeHouseholdMember(input: $input) { id relationship removedOn removalReason current } }`;

function registration(code: string, members: { idNumber: string; name: string; relationship: string }[], extra: Record<string, unknown> = {}) {
  return { input: { code, registeredOn: '2016-04-10', status: 'NOT_LIFTED', reason: '因病致贫，缺劳动力', members, ...extra } };
}

describe('poverty subgraph', () => {
  let poverty: TestSubgraph;
  let siteId: number;
  let unitId: number;
  let cadreIds: number[];

  const count = async (table: string): Promise<number> => (await poverty.sql<{ n: number }>(`select count(*)::int as n from "${table}"`))[0].n;
  const counts = async () => ({
    household: await count('household'),
    household_member: await count('household_member'),
    poverty_status_change: await count('poverty_status_change'),
    household_responsibility: await count('household_responsibility'),
  });

  beforeAll(async () => {
    poverty = await startTestSubgraph(povertySubgraph);
    [{ id: siteId }] = await poverty.sql<{ id: number }>(
      `insert into relocation_site (name, division_code, capacity_households) values ('汤丹镇易地扶贫搬迁安置点', '${TOWNSHIP}', 400) returning id`,
    );
    [{ id: unitId }] = await poverty.sql<{ id: number }>(`insert into responsible_unit (name) values ('东川区人力资源和社会保障局') returning id`);
    const cadres = await poverty.sql<{ id: number }>(
      `insert into cadre (name, unit_id, phone) values ('李明', ?, '13812345678'), ('王芳', ?, '13987654321'), ('赵强', ?, null) returning id`,
      [unitId, unitId, unitId],
    );
    cadreIds = cadres.map((c) => c.id);
    // The villages they serve (issue 13): assignResponsibility needs the cadre posted in the household's village.
    for (const id of cadreIds) await poverty.sql(`insert into cadre_posting (cadre_id, village_code, since) values (?, ?, '2015-01-01')`, [id, VILLAGE]);
  });
  afterAll(() => poverty?.stop());

  describe('registerHousehold', () => {
    it('registers a household with its members and first status, in one go', async () => {
      const response = await poverty.query(
        REGISTER,
        registration(
          HOUSEHOLD,
          [
            { idNumber: SPOUSE, name: '张秀英', relationship: 'SPOUSE' },
            { idNumber: HEAD, name: '王大山', relationship: 'HEAD' },
            { idNumber: SON, name: '王小明', relationship: 'CHILD' },
          ],
          { relocationSiteId: String(siteId) },
        ),
      );
      expect(response.errors).toBeUndefined();
      const household = response.data.registerHousehold;
      expect(household).toMatchObject({
        code: HOUSEHOLD,
        povertyStatus: 'NOT_LIFTED',
        statusSince: '2016-04-10',
        registeredYear: 2016,
        statusHistory: [{ fromStatus: null, toStatus: 'NOT_LIFTED', effectiveOn: '2016-04-10', reason: '因病致贫，缺劳动力' }],
        relocationSite: { id: String(siteId), name: '汤丹镇易地扶贫搬迁安置点' },
        responsibility: null,
      });
      // Head first; sex and age come from the ID number.
      expect(household.registeredMembers.map((m: { name: string }) => m.name)).toEqual(['王大山', '张秀英', '王小明']);
      expect(household.registeredMembers[0]).toMatchObject({ worker: { id: pseudonymOf(HEAD) }, relationship: 'HEAD', sex: 'MALE', current: true });
      expect(household.registeredMembers[1]).toMatchObject({ relationship: 'SPOUSE', sex: 'FEMALE' });
      const today = todayInChina();
      const expectedAge = Number(today.slice(0, 4)) - 1968 - (today.slice(5) < '03-15' ? 1 : 0);
      expect(household.registeredMembers[0].age).toBe(expectedAge);
      expect(await poverty.sql('select id_number from household_member where worker_id = ?', [pseudonymOf(HEAD)])).toEqual([{ id_number: HEAD }]);
    });

    it('refuses a household registered already (CONFLICT) and writes nothing', async () => {
      const before = await counts();
      const again = await poverty.query(REGISTER, registration(HOUSEHOLD, [{ idNumber: OTHER_HEAD, name: '刘一', relationship: 'HEAD' }]));
      expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.code' });
      expect(await counts()).toEqual(before);
    });

    it('refuses a person who is a current member of another registered household', async () => {
      const before = await counts();
      const response = await poverty.query(
        REGISTER,
        registration(HOUSEHOLD_2, [
          { idNumber: OTHER_HEAD, name: '刘一', relationship: 'HEAD' },
          { idNumber: SON, name: '王小明', relationship: 'SPOUSE' },
        ]),
      );
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.members[1].idNumber' });
      expect(response.errors?.[0].message).not.toContain(SON);
      expect(await counts()).toEqual(before);
    });

    it('with one bad member names input.members[i].idNumber and writes nothing', async () => {
      const before = await counts();
      const response = await poverty.query(
        REGISTER,
        registration(HOUSEHOLD_2, [
          { idNumber: OTHER_HEAD, name: '刘一', relationship: 'HEAD' },
          { idNumber: makeIdNumber(COUNTY, '1982-02-02', 91), name: '陈二', relationship: 'SPOUSE' },
          { idNumber: WRONG_CHECK, name: '刘三', relationship: 'CHILD' },
        ]),
      );
      expect(response.data).toBeNull();
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.members[2].idNumber' });
      expect(response.errors?.[0].extensions?.problems).toEqual([
        { field: 'input.members[2].idNumber', message: expect.stringMatching(/check character/), reason: 'CHECK_CHARACTER' },
      ]);
      expect(response.errors?.[0].message).not.toContain(WRONG_CHECK);
      expect(await counts()).toEqual(before);
    });

    it('names every wrong field at once: code, date, status, reason, heads, duplicates, names', async () => {
      const before = await counts();
      const response = await poverty.query(REGISTER, {
        input: {
          code: '53011310100100',
          registeredOn: '2999-01-01',
          status: 'LIFTED',
          reason: '病',
          relocationSiteId: 'abc',
          members: [
            { idNumber: OTHER_HEAD, name: '刘一', relationship: 'CHILD' },
            { idNumber: OTHER_HEAD, name: '  ', relationship: 'CHILD' },
            { idNumber: SEVENTEEN, name: '刘三', relationship: 'SPOUSE' },
          ],
        },
      });
      expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0].extensions?.problems.map((p: { field: string }) => p.field)).toEqual([
        'input.code',
        'input.registeredOn',
        'input.status',
        'input.reason',
        'input.relocationSiteId',
        'input.members[1].name',
        'input.members[2].idNumber',
        'input.members[1].idNumber',
        'input.members',
      ]);
      expect(await counts()).toEqual(before);
    });

    it('refuses an unknown relocation site (NOT_FOUND) and writes nothing', async () => {
      const before = await counts();
      const response = await poverty.query(REGISTER, registration(HOUSEHOLD_2, [{ idNumber: OTHER_HEAD, name: '刘一', relationship: 'HEAD' }], { relocationSiteId: '999999' }));
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.relocationSiteId' });
      expect(await counts()).toEqual(before);
    });

    it('registers a monitored household (边缘易致贫)', async () => {
      const response = await poverty.query(
        REGISTER,
        registration(HOUSEHOLD_2, [{ idNumber: OTHER_HEAD, name: '刘一', relationship: 'HEAD' }], { status: 'MARGINAL', registeredOn: '2021-09-01', reason: '突发重病，支出骤增' }),
      );
      expect(response.errors).toBeUndefined();
      expect(response.data.registerHousehold).toMatchObject({ povertyStatus: 'MARGINAL', registeredYear: 2021, relocationSite: null });
    });
  });

  describe('household queries', () => {
    it('household(code) returns a registered household, BAD_USER_INPUT for a malformed code, NOT_FOUND otherwise', async () => {
      const found = await poverty.query(`query($code: String!) { household(code: $code) { code povertyStatus registeredMembers { name } } }`, { code: HOUSEHOLD });
      expect(found.errors).toBeUndefined();
      expect(found.data.household).toMatchObject({ code: HOUSEHOLD, povertyStatus: 'NOT_LIFTED' });

      const malformed = await poverty.query(`{ household(code: "53011310100") { code } }`);
      expect(malformed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });

      const missing = await poverty.query(`query($code: String!) { household(code: $code) { code } }`, { code: UNREGISTERED });
      expect(missing.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'code' });
    });

    it('resolves an unregistered household reference to empty fields instead of failing', async () => {
      const response = await poverty.query(ENTITIES_QUERY(`... on Household { ${HOUSEHOLD_FIELDS} }`), {
        representations: [
          { __typename: 'Household', code: UNREGISTERED },
          { __typename: 'Household', code: HOUSEHOLD_2 },
        ],
      });
      expect(response.errors).toBeUndefined();
      expect(response.data._entities[0]).toEqual({
        code: UNREGISTERED,
        povertyStatus: null,
        statusSince: null,
        registeredYear: null,
        statusHistory: [],
        relocationSite: null,
        responsibility: null,
        registeredMembers: [],
      });
      expect(response.data._entities[1]).toMatchObject({ code: HOUSEHOLD_2, povertyStatus: 'MARGINAL', registeredMembers: [{ name: '刘一', relationship: 'HEAD' }] });
    });

    it('Worker carries the registered household, its status and the relationship to the head', async () => {
      const response = await poverty.query(ENTITIES_QUERY('... on Worker { id povertyStatus relationshipToHead povertyHousehold { code povertyStatus } }'), {
        representations: [
          { __typename: 'Worker', id: pseudonymOf(SPOUSE) },
          { __typename: 'Worker', id: pseudonymOf(OTHER_HEAD) },
          { __typename: 'Worker', id: 'w-not-registered' },
        ],
      });
      expect(response.errors).toBeUndefined();
      expect(response.data._entities).toEqual([
        { id: pseudonymOf(SPOUSE), povertyStatus: 'NOT_LIFTED', relationshipToHead: 'SPOUSE', povertyHousehold: { code: HOUSEHOLD, povertyStatus: 'NOT_LIFTED' } },
        { id: pseudonymOf(OTHER_HEAD), povertyStatus: 'MARGINAL', relationshipToHead: 'HEAD', povertyHousehold: { code: HOUSEHOLD_2, povertyStatus: 'MARGINAL' } },
        { id: 'w-not-registered', povertyStatus: null, relationshipToHead: null, povertyHousehold: null },
      ]);
    });
  });

  describe('changePovertyStatus', () => {
    it('appends to the history and updates the household', async () => {
      const lifted = await poverty.query(CHANGE, { input: { householdCode: HOUSEHOLD, status: 'LIFTED', effectiveOn: '2019-12-20', reason: '务工收入稳定，两不愁三保障达标' } });
      expect(lifted.errors).toBeUndefined();
      expect(lifted.data.changePovertyStatus).toEqual({
        code: HOUSEHOLD,
        povertyStatus: 'LIFTED',
        statusSince: '2019-12-20',
        statusHistory: [
          { fromStatus: null, toStatus: 'NOT_LIFTED', effectiveOn: '2016-04-10' },
          { fromStatus: 'NOT_LIFTED', toStatus: 'LIFTED', effectiveOn: '2019-12-20' },
        ],
      });
      // The same day as the last change is allowed (a correction the same day).
      const unstable = await poverty.query(CHANGE, {
        input: { householdCode: HOUSEHOLD, status: 'LIFTED_UNSTABLE', effectiveOn: '2019-12-20', reason: '主要劳动力返乡，收入不稳' },
      });
      expect(unstable.data.changePovertyStatus.statusHistory.map((c: { toStatus: string }) => c.toStatus)).toEqual(['NOT_LIFTED', 'LIFTED', 'LIFTED_UNSTABLE']);
      const back = await poverty.query(CHANGE, { input: { householdCode: HOUSEHOLD, status: 'LIFTED', effectiveOn: '2021-03-01', reason: '稳定就业，风险消除' } });
      expect(back.data.changePovertyStatus).toMatchObject({ povertyStatus: 'LIFTED', statusSince: '2021-03-01' });
      const rows = await poverty.sql('select poverty_status, status_since from household where code = ?', [HOUSEHOLD]);
      expect(rows).toEqual([{ poverty_status: 'LIFTED', status_since: '2021-03-01' }]);
    });

    it('refuses the same status (CONFLICT) and an earlier date (BAD_USER_INPUT), writing nothing', async () => {
      const before = await counts();
      const same = await poverty.query(CHANGE, { input: { householdCode: HOUSEHOLD, status: 'LIFTED', effectiveOn: '2022-01-01', reason: '重复标注脱贫' } });
      expect(same.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.status' });
      const earlier = await poverty.query(CHANGE, { input: { householdCode: HOUSEHOLD, status: 'NOT_LIFTED', effectiveOn: '2021-02-28', reason: '补录返贫情况' } });
      expect(earlier.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.effectiveOn' });
      expect(earlier.errors?.[0].message).toContain('2021-03-01');
      expect(await counts()).toEqual(before);
      expect(await poverty.sql('select poverty_status from household where code = ?', [HOUSEHOLD])).toEqual([{ poverty_status: 'LIFTED' }]);
    });

    it('checks the reason, the date and the household', async () => {
      const before = await counts();
      const bad = await poverty.query(CHANGE, { input: { householdCode: '123', status: 'NOT_LIFTED', effectiveOn: '2999-01-01', reason: '返' } });
      expect(bad.errors?.[0].extensions?.problems.map((p: { field: string }) => p.field)).toEqual(['input.householdCode', 'input.effectiveOn', 'input.reason']);
      const long = await poverty.query(CHANGE, { input: { householdCode: HOUSEHOLD, status: 'NOT_LIFTED', effectiveOn: '2022-01-01', reason: '因'.repeat(201) } });
      expect(long.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reason' });
      const missing = await poverty.query(CHANGE, { input: { householdCode: UNREGISTERED, status: 'NOT_LIFTED', effectiveOn: '2022-01-01', reason: '因灾返贫风险' } });
      expect(missing.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.householdCode' });
      expect(await counts()).toEqual(before);
    });
  });

  describe('assignResponsibility', () => {
    it('opens a responsibility, and a new cadre closes the previous one the day before', async () => {
      const first = await poverty.query(ASSIGN, { input: { householdCode: HOUSEHOLD, cadreId: String(cadreIds[0]), since: '2018-01-01' } });
      expect(first.errors).toBeUndefined();
      expect(first.data.assignResponsibility).toMatchObject({
        since: '2018-01-01',
        until: null,
        cadre: { name: '李明' },
        unit: { name: '东川区人力资源和社会保障局' },
        household: { code: HOUSEHOLD },
      });

      const second = await poverty.query(ASSIGN, { input: { householdCode: HOUSEHOLD, cadreId: String(cadreIds[1]), since: '2021-03-01' } });
      expect(second.errors).toBeUndefined();
      const history = await poverty.sql('select cadre_id, since, until from household_responsibility where household_code = ? order by since', [HOUSEHOLD]);
      expect(history).toEqual([
        { cadre_id: cadreIds[0], since: '2018-01-01', until: '2021-02-28' },
        { cadre_id: cadreIds[1], since: '2021-03-01', until: null },
      ]);

      const household = await poverty.query(
        `query($code: String!) { household(code: $code) { responsibility { since cadre { name phoneMasked unit { name } } unit { name } } } }`,
        { code: HOUSEHOLD },
      );
      expect(household.data.household.responsibility).toEqual({
        since: '2021-03-01',
        cadre: { name: '王芳', phoneMasked: '139****4321', unit: { name: '东川区人力资源和社会保障局' } },
        unit: { name: '东川区人力资源和社会保障局' },
      });
    });

    it('refuses the same cadre, a start not after the current one, unknown cadres and households; writes nothing', async () => {
      const before = await counts();
      const same = await poverty.query(ASSIGN, { input: { householdCode: HOUSEHOLD, cadreId: String(cadreIds[1]), since: '2022-01-01' } });
      expect(same.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.cadreId' });
      const early = await poverty.query(ASSIGN, { input: { householdCode: HOUSEHOLD, cadreId: String(cadreIds[2]), since: '2021-03-01' } });
      expect(early.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.since' });
      const noCadre = await poverty.query(ASSIGN, { input: { householdCode: HOUSEHOLD, cadreId: '999999', since: '2022-01-01' } });
      expect(noCadre.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.cadreId' });
      const noHousehold = await poverty.query(ASSIGN, { input: { householdCode: UNREGISTERED, cadreId: String(cadreIds[2]), since: '2022-01-01' } });
      expect(noHousehold.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.householdCode' });
      const malformed = await poverty.query(ASSIGN, { input: { householdCode: 'x', cadreId: '-1', since: '2022-01-01' } });
      expect(malformed.errors?.[0].extensions?.problems.map((p: { field: string }) => p.field)).toEqual(['input.householdCode', 'input.cadreId']);
      expect(await counts()).toEqual(before);
      expect(await poverty.sql('select count(*)::int as n from household_responsibility where until is null and household_code = ?', [HOUSEHOLD])).toEqual([{ n: 1 }]);
    });
  });

  describe('household members', () => {
    it('adds a member; a second head, a present member or a member of another household is refused', async () => {
      const added = await poverty.query(ADD, { input: { householdCode: HOUSEHOLD, idNumber: BABY, name: '王小宝', relationship: 'GRANDCHILD' } });
      expect(added.errors).toBeUndefined();
      expect(added.data.addHouseholdMember).toMatchObject({
        name: '王小宝',
        relationship: 'GRANDCHILD',
        sex: 'FEMALE',
        current: true,
        worker: { id: pseudonymOf(BABY) },
        household: { code: HOUSEHOLD },
      });

      const before = await counts();
      const secondHead = await poverty.query(ADD, { input: { householdCode: HOUSEHOLD, idNumber: makeIdNumber(COUNTY, '1950-01-01', 93), name: '王老汉', relationship: 'HEAD' } });
      expect(secondHead.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.relationship' });
      const present = await poverty.query(ADD, { input: { householdCode: HOUSEHOLD, idNumber: BABY, name: '王小宝', relationship: 'GRANDCHILD' } });
      expect(present.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.idNumber' });
      const elsewhere = await poverty.query(ADD, { input: { householdCode: HOUSEHOLD, idNumber: OTHER_HEAD, name: '刘一', relationship: 'OTHER' } });
      expect(elsewhere.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.idNumber' });
      const noName = await poverty.query(ADD, { input: { householdCode: UNREGISTERED, idNumber: makeIdNumber(COUNTY, '1950-01-01', 95), name: '', relationship: 'OTHER' } });
      expect(noName.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
      const noHousehold = await poverty.query(ADD, {
        input: { householdCode: UNREGISTERED, idNumber: makeIdNumber(COUNTY, '1950-01-01', 95), name: '王某', relationship: 'OTHER' },
      });
      expect(noHousehold.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.householdCode' });
      expect(await counts()).toEqual(before);
    });

    it('removes a member; the head leaves only naming a new head', async () => {
      const before = await counts();
      const headWithoutSuccessor = await poverty.query(REMOVE, { input: { householdCode: HOUSEHOLD, idNumber: HEAD, removedOn: '2024-02-01', reason: '死亡' } });
      expect(headWithoutSuccessor.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.newHeadIdNumber' });
      const notMember = await poverty.query(REMOVE, { input: { householdCode: HOUSEHOLD, idNumber: OTHER_HEAD, removedOn: '2024-02-01', reason: '迁出' } });
      expect(notMember.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.idNumber' });
      const beforeBirth = await poverty.query(REMOVE, { input: { householdCode: HOUSEHOLD, idNumber: BABY, removedOn: '2024-04-30', reason: '迁出' } });
      expect(beforeBirth.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.removedOn' });
      const bad = await poverty.query(REMOVE, { input: { householdCode: HOUSEHOLD, idNumber: SON, removedOn: '2999-01-01', reason: '走' } });
      expect(bad.errors?.[0].extensions?.problems.map((p: { field: string }) => p.field)).toEqual(['input.removedOn', 'input.reason']);
      expect(await poverty.sql('select count(*)::int as n from household_member where removed_on is not null')).toEqual([{ n: 0 }]);
      expect(await counts()).toEqual(before);

      const removed = await poverty.query(REMOVE, { input: { householdCode: HOUSEHOLD, idNumber: HEAD, removedOn: '2024-02-01', reason: '死亡', newHeadIdNumber: SPOUSE } });
      expect(removed.errors).toBeUndefined();
      expect(removed.data.removeHouseholdMember).toMatchObject({ relationship: 'HEAD', removedOn: '2024-02-01', removalReason: '死亡', current: false });

      const household = await poverty.query(
        `query($code: String!) { household(code: $code) { registeredMembers { name relationship } all: registeredMembers(includeRemoved: true) { name } } }`,
        { code: HOUSEHOLD },
      );
      expect(household.data.household.registeredMembers).toEqual([
        { name: '张秀英', relationship: 'HEAD' },
        { name: '王小明', relationship: 'CHILD' },
        { name: '王小宝', relationship: 'GRANDCHILD' },
      ]);
      expect(household.data.household.all).toHaveLength(4);

      const worker = await poverty.query(ENTITIES_QUERY('... on Worker { povertyStatus povertyHousehold { code } }'), {
        representations: [{ __typename: 'Worker', id: pseudonymOf(HEAD) }],
      });
      expect(worker.data._entities[0]).toEqual({ povertyStatus: null, povertyHousehold: null });
    });

    it('a person who left can join another household, and come back later', async () => {
      const moved = await poverty.query(REMOVE, { input: { householdCode: HOUSEHOLD, idNumber: SON, removedOn: '2024-06-01', reason: '婚后迁入配偶家' } });
      expect(moved.errors).toBeUndefined();
      const joined = await poverty.query(ADD, { input: { householdCode: HOUSEHOLD_2, idNumber: SON, name: '王小明', relationship: 'OTHER' } });
      expect(joined.errors).toBeUndefined();
      const leftAgain = await poverty.query(REMOVE, { input: { householdCode: HOUSEHOLD_2, idNumber: SON, removedOn: '2025-01-01', reason: '离婚后迁回' } });
      expect(leftAgain.errors).toBeUndefined();
      const back = await poverty.query(ADD, { input: { householdCode: HOUSEHOLD, idNumber: SON, name: '王小明', relationship: 'CHILD' } });
      expect(back.errors).toBeUndefined();
      expect(back.data.addHouseholdMember.id).toBe(moved.data.removeHouseholdMember.id);
      const worker = await poverty.query(ENTITIES_QUERY('... on Worker { relationshipToHead povertyHousehold { code } }'), {
        representations: [{ __typename: 'Worker', id: pseudonymOf(SON) }],
      });
      expect(worker.data._entities[0]).toEqual({ relationshipToHead: 'CHILD', povertyHousehold: { code: HOUSEHOLD } });
    });
  });

  describe('malformed ID numbers', () => {
    const cases: [string, string, string][] = [
      ['wrong check character', WRONG_CHECK, 'CHECK_CHARACTER'],
      ['impossible birth date 19990230', IMPOSSIBLE_DATE, 'BIRTH_DATE'],
      ['17 characters', SEVENTEEN, 'LENGTH'],
      ['lowercase x', LOWERCASE_X, 'LOWERCASE_X'],
    ];

    it.each(cases)('rejects an ID number with a %s, naming the reason and writing nothing', async (_label, idNumber, reason) => {
      const before = await counts();
      const added = await poverty.query(ADD, { input: { householdCode: HOUSEHOLD, idNumber, name: '测试', relationship: 'OTHER' } });
      expect(added.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.idNumber', reason });
      expect(added.errors?.[0].message).not.toContain(idNumber);

      const removed = await poverty.query(REMOVE, { input: { householdCode: HOUSEHOLD, idNumber, removedOn: '2024-01-01', reason: '迁出' } });
      expect(removed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.idNumber', reason });

      const registered = await poverty.query(REGISTER, registration(`${VILLAGE}0050`, [{ idNumber, name: '测试', relationship: 'HEAD' }]));
      expect(registered.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.members[0].idNumber', reason });
      expect(registered.errors?.[0].message).not.toContain(idNumber);
      expect(await counts()).toEqual(before);
    });
  });

  describe('lists, pages and counts', () => {
    const BULK_TOWNSHIP = '530113102';
    const villages = Array.from({ length: 20 }, (_, i) => `${BULK_TOWNSHIP}${String(i + 1).padStart(3, '0')}`);
    let bulkCodes: string[];
    let bulkWorkers: string[];

    beforeAll(async () => {
      // 240 registered households (12 per village, statuses in turn), two members each, a
      // status history, a relocation site for every third and a responsible cadre for each.
      await poverty.sql(
        `insert into household (code, village_code, poverty_status, status_since, registered_year, relocation_site_id)
         select v || lpad(s::text, 4, '0'), v,
                (array['NOT_LIFTED','LIFTED','LIFTED_UNSTABLE','MARGINAL','SUDDEN_HARDSHIP'])[1 + s % 5],
                date '2020-06-30', 2016, case when s % 3 = 0 then ?::int end
           from unnest(array[?]::text[]) v, generate_series(1, 12) s`,
        [siteId, villages],
      );
      await poverty.sql(
        `insert into household_member (household_code, worker_id, id_number, name, sex, birth_date, relationship)
         select code, 'w-bulk-' || code || '-' || n, lpad(n::text, 18, '0'), '成员' || n, case when n = 1 then 'MALE' else 'FEMALE' end,
                date '1980-01-01', case when n = 1 then 'HEAD' else 'SPOUSE' end
           from household, generate_series(1, 2) n where code like ? || '%' order by code, n`,
        [BULK_TOWNSHIP],
      );
      await poverty.sql(
        `insert into poverty_status_change (household_code, from_status, to_status, effective_on, reason)
         select code, null, poverty_status, status_since, '批量建档' from household where code like ? || '%'`,
        [BULK_TOWNSHIP],
      );
      await poverty.sql(
        `insert into household_responsibility (household_code, cadre_id, unit_id, since)
         select code, ?::int, ?::int, date '2020-07-01' from household where code like ? || '%'`,
        [cadreIds[2], unitId, BULK_TOWNSHIP],
      );
      bulkCodes = (await poverty.sql<{ code: string }>(`select code from household where code like ? || '%' order by code`, [BULK_TOWNSHIP])).map((r) => r.code);
      bulkWorkers = (await poverty.sql<{ worker_id: string }>(`select worker_id from household_member where household_code like ? || '%' order by id`, [BULK_TOWNSHIP])).map(
        (r) => r.worker_id,
      );
      expect(bulkCodes).toHaveLength(240);
    });

    const HOUSEHOLDS = `query($divisionCode: DivisionCode!, $status: PovertyStatus, $first: Int, $after: String) {
      households(divisionCode: $divisionCode, status: $status, first: $first, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } nodes { code povertyStatus }
      }
    }`;

    it('pages registered households of a division by code: two pages, no overlap, totalCount', async () => {
      const first = await poverty.query(HOUSEHOLDS, { divisionCode: BULK_TOWNSHIP, first: 150 });
      expect(first.errors).toBeUndefined();
      expect(first.data.households.totalCount).toBe(240);
      expect(first.data.households.pageInfo.hasNextPage).toBe(true);
      const second = await poverty.query(HOUSEHOLDS, { divisionCode: BULK_TOWNSHIP, first: 150, after: first.data.households.pageInfo.endCursor });
      expect(second.data.households).toMatchObject({ totalCount: 240, pageInfo: { hasNextPage: false } });
      const codes = [...first.data.households.nodes, ...second.data.households.nodes].map((n: { code: string }) => n.code);
      expect(codes).toHaveLength(240);
      expect(new Set(codes).size).toBe(240);
      expect(codes).toEqual(bulkCodes);
    });

    it('filters by status and by a village, and checks its arguments', async () => {
      const marginal = await poverty.query(HOUSEHOLDS, { divisionCode: villages[0], status: 'MARGINAL', first: 10 });
      expect(marginal.data.households.totalCount).toBe(2); // s = 3 and s = 8
      expect(marginal.data.households.nodes).toEqual([
        { code: `${villages[0]}0003`, povertyStatus: 'MARGINAL' },
        { code: `${villages[0]}0008`, povertyStatus: 'MARGINAL' },
      ]);
      const tooMany = await poverty.query(HOUSEHOLDS, { divisionCode: BULK_TOWNSHIP, first: 501 });
      expect(tooMany.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
      const badCursor = await poverty.query(HOUSEHOLDS, { divisionCode: BULK_TOWNSHIP, after: 'nonsense' });
      expect(badCursor.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
      const badDivision = await poverty.query(HOUSEHOLDS, { divisionCode: '5301131' });
      expect(badDivision.errors?.[0].message).toMatch(/DivisionCode/);
    });

    it('Division.households pages the households of each division', async () => {
      const response = await poverty.query(
        ENTITIES_QUERY('... on Division { code households(status: LIFTED, first: 2) { totalCount pageInfo { hasNextPage } nodes { code povertyStatus } } }'),
        {
          representations: [
            { __typename: 'Division', code: villages[1] },
            { __typename: 'Division', code: '530113999001' },
          ],
        },
      );
      expect(response.errors).toBeUndefined();
      expect(response.data._entities).toEqual([
        {
          code: villages[1],
          households: {
            totalCount: 3, // s = 1, 6, 11
            pageInfo: { hasNextPage: true },
            nodes: [
              { code: `${villages[1]}0001`, povertyStatus: 'LIFTED' },
              { code: `${villages[1]}0006`, povertyStatus: 'LIFTED' },
            ],
          },
        },
        { code: '530113999001', households: { totalCount: 0, pageInfo: { hasNextPage: false }, nodes: [] } },
      ]);
    });

    it('povertyStatusCounts gives households and current members per status in one statement', async () => {
      const { response, statements } = await poverty.countStatements(`{ povertyStatusCounts(divisionCode: "${BULK_TOWNSHIP}") { status households members } }`);
      expect(response.errors).toBeUndefined();
      expect(statements).toBe(1);
      expect(response.data.povertyStatusCounts).toEqual([
        { status: 'NOT_LIFTED', households: 40, members: 80 },
        { status: 'LIFTED', households: 60, members: 120 },
        { status: 'LIFTED_UNSTABLE', households: 60, members: 120 },
        { status: 'MARGINAL', households: 40, members: 80 },
        { status: 'SUDDEN_HARDSHIP', households: 40, members: 80 },
      ]);
      const county = await poverty.query(`{ povertyStatusCounts(divisionCode: "${COUNTY}") { status households members } }`);
      // The county also holds the two households registered through the mutations (3 + 1 current members).
      const lifted = county.data.povertyStatusCounts.find((c: { status: string }) => c.status === 'LIFTED');
      const marginal = county.data.povertyStatusCounts.find((c: { status: string }) => c.status === 'MARGINAL');
      expect(lifted).toEqual({ status: 'LIFTED', households: 61, members: 123 });
      expect(marginal).toEqual({ status: 'MARGINAL', households: 41, members: 81 });
    });

    it('relocationSites and cadres are paged lists', async () => {
      const sites = await poverty.query(
        `{ relocationSites(divisionCode: "${COUNTY}") { totalCount nodes { id name divisionCode capacityHouseholds relocatedHouseholds division { code } } } }`,
      );
      expect(sites.errors).toBeUndefined();
      expect(sites.data.relocationSites).toEqual({
        totalCount: 1,
        nodes: [{ id: String(siteId), name: '汤丹镇易地扶贫搬迁安置点', divisionCode: TOWNSHIP, capacityHouseholds: 400, relocatedHouseholds: 81, division: { code: TOWNSHIP } }],
      });
      const none = await poverty.query(`{ relocationSites(divisionCode: "530114") { totalCount nodes { id } } }`);
      expect(none.data.relocationSites).toEqual({ totalCount: 0, nodes: [] });

      const page1 = await poverty.query(`{ cadres(unitId: "${unitId}", first: 2) { totalCount pageInfo { hasNextPage endCursor } nodes { id name phoneMasked unit { name } } } }`);
      expect(page1.errors).toBeUndefined();
      expect(page1.data.cadres.totalCount).toBe(3);
      expect(page1.data.cadres.nodes).toEqual([
        { id: String(cadreIds[0]), name: '李明', phoneMasked: '138****5678', unit: { name: '东川区人力资源和社会保障局' } },
        { id: String(cadreIds[1]), name: '王芳', phoneMasked: '139****4321', unit: { name: '东川区人力资源和社会保障局' } },
      ]);
      const page2 = await poverty.query(`query($after: String) { cadres(first: 2, after: $after) { pageInfo { hasNextPage } nodes { id phoneMasked households { code } } } }`, {
        after: page1.data.cadres.pageInfo.endCursor,
      });
      expect(page2.data.cadres.pageInfo.hasNextPage).toBe(false);
      expect(page2.data.cadres.nodes).toHaveLength(1);
      expect(page2.data.cadres.nodes[0]).toMatchObject({ id: String(cadreIds[2]), phoneMasked: null });
      expect(page2.data.cadres.nodes[0].households).toHaveLength(240);
      const badUnit = await poverty.query(`{ cadres(unitId: "x") { totalCount } }`);
      expect(badUnit.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'unitId' });
    });

    describe('_entities costs the same few statements for 10 and for 200 representations', () => {
      const measure = async (selection: string, representations: (n: number) => object[]) => {
        const small = await poverty.countStatements(ENTITIES_QUERY(selection), { representations: representations(10) });
        const large = await poverty.countStatements(ENTITIES_QUERY(selection), { representations: representations(200) });
        expect(small.response.errors).toBeUndefined();
        expect(large.response.errors).toBeUndefined();
        expect(large.response.data._entities).toHaveLength(200);
        return { small: small.statements, large: large.statements, response: large.response };
      };

      it('Household', async () => {
        const { small, large, response } = await measure(`... on Household { ${HOUSEHOLD_FIELDS} }`, (n) =>
          bulkCodes.slice(0, n).map((code) => ({ __typename: 'Household', code })),
        );
        expect(large).toBe(small);
        // household, history, relocation site, responsibility, cadre, unit, members
        expect(large).toBe(7);
        expect(response.data._entities[2]).toMatchObject({ relocationSite: { name: '汤丹镇易地扶贫搬迁安置点' }, responsibility: { cadre: { name: '赵强' } } });
        expect(response.data._entities[199].registeredMembers).toHaveLength(2);
      });

      it('Worker', async () => {
        const { small, large, response } = await measure('... on Worker { id povertyStatus relationshipToHead povertyHousehold { code povertyStatus registeredYear } }', (n) =>
          bulkWorkers.slice(0, n).map((id) => ({ __typename: 'Worker', id })),
        );
        expect(large).toBe(small);
        // memberships, households
        expect(large).toBe(2);
        expect(response.data._entities[1]).toMatchObject({ relationshipToHead: 'SPOUSE', povertyHousehold: { code: bulkCodes[0], registeredYear: 2016 } });
      });

      it('Division', async () => {
        const { small, large, response } = await measure('... on Division { code households(first: 5) { totalCount nodes { code povertyStatus statusSince } } }', (n) =>
          Array.from({ length: n }, (_, i) => ({ __typename: 'Division', code: `${BULK_TOWNSHIP}${String(i + 1).padStart(3, '0')}` })),
        );
        expect(large).toBe(small);
        // pages, counts; the households of the pages are already loaded
        expect(large).toBe(2);
        expect(response.data._entities[0].households.totalCount).toBe(12);
        expect(response.data._entities[0].households.nodes).toHaveLength(5);
        expect(response.data._entities[150].households).toEqual({ totalCount: 0, nodes: [] });
      });
    });
  });
});
