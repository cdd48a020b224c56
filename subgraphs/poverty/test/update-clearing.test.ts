import { NOT_CLEARABLE, type Identity, type Purpose } from '@jiuye/common';
import { povertySubgraph } from '@jiuye/poverty';
import { officerOf, startTestSubgraph, type GraphQLResponse, type TestSubgraph } from '@jiuye/testing/harness';

type Who = Identity & { purpose?: Purpose };
const countyOfficer: Who = officerOf('poverty', { region: '530113', permissions: [] });

const CREATE_UNIT = `mutation($input: CreateResponsibleUnitInput!) { createResponsibleUnit(input: $input) { id } }`;
const UPDATE_UNIT = `mutation($input: UpdateResponsibleUnitInput!) { updateResponsibleUnit(input: $input) { id name kind } }`;
const CREATE_CADRE = `mutation($input: CreateCadreInput!) { createCadre(input: $input) { id } }`;
const UPDATE_CADRE = `mutation($input: UpdateCadreInput!) { updateCadre(input: $input) { id name role phoneMasked unit { id } } }`;

function refused(response: GraphQLResponse): Record<string, string> {
  expect(response.data ?? null).toBeNull();
  const extensions = response.errors?.[0]?.extensions ?? {};
  expect(extensions.code).toBe('BAD_USER_INPUT');
  return Object.fromEntries((extensions.problems as { field: string; message: string }[]).map((p) => [p.field, p.message]));
}

describe('poverty update inputs: null clears an optional field, absent keeps it, null on a required field is refused; the history keeps old → null', () => {
  let poverty: TestSubgraph;
  let unitId: string;

  beforeAll(async () => {
    poverty = await startTestSubgraph(povertySubgraph);
    const unit = await poverty.queryAs(countyOfficer, CREATE_UNIT, { input: { name: '东川区人力资源和社会保障局', kind: 'PARTY_GOVERNMENT' } });
    unitId = unit.data.createResponsibleUnit.id;
  });
  afterAll(() => poverty?.stop());

  it('updateCadre: phone: null clears the phone (as clearPhone: true); name, unitId and role: null are refused, nothing written; left out, fields stay', async () => {
    const created = await poverty.queryAs(countyOfficer, CREATE_CADRE, {
      input: { name: '李明', unitId, role: 'RESPONSIBLE_PERSON', phone: '13812345678', villageCode: '530113101001', since: '2021-03-01' },
    });
    expect(created.errors).toBeUndefined();
    const id = created.data.createCadre.id;
    expect(refused(await poverty.queryAs(countyOfficer, UPDATE_CADRE, { input: { id, name: null, unitId: null, role: null, phone: null } }))).toEqual({
      'input.name': NOT_CLEARABLE,
      'input.unitId': NOT_CLEARABLE,
      'input.role': NOT_CLEARABLE,
    });
    expect(await poverty.sql('select phone from cadre where id = ?', [id])).toEqual([{ phone: '13812345678' }]);
    const kept = await poverty.queryAs(countyOfficer, UPDATE_CADRE, { input: { id, name: '李明华' } });
    expect(kept.data.updateCadre).toEqual({ id, name: '李明华', role: 'RESPONSIBLE_PERSON', phoneMasked: '138****5678', unit: { id: unitId } });
    const cleared = await poverty.queryAs(countyOfficer, UPDATE_CADRE, { input: { id, phone: null } });
    expect(cleared.data.updateCadre).toEqual({ id, name: '李明华', role: 'RESPONSIBLE_PERSON', phoneMasked: null, unit: { id: unitId } });
    const changes = await poverty.sql<{ changes: unknown }>(`select changes from change_history where table_name = 'cadre' and row_key = ? and operation = 'UPDATE' order by id`, [
      id,
    ]);
    expect(changes.map((h) => h.changes)).toEqual([{ name: ['李明', '李明华'] }, { phone: ['13812345678', null] }]);
  });

  it('updateCadre: account: null clears the account (as clearAccount: true), officers only — a village assistant sending null is refused', async () => {
    const created = await poverty.queryAs(countyOfficer, CREATE_CADRE, {
      input: { name: '王帮扶', unitId, role: 'RESPONSIBLE_PERSON', villageCode: '530113101001', since: '2021-03-01', account: 'wang.bangfu' },
    });
    expect(created.errors).toBeUndefined();
    const id = created.data.createCadre.id;
    const assistant: Who = { subject: 'assistant-530113101001', department: 'poverty', role: 'village_assistant', region: '530113101001', permissions: [], purpose: 'assistance' };
    const denied = await poverty.queryAs(assistant, UPDATE_CADRE, { input: { id, account: null } });
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await poverty.sql('select account from cadre where id = ?', [id])).toEqual([{ account: 'wang.bangfu' }]);
    const cleared = await poverty.queryAs(countyOfficer, UPDATE_CADRE, { input: { id, account: null } });
    expect(cleared.errors).toBeUndefined();
    expect(await poverty.sql('select account from cadre where id = ?', [id])).toEqual([{ account: null }]);
  });

  it('two officers giving one account to two cadres at once: one succeeds, the other gets CONFLICT (never an internal error)', async () => {
    const ids: string[] = [];
    for (const name of ['赵一', '钱二']) {
      const created = await poverty.queryAs(countyOfficer, CREATE_CADRE, {
        input: { name, unitId, role: 'RESPONSIBLE_PERSON', villageCode: '530113101001', since: '2021-03-01' },
      });
      expect(created.errors).toBeUndefined();
      ids.push(created.data.createCadre.id);
    }
    for (let round = 0; round < 8; round++) {
      const answers = await Promise.all(ids.map((id) => poverty.queryAs(countyOfficer, UPDATE_CADRE, { input: { id, account: `race-${round}` } })));
      const codes = answers.map((answer) => answer.errors?.[0]?.extensions?.code ?? 'OK').sort();
      expect(codes).toEqual(['CONFLICT', 'OK']);
      expect(await poverty.sql('select count(*)::int as n from cadre where account = ?', [`race-${round}`])).toEqual([{ n: 1 }]);
    }
  });

  it('updateResponsibleUnit: every field is required — name: null and kind: null are refused naming each', async () => {
    expect(refused(await poverty.queryAs(countyOfficer, UPDATE_UNIT, { input: { id: unitId, name: null, kind: null } }))).toEqual({
      'input.name': NOT_CLEARABLE,
      'input.kind': NOT_CLEARABLE,
    });
    const kept = await poverty.queryAs(countyOfficer, UPDATE_UNIT, { input: { id: unitId, name: '东川区人社局' } });
    expect(kept.data.updateResponsibleUnit).toEqual({ id: unitId, name: '东川区人社局', kind: 'PARTY_GOVERNMENT' });
  });
});
