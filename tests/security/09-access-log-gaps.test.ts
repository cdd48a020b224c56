import { INTERNAL_IDENTITY_HEADER, signInternalIdentity, type Identity } from '@jiuye/common';
import { AccessLogStore } from '@jiuye/gateway';
import { pseudonymOf, TEST_INTERNAL_SIGNING_KEY } from '@jiuye/testing/harness';
import { COUNTY_OFFICER, startTestPlatform, userHeaders, type TestPlatform } from '@jiuye/testing/platform';

/**
 * Hole 9 — access-log gaps. Partner cities and training institutions do not know where a worker
 * lives, so their reads were stored without a village, and region staff reading "who saw this
 * person" (Worker.accessLog, filtered by village) missed them; and a client's own x-request-id
 * became the logged request id. Defended by: the gateway places every unplaced entry with hr
 * (the residence authority) before writing it; the request id is always the gateway's own,
 * the client's kept beside it as the correlation id.
 */
jest.setTimeout(120_000);

let platform: TestPlatform;
let store: AccessLogStore;
let worker: { idNumber: string; workerId: string; village: string };
const shenzhen: Identity = { subject: 'partner-4403-reader', department: 'partner', role: 'officer', partnerCity: '4403', permissions: [] };

async function post(
  identity: Identity,
  query: string,
  variables?: Record<string, unknown>,
  extra: Record<string, string> = {},
  purpose: 'follow-up' | 'verification' = 'follow-up',
) {
  const response = await fetch(platform.gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await userHeaders(identity, purpose)), ...extra },
    body: JSON.stringify({ query, variables }),
  });
  return { requestId: response.headers.get('x-request-id')!, body: (await response.json()) as any };
}

beforeAll(async () => {
  platform = await startTestPlatform(300);
  store = await AccessLogStore.open(platform.auditDatabaseUrl);
  const rows = await platform.subgraphs.partner.sql<{ id_number: string }>(`select id_number from transfer where city_code = '4403' and ended_on is null order by id limit 20`);
  for (const row of rows) {
    const [registered] = await platform.subgraphs.hr.sql<{ village_code: string }>('select village_code from worker where id_number = ?', [row.id_number]);
    if (registered) {
      worker = { idNumber: row.id_number, workerId: pseudonymOf(row.id_number), village: registered.village_code };
      break;
    }
  }
  expect(worker).toBeDefined();
});

afterAll(async () => {
  await store?.close();
  await platform?.stop();
});

describe("hole 9: every access-log entry has the person's village, and the request id is the gateway's", () => {
  it("a partner city's read of its transfers is placed in the worker's village and shows to that region's staff", async () => {
    const read = await post(shenzhen, `{ transfers(cityCode: "4403", first: 50) { nodes { employerName startedOn worker { id } } } }`);
    expect(read.body.errors).toBeUndefined();
    const ids = read.body.data.transfers.nodes.map((node: { worker: { id: string } }) => node.worker.id);
    expect(ids).toContain(worker.workerId);

    const rows = await store.find({ staff: shenzhen.subject, limit: 500 });
    expect(rows.length).toBeGreaterThan(0);
    // Only the partner department answered about these people, and every entry is placed all the same.
    expect(rows.every((row) => row.subgraphs.join() === 'partner')).toBe(true);
    expect(rows.filter((row) => row.villageCode === null)).toEqual([]);
    expect(rows.find((row) => row.workerId === worker.workerId)).toMatchObject({ villageCode: worker.village, requestId: read.requestId });

    // The county's officer and the village's assistant both see who read their villager.
    const assistant: Identity = { subject: 'village-assistant', department: 'poverty', role: 'village_assistant', region: worker.village, permissions: [] };
    for (const staff of [COUNTY_OFFICER, assistant]) {
      const log = await post(
        staff,
        `query($id: String!) { worker(idNumber: $id) { accessLog(first: 100) { staff departmentLabel requestId } } }`,
        { id: worker.idNumber },
        {},
        'verification',
      );
      expect(log.body.errors).toBeUndefined();
      expect(log.body.data.worker.accessLog).toEqual(expect.arrayContaining([expect.objectContaining({ staff: shenzhen.subject, requestId: read.requestId })]));
    }
  });

  it("a client's x-request-id is kept as the correlation id, never as the logged request id", async () => {
    const chosen = 'client-chosen-request-id-0001';
    const read = await post(shenzhen, `query($id: String!) { worker(idNumber: $id) { name } }`, { id: worker.idNumber }, { 'x-request-id': chosen });
    expect(read.body.errors).toBeUndefined();
    expect(read.requestId).not.toBe(chosen);
    const [row] = await store.find({ staff: shenzhen.subject, workerIds: [worker.workerId], limit: 1 });
    expect(row).toMatchObject({ requestId: read.requestId, correlationId: chosen, villageCode: worker.village });
    // Two requests sending the same id stay two requests in the log.
    const again = await post(shenzhen, `query($id: String!) { worker(idNumber: $id) { name } }`, { id: worker.idNumber }, { 'x-request-id': chosen });
    expect(again.requestId).not.toBe(read.requestId);
    const auditor: Identity = { subject: 'auditor-9', department: 'auditor', role: 'viewer', permissions: [] };
    const audit = await fetch(platform.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await userHeaders(auditor, null)) },
      body: JSON.stringify({
        query: `query($staff: String!) { accessLog(staff: $staff, first: 2) { nodes { requestId correlationId } } }`,
        variables: { staff: shenzhen.subject },
      }),
    });
    expect(((await audit.json()) as any).data.accessLog.nodes).toEqual([
      { requestId: again.requestId, correlationId: chosen },
      { requestId: read.requestId, correlationId: chosen },
    ]);
    // Old entries (without correlation id) and new ones verify in one chain.
    expect(await store.verify()).toMatchObject({ ok: true });
  });

  it("a client's x-request-id holding an ID number or a mobile number is not kept: the log would hold personal data in clear", async () => {
    for (const smuggled of [worker.idNumber, `q-${worker.idNumber}-1`, 'call-13812345678', '440301199001011234']) {
      const read = await post(shenzhen, `query($id: String!) { worker(idNumber: $id) { name } }`, { id: worker.idNumber }, { 'x-request-id': smuggled });
      expect(read.body.errors).toBeUndefined();
      const [row] = await store.find({ staff: shenzhen.subject, workerIds: [worker.workerId], limit: 1 });
      expect(row).toMatchObject({ requestId: read.requestId, correlationId: null });
    }
    // Near miss: ten digits (an order number, a date and time) is an ordinary correlation id.
    const plain = await post(shenzhen, `query($id: String!) { worker(idNumber: $id) { name } }`, { id: worker.idNumber }, { 'x-request-id': 'batch-2026120614' });
    const [row] = await store.find({ staff: shenzhen.subject, workerIds: [worker.workerId], limit: 1 });
    expect(row).toMatchObject({ requestId: plain.requestId, correlationId: 'batch-2026120614' });
  });

  it("hr tells villages to the gateway's access log only", async () => {
    const url = platform.subgraphs.hr.url.replace(/\/graphql$/, '/internal/worker-villages');
    const ask = async (headers: Record<string, string>) => {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ workerIds: [worker.workerId] }) });
      return { status: response.status, body: (await response.json()) as any };
    };
    expect((await ask({})).status).toBe(401);
    const officer = await signInternalIdentity({ ...COUNTY_OFFICER, purpose: 'verification', requestId: 'r1' }, TEST_INTERNAL_SIGNING_KEY);
    const refused = await ask({ [INTERNAL_IDENTITY_HEADER]: officer });
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.body)).not.toContain(worker.village);
  });
});
