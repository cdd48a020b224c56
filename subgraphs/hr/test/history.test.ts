import type { Identity, Purpose } from '@jiuye/common';
import { hrSubgraph } from '@jiuye/hr';
import { ENTITIES_QUERY, officerOf, startTestSubgraph, type TestSubgraph } from '@jiuye/testing/harness';
import { errorOf, idNumberAged, insertReferenceData, QINGKOU, register, TANGDAN, YINMIN_VILLAGE } from './fixtures';

/**
 * Change history of the labour registry (common/src/history.ts) through hr's graph: what a
 * mutation wrote (who, from where, only the changed fields), the six clarities keeping every old
 * value, a direct change caught, identifying fields redacted for an account without reveal, the
 * read reported to the access log, and out of scope answered as for an unknown person.
 */
const HISTORY = `query($idNumber: String!, $first: Int!, $after: String) {
  worker(idNumber: $idNumber) {
    id
    hrRecordedAt
    hrHistory(first: $first, after: $after) {
      nodes { at department record recordKey operation actor origin detail fields { field before after redacted } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;
const ENTITY_HISTORY = ENTITIES_QUERY('... on Worker { id hrHistory(first: 5) { nodes { operation } } }');
const SIX_CLARITIES = `mutation($input: UpdateSixClaritiesInput!) { updateSixClarities(input: $input) { id skillLevel } }`;

type Caller = Identity & { purpose?: Purpose };
const OFFICER = officerOf('hr');
const NO_REVEAL: Caller = officerOf('hr', { subject: 'test-hr-officer-no-reveal', permissions: [] });
const OTHER_COUNTY: Caller = officerOf('hr', { subject: 'test-hr-officer-530102', region: '530102' });
const CIVIL_OFFICER: Caller = officerOf('civil');
const DASHBOARD: Caller = { subject: 'test-dashboard', department: 'dashboard', role: 'viewer', region: '53', permissions: [] };
const PARTNER: Caller = { subject: 'test-partner-staff', department: 'partner', role: 'officer', partnerCity: '4403', permissions: [], purpose: 'verification' };

interface Entry {
  at: string;
  department: string;
  record: string;
  recordKey: string;
  operation: string;
  actor: string;
  origin: string;
  detail: string | null;
  fields: { field: string; before: string | null; after: string | null; redacted: boolean }[];
}

describe('hr subgraph: change history (Worker.hrHistory)', () => {
  let hr: TestSubgraph;
  let sequence = 700;
  const nextIdNumber = () => idNumberAged(30, sequence++);

  async function historyOf(idNumber: string, as: Caller = OFFICER, first = 50, after?: string) {
    const response = await hr.queryAs(as, HISTORY, { idNumber, first, after });
    return { response, worker: response.data?.worker, entries: (response.data?.worker?.hrHistory?.nodes ?? []) as Entry[] };
  }

  beforeAll(async () => {
    hr = await startTestSubgraph(hrSubgraph);
    await insertReferenceData(hr);
  });
  afterAll(() => hr?.stop());

  it('a registration is one INSERT entry: the officer, origin MUTATION, the mutation name, the new values', async () => {
    const idNumber = nextIdNumber();
    const id = await register(hr, idNumber);
    const { response, entries, worker } = await historyOf(idNumber);
    expect(response.errors).toBeUndefined();
    expect(entries).toHaveLength(1);
    const [entry] = entries;
    expect(entry).toMatchObject({ department: 'hr', record: 'Worker', recordKey: id, operation: 'INSERT', actor: OFFICER.subject, origin: 'MUTATION', detail: 'registerWorker' });
    const fields = Object.fromEntries(entry.fields.map((f) => [f.field, f]));
    expect(fields.skillLevel).toEqual({ field: 'skillLevel', before: null, after: 'NONE', redacted: false });
    expect(fields.idNumber).toEqual({ field: 'idNumber', before: null, after: idNumber, redacted: false });
    expect(fields.householdCode.after).toBe(`${QINGKOU}0001`);
    expect(worker.hrRecordedAt).toBe(entry.at);
  });

  it("a household's history holds its members' registry records", async () => {
    const idNumber = nextIdNumber();
    const id = await register(hr, idNumber, `${QINGKOU}0042`);
    const response = await hr.query(ENTITIES_QUERY('... on Household { code hrHistory(first: 5) { nodes { record recordKey operation detail } } }'), {
      representations: [{ __typename: 'Household', code: `${QINGKOU}0042` }],
    });
    expect(response.errors).toBeUndefined();
    expect(response.data._entities[0].hrHistory.nodes).toEqual([{ record: 'Worker', recordKey: id, operation: 'INSERT', detail: 'registerWorker' }]);
  });

  it('a worker who moved out of the region stays in the history of the household left, without where they went', async () => {
    const idNumber = nextIdNumber();
    const id = await register(hr, idNumber, `${QINGKOU}0043`);
    await hr.sql(`update worker set household_code = ?, village_code = ? where id = ?`, [`${YINMIN_VILLAGE}0043`, YINMIN_VILLAGE, id]);
    const township = officerOf('hr', { subject: 'test-hr-officer-tangdan', region: TANGDAN });
    const query = ENTITIES_QUERY('... on Household { code hrHistory(first: 5) { nodes { record operation fields { field before after redacted } } } }');
    const response = await hr.queryAs(township, query, { representations: [{ __typename: 'Household', code: `${QINGKOU}0043` }] });
    expect(response.errors).toBeUndefined();
    const [moved] = response.data._entities[0].hrHistory.nodes;
    expect(moved).toEqual({
      record: 'Worker',
      operation: 'UPDATE',
      fields: [
        { field: 'householdCode', before: `${QINGKOU}0043`, after: null, redacted: true },
        { field: 'villageCode', before: QINGKOU, after: null, redacted: true },
      ],
    });
    expect(JSON.stringify(response)).not.toContain(YINMIN_VILLAGE);
    // The county sees both ends.
    const county = await hr.query(query, { representations: [{ __typename: 'Household', code: `${QINGKOU}0043` }] });
    expect(county.data._entities[0].hrHistory.nodes[0].fields[0]).toEqual({ field: 'householdCode', before: `${QINGKOU}0043`, after: `${YINMIN_VILLAGE}0043`, redacted: false });
  });

  it('updateSixClarities twice keeps both old values, each entry with only the fields that changed', async () => {
    const idNumber = nextIdNumber();
    await register(hr, idNumber);
    for (const input of [
      { idNumber, skillLevel: 'BASIC', employmentIntention: 'OUT_OF_PROVINCE' },
      { idNumber, skillLevel: 'INTERMEDIATE' },
    ]) {
      const response = await hr.query(SIX_CLARITIES, { input });
      expect(response.errors).toBeUndefined();
    }
    const { entries } = await historyOf(idNumber);
    expect(entries.map((e) => [e.operation, e.detail])).toEqual([
      ['UPDATE', 'updateSixClarities'],
      ['UPDATE', 'updateSixClarities'],
      ['INSERT', 'registerWorker'],
    ]);
    expect(entries[0].fields).toEqual([{ field: 'skillLevel', before: 'BASIC', after: 'INTERMEDIATE', redacted: false }]);
    expect(entries[1].fields).toEqual([
      { field: 'employmentIntention', before: 'LOCAL', after: 'OUT_OF_PROVINCE', redacted: false },
      { field: 'skillLevel', before: 'NONE', after: 'BASIC', redacted: false },
    ]);
    expect(entries[0].at >= entries[1].at).toBe(true);
  });

  it('a change made directly in the database is caught: origin DIRECT, the database user, no detail', async () => {
    const idNumber = nextIdNumber();
    const id = await register(hr, idNumber);
    await hr.sql(`update worker set name = '李建军' where id = ?`, [id]);
    const { entries } = await historyOf(idNumber);
    expect(entries[0]).toMatchObject({ operation: 'UPDATE', origin: 'DIRECT', detail: null, fields: [{ field: 'name', before: '李建国', after: '李建军', redacted: false }] });
    const [user] = await hr.sql<{ name: string }>(`select session_user as name`);
    expect(entries[0].actor).toBe(user.name);
  });

  it('pages newest first with a keyset cursor', async () => {
    const idNumber = nextIdNumber();
    await register(hr, idNumber);
    await hr.query(SIX_CLARITIES, { input: { idNumber, skillLevel: 'ADVANCED' } });
    await hr.query(SIX_CLARITIES, { input: { idNumber, skillLevel: 'TECHNICIAN' } });
    const all = (await historyOf(idNumber)).entries;
    const first = await historyOf(idNumber, OFFICER, 2);
    expect(first.entries).toEqual(all.slice(0, 2));
    expect(first.worker.hrHistory.pageInfo.hasNextPage).toBe(true);
    const second = await historyOf(idNumber, OFFICER, 2, first.worker.hrHistory.pageInfo.endCursor);
    expect(second.entries).toEqual(all.slice(2));
    expect(second.worker.hrHistory.pageInfo).toEqual({ hasNextPage: false, endCursor: expect.any(String) });
    const forged = await historyOf(idNumber, OFFICER, 2, 'not-a-cursor');
    expect(errorOf(forged.response).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('identifying fields are redacted for an account that may not read them on the record; the others are shown', async () => {
    const idNumber = nextIdNumber();
    await register(hr, idNumber);
    const { response, entries } = await historyOf(idNumber, NO_REVEAL);
    expect(response.errors).toBeUndefined();
    const fields = Object.fromEntries(entries[0].fields.map((f) => [f.field, f]));
    for (const field of ['idNumber', 'phone', 'birthDate']) expect(fields[field]).toEqual({ field, before: null, after: null, redacted: true });
    expect(fields.name).toEqual({ field: 'name', before: null, after: '李建国', redacted: false });
    expect(fields.householdCode.redacted).toBe(false);
    expect(JSON.stringify(response)).not.toContain(idNumber);
    expect(JSON.stringify(response)).not.toContain('13812345678');
  });

  it('reading history is a person read in the access log', async () => {
    const idNumber = nextIdNumber();
    const id = await register(hr, idNumber);
    const { response } = await historyOf(idNumber);
    const entry = (response.extensions?.accessLog as { workerId: string; fields: string[] }[]).find((e) => e.workerId === id);
    expect(entry?.fields).toEqual(expect.arrayContaining(['Worker.hrHistory', 'Worker.hrRecordedAt']));
  });

  it('out of scope is answered as an unknown person; dashboards are refused as for anyone; partner cities get no history', async () => {
    const idNumber = nextIdNumber();
    const id = await register(hr, idNumber);
    const unknown = nextIdNumber();
    const outside = await historyOf(idNumber, OTHER_COUNTY);
    const missing = await historyOf(unknown, OTHER_COUNTY);
    expect(outside.response.data).toEqual(missing.response.data);
    expect(errorOf(outside.response)).toEqual(errorOf(missing.response));
    expect(errorOf(outside.response).extensions.code).toBe('NOT_FOUND');

    const byEntity = await hr.queryAs(OTHER_COUNTY, ENTITY_HISTORY, { representations: [{ __typename: 'Worker', id }] });
    const byUnknownEntity = await hr.queryAs(OTHER_COUNTY, ENTITY_HISTORY, { representations: [{ __typename: 'Worker', id: 'wUnknownWorker000000000' }] });
    expect(byEntity).toEqual(byUnknownEntity);
    expect(byEntity.data).toEqual({ _entities: [null] });

    const dashboard = await hr.queryAs(DASHBOARD, ENTITY_HISTORY, { representations: [{ __typename: 'Worker', id }] });
    const dashboardUnknown = await hr.queryAs(DASHBOARD, ENTITY_HISTORY, { representations: [{ __typename: 'Worker', id: 'wUnknownWorker000000000' }] });
    expect(errorOf(dashboard).extensions.code).toBe('FORBIDDEN');
    expect(dashboard).toEqual(dashboardUnknown);

    const partner = await hr.queryAs(PARTNER, ENTITY_HISTORY, { representations: [{ __typename: 'Worker', id }] });
    expect(errorOf(partner).extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'no-region-scope' });

    // Another department's staff of the region read hr's history as they read hr's fields.
    const civil = await hr.queryAs(CIVIL_OFFICER, ENTITY_HISTORY, { representations: [{ __typename: 'Worker', id }] });
    expect(civil.errors).toBeUndefined();
    expect(civil.data._entities[0].hrHistory.nodes).toEqual([{ operation: 'INSERT' }]);
  });

  it('hrHistory and hrRecordedAt for a list of workers cost the same statements as for one', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push(await register(hr, nextIdNumber()));
    const query = ENTITIES_QUERY('... on Worker { id hrRecordedAt hrHistory(first: 2) { nodes { operation detail } pageInfo { hasNextPage } } }');
    const before = hr.database.statements.total;
    const one = await hr.query(query, { representations: ids.slice(0, 1).map((id) => ({ __typename: 'Worker', id })) });
    const oneCost = hr.database.statements.total - before;
    const start = hr.database.statements.total;
    const three = await hr.query(query, { representations: ids.map((id) => ({ __typename: 'Worker', id })) });
    const threeCost = hr.database.statements.total - start;
    expect(one.errors).toBeUndefined();
    expect(three.data._entities.every((w: { hrRecordedAt: string | null }) => typeof w.hrRecordedAt === 'string')).toBe(true);
    expect(three.data._entities.map((w: { hrHistory: unknown }) => w.hrHistory)).toEqual(
      ids.map(() => ({ nodes: [{ operation: 'INSERT', detail: 'registerWorker' }], pageInfo: { hasNextPage: false } })),
    );
    expect(threeCost).toBe(oneCost);
  });
});
