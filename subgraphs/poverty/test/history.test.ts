import { makeIdNumber, type Identity, type Purpose } from '@jiuye/common';
import { povertySubgraph } from '@jiuye/poverty';
import { ENTITIES_QUERY, officerOf, pseudonymOf, startTestSubgraph, type TestSubgraph } from '@jiuye/testing/harness';

/**
 * Change history of the poverty office (common/src/history.ts) through its graph: a household's
 * history holds every record of it a mutation wrote (the household, its members, its status
 * changes), newest first, with the mutation that wrote them; a member's ID number and birth date
 * are redacted for an account without reveal; the member's own history is on Worker.povertyHistory;
 * a household outside the caller's region answers as an unregistered one.
 */
const COUNTY = '530113';
const VILLAGE = '530113101001';
const HOUSEHOLD = `${VILLAGE}0007`;
const HEAD = makeIdNumber(COUNTY, '1966-02-11', 17);

const REGISTER = `mutation($input: RegisterHouseholdInput!) { registerHousehold(input: $input) { code } }`;
const CHANGE = `mutation($input: ChangePovertyStatusInput!) { changePovertyStatus(input: $input) { code povertyStatus } }`;
const HISTORY = `query($code: String!) {
  household(code: $code) {
    code
    povertyHistory(first: 20) { nodes { department record operation origin detail actor fields { field before after redacted } } }
  }
}`;
const WORKER_HISTORY = ENTITIES_QUERY('... on Worker { id povertyRecordedAt povertyHistory(first: 5) { nodes { record operation detail } } }');

type Caller = Identity & { purpose?: Purpose };
const OFFICER = officerOf('poverty');
const NO_REVEAL: Caller = officerOf('poverty', { subject: 'test-poverty-no-reveal', permissions: [] });
const OTHER_COUNTY: Caller = officerOf('poverty', { subject: 'test-poverty-530102', region: '530102' });

describe('poverty subgraph: change history (Household.povertyHistory, Worker.povertyHistory)', () => {
  let poverty: TestSubgraph;

  beforeAll(async () => {
    poverty = await startTestSubgraph(povertySubgraph);
    const registered = await poverty.query(REGISTER, {
      input: { code: HOUSEHOLD, registeredOn: '2016-04-10', status: 'NOT_LIFTED', reason: '因病致贫', members: [{ idNumber: HEAD, name: '王大山', relationship: 'HEAD' }] },
    });
    expect(registered.errors).toBeUndefined();
    const lifted = await poverty.query(CHANGE, { input: { householdCode: HOUSEHOLD, status: 'LIFTED', effectiveOn: '2019-12-20', reason: '务工收入稳定' } });
    expect(lifted.errors).toBeUndefined();
  });
  afterAll(() => poverty?.stop());

  it("a household's history: every record the mutations wrote, newest first, with who and which mutation", async () => {
    const response = await poverty.query(HISTORY, { code: HOUSEHOLD });
    expect(response.errors).toBeUndefined();
    const nodes = response.data.household.povertyHistory.nodes as { record: string; operation: string; detail: string; actor: string; origin: string; fields: any[] }[];
    expect(nodes.every((node) => node.actor === OFFICER.subject && node.origin === 'MUTATION')).toBe(true);
    expect(nodes[0].detail).toBe('changePovertyStatus');
    expect(nodes.filter((node) => node.detail === 'changePovertyStatus').map((node) => [node.record, node.operation])).toEqual(
      expect.arrayContaining([
        ['Household', 'UPDATE'],
        ['PovertyStatusChange', 'INSERT'],
      ]),
    );
    expect(nodes.filter((node) => node.detail === 'registerHousehold').map((node) => node.record)).toEqual(
      expect.arrayContaining(['Household', 'HouseholdMember', 'PovertyStatusChange']),
    );
    const statusUpdate = nodes.find((node) => node.record === 'Household' && node.operation === 'UPDATE')!;
    expect(statusUpdate.fields).toEqual(expect.arrayContaining([{ field: 'povertyStatus', before: 'NOT_LIFTED', after: 'LIFTED', redacted: false }]));
  });

  it("a member's ID number and birth date are redacted without reveal", async () => {
    const response = await poverty.queryAs(NO_REVEAL, HISTORY, { code: HOUSEHOLD });
    expect(response.errors).toBeUndefined();
    const member = response.data.household.povertyHistory.nodes.find((node: { record: string }) => node.record === 'HouseholdMember');
    const fields = Object.fromEntries(member.fields.map((f: { field: string }) => [f.field, f]));
    expect(fields.idNumber).toEqual({ field: 'idNumber', before: null, after: null, redacted: true });
    expect(fields.birthDate).toEqual({ field: 'birthDate', before: null, after: null, redacted: true });
    expect(fields.name.after).toBe('王大山');
    expect(JSON.stringify(response)).not.toContain(HEAD);
  });

  it("the member's own history is on Worker.povertyHistory", async () => {
    const response = await poverty.query(WORKER_HISTORY, { representations: [{ __typename: 'Worker', id: pseudonymOf(HEAD) }] });
    expect(response.errors).toBeUndefined();
    const [worker] = response.data._entities;
    expect(worker.povertyHistory.nodes).toEqual([{ record: 'HouseholdMember', operation: 'INSERT', detail: 'registerHousehold' }]);
    expect(typeof worker.povertyRecordedAt).toBe('string');
  });

  it('a household outside the region answers as an unregistered one', async () => {
    const outside = await poverty.queryAs(OTHER_COUNTY, HISTORY, { code: HOUSEHOLD });
    const unknown = await poverty.queryAs(OTHER_COUNTY, HISTORY, { code: `${VILLAGE}0999` });
    expect(outside).toEqual(unknown);
  });
});
