import { makeIdNumber } from '@jiuye/common';
import { civilSubgraph } from '@jiuye/civil';
import { ENTITIES_QUERY, pseudonymOf, startTestSubgraph, type TestSubgraph, expectFlatCost } from '@jiuye/testing/harness';

const HOUSEHOLD = '5301131010010001';
const OTHER_HOUSEHOLD = '5301131020020002';
const WORKER_ID_NUMBER = makeIdNumber('530113', '1990-01-01', 1);

describe('civil subgraph', () => {
  let civil: TestSubgraph;

  beforeAll(async () => {
    civil = await startTestSubgraph(civilSubgraph);
  });
  afterAll(() => civil?.stop());

  const GRANT = `mutation($input: GrantAssistanceInput!) { grantAssistance(input: $input) { id householdCode kind monthlyAmount startsOn endsOn active } }`;
  const STOP = `mutation($input: StopAssistanceInput!) { stopAssistance(input: $input) { id endsOn stopReason active } }`;

  it('grants and stops a subsistence allowance, and a household shows it', async () => {
    const granted = await civil.query(GRANT, { input: { householdCode: HOUSEHOLD, kind: 'SUBSISTENCE_ALLOWANCE', monthlyAmount: 480, startsOn: '2025-01-01' } });
    expect(granted.errors).toBeUndefined();
    expect(granted.data.grantAssistance).toMatchObject({ householdCode: HOUSEHOLD, kind: 'SUBSISTENCE_ALLOWANCE', monthlyAmount: 480, endsOn: null, active: true });

    const household = await civil.query(ENTITIES_QUERY('... on Household { code currentAssistance { kind monthlyAmount } }'), {
      representations: [{ __typename: 'Household', code: HOUSEHOLD }],
    });
    expect(household.errors).toBeUndefined();
    expect(household.data._entities[0].currentAssistance).toEqual([{ kind: 'SUBSISTENCE_ALLOWANCE', monthlyAmount: 480 }]);

    const stopped = await civil.query(STOP, { input: { grantId: granted.data.grantAssistance.id, endsOn: '2026-03-31', reason: '家庭收入超过低保标准' } });
    expect(stopped.errors).toBeUndefined();
    expect(stopped.data.stopAssistance).toMatchObject({ endsOn: '2026-03-31', active: false });

    const again = await civil.query(STOP, { input: { grantId: granted.data.grantAssistance.id, endsOn: '2026-04-30', reason: '重复操作' } });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.grantId' });
  });

  it('refuses a second overlapping grant of the same kind and writes nothing', async () => {
    await civil.query(GRANT, { input: { householdCode: OTHER_HOUSEHOLD, kind: 'SPECIAL_HARDSHIP', monthlyAmount: 900, startsOn: '2024-06-01' } });
    const before = await civil.sql('select count(*)::int as n from assistance_grant');
    const overlapping = await civil.query(GRANT, { input: { householdCode: OTHER_HOUSEHOLD, kind: 'SPECIAL_HARDSHIP', monthlyAmount: 950, startsOn: '2025-01-01' } });
    expect(overlapping.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.startsOn' });
    expect(await civil.sql('select count(*)::int as n from assistance_grant')).toEqual(before);
  });

  it('names every wrong field of a bad input and writes nothing', async () => {
    const before = await civil.sql('select count(*)::int as n from assistance_grant');
    const bad = await civil.query(GRANT, { input: { householdCode: '12345', kind: 'SUBSISTENCE_ALLOWANCE', monthlyAmount: -5, startsOn: '2025-01-01' } });
    expect(bad.data).toBeNull();
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0].extensions?.problems.map((p: { field: string }) => p.field)).toEqual(['input.householdCode', 'input.monthlyAmount']);
    expect(await civil.sql('select count(*)::int as n from assistance_grant')).toEqual(before);

    const badDate = await civil.query(GRANT, { input: { householdCode: HOUSEHOLD, kind: 'SUBSISTENCE_ALLOWANCE', monthlyAmount: 300, startsOn: '2025-02-30' } });
    expect(badDate.errors?.[0].message).toMatch(/LocalDate/);
  });

  it('records disability and care duties and derives staysNearHome', async () => {
    const disability = await civil.query(`mutation($input: RecordDisabilityInput!) { recordDisability(input: $input) { id disability { kind grade } staysNearHome } }`, {
      input: { idNumber: WORKER_ID_NUMBER, householdCode: HOUSEHOLD, kind: 'HEARING', grade: 4, certifiedOn: '2020-05-01' },
    });
    expect(disability.errors).toBeUndefined();
    expect(disability.data.recordDisability).toEqual({ id: pseudonymOf(WORKER_ID_NUMBER), disability: { kind: 'HEARING', grade: 4 }, staysNearHome: false });

    const duty = await civil.query(`mutation($input: AddCareDutyInput!) { addCareDuty(input: $input) { id reason active } }`, {
      input: { idNumber: WORKER_ID_NUMBER, reason: 'ELDERLY', caredForName: '张秀英', since: '2023-01-01' },
    });
    expect(duty.data.addCareDuty).toMatchObject({ reason: 'ELDERLY', active: true });

    const worker = await civil.query(ENTITIES_QUERY('... on Worker { id staysNearHome careDuties { reason } }'), {
      representations: [{ __typename: 'Worker', id: pseudonymOf(WORKER_ID_NUMBER) }],
    });
    expect(worker.data._entities[0]).toEqual({ id: pseudonymOf(WORKER_ID_NUMBER), staysNearHome: true, careDuties: [{ reason: 'ELDERLY' }] });
  });

  it('rejects a wrong ID number with the problem named', async () => {
    const response = await civil.query(`mutation($input: SetLeftBehindInput!) { setLeftBehind(input: $input) { id } }`, {
      input: { idNumber: '530113199001010015', kind: 'WOMAN' },
    });
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.idNumber', reason: 'CHECK_CHARACTER' });
    expect(response.errors?.[0].message).not.toContain('530113199001010015');
  });

  it('resolves 10 or 200 workers with the same number of SQL statements', async () => {
    const selection = '... on Worker { id leftBehind disability { grade } careDuties { reason } staysNearHome }';
    const representations = (n: number) => Array.from({ length: n }, (_, i) => ({ __typename: 'Worker', id: `w-test-${i}` }));
    const small = await civil.countStatements(ENTITIES_QUERY(selection), { representations: representations(10) });
    const large = await civil.countStatements(ENTITIES_QUERY(selection), { representations: representations(200) });
    expect(small.response.errors).toBeUndefined();
    expect(large.response.data._entities).toHaveLength(200);
    expectFlatCost(small.statements, large.statements, 2);
  });
});
