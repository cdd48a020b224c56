import { addDays, todayInChina, type Identity, type Purpose, type RequestIdentity } from '@jiuye/common';
import { partnerSubgraph } from '@jiuye/partner';
import { officerOf, pseudonymOf, startTestSubgraph, type GraphQLResponse, type TestSubgraph } from '@jiuye/testing/harness';
import { counts, daysAgo, idNumber, insertBatch, insertReference, insertTransfers, SHENZHEN, ZHONGSHAN } from './fixtures';

/**
 * Hole 7 in the partner department: a partner city's transfer of a worker it cannot see is
 * PENDING until county staff of the worker's region confirm it (confirmTransfer / rejectTransfer),
 * or confirmed at once on a referral the county issued first (referForTransfer).
 */
type Who = Identity & { purpose?: Purpose };

const DONGCHUAN = '530113';
const RESIDENTS = new Map<string, string>([1, 2, 3, 4, 5, 6, 7, 8].map((n) => [pseudonymOf(idNumber(n)), '530113001001']));

/** hr as the real one would answer for region staff: these workers live in Dongchuan. */
async function remoteAuthority(identity: RequestIdentity, workerIds: readonly string[]): Promise<Set<string>> {
  return new Set(workerIds.filter((id) => identity.region && RESIDENTS.get(id)?.startsWith(identity.region)));
}

const shenzhen: Who = officerOf('partner', { region: undefined, partnerCity: SHENZHEN, permissions: [] });
const hrOfficer: Who = officerOf('hr', { region: DONGCHUAN, subject: 'hr-dongchuan' });
const countyOffice: Who = officerOf('partner', { region: DONGCHUAN, permissions: [] });
const otherCounty: Who = officerOf('hr', { region: '530112' });
const viewer: Who = officerOf('hr', { role: 'viewer', region: DONGCHUAN });
const civilOfficer: Who = officerOf('civil', { region: DONGCHUAN });

const RECORD = `mutation($input: RecordTransferInput!) { recordTransfer(input: $input) { id confirmation worker { id } } }`;
const CONFIRM = `mutation($input: DecideTransferInput!) { confirmTransfer(input: $input) { id confirmation decisionNote } }`;
const REJECT = `mutation($input: DecideTransferInput!) { rejectTransfer(input: $input) { id confirmation decisionNote } }`;
const REFER = `mutation($input: ReferForTransferInput!) { referForTransfer(input: $input) { id cityCode validUntil used note } }`;
const SEES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Worker { id transfers { id } } } }`;

const errorOf = (response: GraphQLResponse) => response.errors?.[0]?.extensions;

describe("partner: pending transfers and the county's evidence (hole 7)", () => {
  let partner: TestSubgraph;
  let batch: number;
  const record = (n: number, who: Who = shenzhen, extra: Record<string, unknown> = {}) =>
    partner.queryAs(who, RECORD, {
      input: { batchId: String(batch), idNumber: idNumber(n), employerName: '比亚迪', jobTitle: '装配工', startedOn: daysAgo(5), fareReimbursed: false, ...extra },
    });
  const seenByShenzhen = async (n: number) => (await partner.queryAs(shenzhen, SEES, { r: [{ __typename: 'Worker', id: pseudonymOf(idNumber(n)) }] })).data._entities[0];

  beforeAll(async () => {
    partner = await startTestSubgraph(partnerSubgraph, undefined, { remoteAuthority });
    await insertReference(partner);
    batch = await insertBatch(partner, 'DC-2025-06-001', SHENZHEN, daysAgo(30));
    // Worker 6 already has a confirmed Shenzhen transfer (ended 10 days ago): Shenzhen sees them.
    const old = await insertBatch(partner, 'DC-2025-05-001', SHENZHEN, daysAgo(100));
    await insertTransfers(partner, old, SHENZHEN, [{ idNumber: idNumber(6), startedOn: daysAgo(90), endedOn: daysAgo(10) }]);
    // Worker 7 holds an open confirmed transfer in Zhongshan.
    const zs = await insertBatch(partner, 'DC-2025-05-002', ZHONGSHAN, daysAgo(60));
    await insertTransfers(partner, zs, ZHONGSHAN, [{ idNumber: idNumber(7), startedOn: daysAgo(50) }]);
  });

  afterAll(async () => {
    await partner?.stop();
  });

  it("a city's transfer of a worker it cannot see is pending and shows no worker; the county office's is confirmed", async () => {
    const pending = await record(1);
    expect(pending.errors).toBeUndefined();
    expect(pending.data.recordTransfer).toMatchObject({ confirmation: 'PENDING', worker: null });
    expect(await seenByShenzhen(1)).toBeNull();

    const county = await record(2, countyOffice);
    expect(county.data.recordTransfer).toMatchObject({ confirmation: 'CONFIRMED', worker: { id: pseudonymOf(idNumber(2)) } });
    expect(await seenByShenzhen(2)).toMatchObject({ id: pseudonymOf(idNumber(2)) });
  });

  it('a worker the city already sees needs no new evidence', async () => {
    const again = await record(6);
    expect(again.data.recordTransfer).toMatchObject({ confirmation: 'CONFIRMED', worker: { id: pseudonymOf(idNumber(6)) } });
  });

  it("a pending claim neither blocks nor reveals another city's open transfer; a second open claim of the same city is refused", async () => {
    const claim = await record(7);
    expect(claim.errors).toBeUndefined();
    expect(claim.data.recordTransfer.confirmation).toBe('PENDING');
    const twice = await record(7);
    expect(errorOf(twice)).toMatchObject({ code: 'CONFLICT', field: 'input.idNumber' });
    // Confirming it would make two open transfers: the county is told, the city never was.
    const confirm = await partner.queryAs(hrOfficer, CONFIRM, { input: { transferId: claim.data.recordTransfer.id } });
    expect(errorOf(confirm)).toMatchObject({ code: 'CONFLICT', field: 'input.transferId' });
  });

  it('confirm and reject validate their input, naming the field, and write nothing on a refusal', async () => {
    const before = await counts(partner);
    expect(errorOf(await partner.queryAs(hrOfficer, CONFIRM, { input: { transferId: 'x1' } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.transferId' });
    expect(errorOf(await partner.queryAs(hrOfficer, CONFIRM, { input: { transferId: '99999' } }))).toMatchObject({ code: 'NOT_FOUND', field: 'input.transferId' });
    const [pending] = await partner.sql<{ id: number }>(`select id from transfer where worker_id = ? and confirmation = 'PENDING'`, [pseudonymOf(idNumber(1))]);
    expect(errorOf(await partner.queryAs(hrOfficer, REJECT, { input: { transferId: String(pending.id) } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reason' });
    expect(errorOf(await partner.queryAs(hrOfficer, CONFIRM, { input: { transferId: String(pending.id), reason: 'x'.repeat(201) } }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.reason',
    });
    expect(await counts(partner)).toEqual(before);
    const [row] = await partner.sql<{ confirmation: string }>('select confirmation from transfer where id = ?', [pending.id]);
    expect(row.confirmation).toBe('PENDING');
  });

  it('only officers of hr or partner whose region holds the worker decide: not the city, another county, a viewer, civil affairs, or without a purpose', async () => {
    const [pending] = await partner.sql<{ id: number }>(`select id from transfer where worker_id = ? and confirmation = 'PENDING'`, [pseudonymOf(idNumber(1))]);
    const input = { input: { transferId: String(pending.id) } };
    const cases: [Who, Record<string, unknown>][] = [
      [shenzhen, { code: 'FORBIDDEN', reason: 'county-evidence-required' }],
      // Another region's transfer answers as a row id that does not exist (no row-id oracle).
      [otherCounty, { code: 'NOT_FOUND', field: 'input.transferId' }],
      [viewer, { code: 'FORBIDDEN', reason: 'read-only' }],
      [civilOfficer, { code: 'FORBIDDEN', reason: 'other-department' }],
      [{ ...hrOfficer, purpose: undefined }, { code: 'PURPOSE_REQUIRED' }],
    ];
    for (const [who, expected] of cases) {
      expect(errorOf(await partner.queryAs(who, CONFIRM, input))).toMatchObject(expected);
      expect(errorOf(await partner.queryAs(who, REJECT, { input: { ...input.input, reason: '非组织输出' } }))).toMatchObject(expected);
    }
    expect(await seenByShenzhen(1)).toBeNull();
    // Byte for byte the answer another county gets for a row id nobody has.
    const unknown = await partner.queryAs(otherCounty, CONFIRM, { input: { transferId: '99999' } });
    expect((await partner.queryAs(otherCounty, CONFIRM, input)).errors).toEqual(unknown.errors);

    const confirmed = await partner.queryAs(countyOffice, CONFIRM, input);
    expect(confirmed.data.confirmTransfer).toMatchObject({ confirmation: 'CONFIRMED', decisionNote: null });
    const [row] = await partner.sql<{ decided_by: string }>('select decided_by from transfer where id = ?', [pending.id]);
    expect(row.decided_by).toBe(countyOffice.subject);
    expect(await seenByShenzhen(1)).toMatchObject({ transfers: [{ id: String(pending.id) }] });
    expect(errorOf(await partner.queryAs(hrOfficer, REJECT, { input: { ...input.input, reason: '迟到的驳回' } }))).toMatchObject({ code: 'CONFLICT', field: 'input.transferId' });
  });

  it('a referral confirms the next transfer of that worker to that city once; it needs county staff and valid input', async () => {
    const cases: [Who, Record<string, unknown>, Record<string, unknown>][] = [
      [shenzhen, { idNumber: idNumber(3), cityCode: SHENZHEN }, { code: 'FORBIDDEN', reason: 'county-evidence-required' }],
      [otherCounty, { idNumber: idNumber(3), cityCode: SHENZHEN }, { code: 'FORBIDDEN', reason: 'outside-scope' }],
      [viewer, { idNumber: idNumber(3), cityCode: SHENZHEN }, { code: 'FORBIDDEN', reason: 'read-only' }],
      [hrOfficer, { idNumber: '123', cityCode: SHENZHEN }, { code: 'BAD_USER_INPUT', field: 'input.idNumber' }],
      [hrOfficer, { idNumber: idNumber(3), cityCode: '44' }, { code: 'BAD_USER_INPUT', field: 'input.cityCode' }],
      [hrOfficer, { idNumber: idNumber(3), cityCode: '1101' }, { code: 'NOT_FOUND', field: 'input.cityCode' }],
      [hrOfficer, { idNumber: idNumber(3), cityCode: SHENZHEN, validUntil: addDays(todayInChina(), -1) }, { code: 'BAD_USER_INPUT', field: 'input.validUntil' }],
    ];
    for (const [who, input, expected] of cases) expect(errorOf(await partner.queryAs(who, REFER, { input }))).toMatchObject(expected);
    expect(await partner.sql('select 1 from transfer_referral')).toHaveLength(0);

    // A referral to Zhongshan does not confirm a Shenzhen transfer.
    await partner.queryAs(hrOfficer, REFER, { input: { idNumber: idNumber(3), cityCode: ZHONGSHAN } });
    const referral = await partner.queryAs(hrOfficer, REFER, { input: { idNumber: idNumber(3), cityCode: SHENZHEN, note: '县劳务办推荐' } });
    expect(referral.data.referForTransfer).toMatchObject({ cityCode: SHENZHEN, used: false, note: '县劳务办推荐', validUntil: addDays(todayInChina(), 90) });
    const transfer = await record(3);
    expect(transfer.data.recordTransfer).toMatchObject({ confirmation: 'CONFIRMED', worker: { id: pseudonymOf(idNumber(3)) } });
    const used = await partner.sql<{ city_code: string; transfer_id: number | null }>('select city_code, transfer_id from transfer_referral order by id');
    expect(used).toEqual([
      { city_code: ZHONGSHAN, transfer_id: null },
      { city_code: SHENZHEN, transfer_id: Number(transfer.data.recordTransfer.id) },
    ]);
  });

  it("the county's pending worklist lists only pending transfers, of workers of its region", async () => {
    const list = await partner.queryAs(hrOfficer, `{ transfers(confirmation: PENDING, first: 50) { nodes { confirmation worker { id } } } }`);
    expect(list.errors).toBeUndefined();
    expect(list.data.transfers.nodes.map((t: { confirmation: string; worker: { id: string } }) => [t.confirmation, t.worker.id])).toEqual([['PENDING', pseudonymOf(idNumber(7))]]);
    const elsewhere = await partner.queryAs(otherCounty, `{ transfers(confirmation: PENDING, first: 50) { nodes { id } } }`);
    expect(elsewhere.data.transfers.nodes).toEqual([]);
  });
});
