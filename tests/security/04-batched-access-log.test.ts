import { AccessLogStore } from '@jiuye/gateway';
import { DEMO_COUNTY, startTestPlatform, userHeaders, type TestPlatform } from '@jiuye/testing/platform';

/**
 * Hole 4 — batched requests dropped access-log entries. Apollo Server runs a batch's operations
 * with shallow copies of one context, so they shared one array of reads; the first operation to
 * finish appended it and emptied it, erasing what the others had added meanwhile (11 of 100
 * person answers, full phones included, had no entry). Defended by: reads kept per operation.
 */
jest.setTimeout(180_000);

let platform: TestPlatform;
let store: AccessLogStore;
let villages: string[];

beforeAll(async () => {
  platform = await startTestPlatform(400);
  store = await AccessLogStore.open(platform.auditDatabaseUrl);
  villages = (
    await platform.subgraphs.hr.sql<{ village_code: string }>(`select distinct village_code from worker where village_code like ? order by village_code`, [`${DEMO_COUNTY}%`])
  ).map((row) => row.village_code);
  expect(villages.length).toBeGreaterThanOrEqual(5);
});

afterAll(async () => {
  await store?.close();
  await platform?.stop();
});

describe('hole 4: every person in every answer of a batched request has an access-log entry for that request', () => {
  it('batches of 5 in parallel: each person answered (with a full phone) is logged under the request that read them', async () => {
    const headers = {
      'content-type': 'application/json',
      ...(await userHeaders({ subject: 'batching-officer', department: 'hr', role: 'officer', region: DEMO_COUNTY, permissions: ['reveal'] })),
    };
    const batches = 12;
    const responses = await Promise.all(
      Array.from({ length: batches }, async (_, b) => {
        const operations = Array.from({ length: 5 }, (_, o) => ({
          query: `query Batch${b}Op${o}($village: DivisionCode!) { workers(divisionCode: $village, first: 4) { nodes { id name phone employmentStatus } } }`,
          variables: { village: villages[(b * 5 + o) % villages.length] },
        }));
        const response = await fetch(platform.gateway.url, { method: 'POST', headers, body: JSON.stringify(operations) });
        return { requestId: response.headers.get('x-request-id')!, body: (await response.json()) as any[] };
      }),
    );
    const rows = await store.find({ staff: 'batching-officer', limit: 5000 });
    const logged = new Set(rows.map((row) => `${row.requestId} ${row.operation} ${row.workerId}`));
    let answered = 0;
    const missing: string[] = [];
    responses.forEach(({ requestId, body }, b) => {
      expect(body).toHaveLength(5);
      body.forEach((operation, o) => {
        expect(operation.errors).toBeUndefined();
        for (const node of operation.data.workers.nodes) {
          answered++;
          if (!logged.has(`${requestId} Batch${b}Op${o} ${node.id}`)) missing.push(`${b}/${o}/${node.id}`);
        }
      });
    });
    expect(answered).toBeGreaterThanOrEqual(batches * 5 * 2);
    expect(missing).toEqual([]);
    // Entries are per operation: one per person and operation, none made up.
    expect(rows.length).toBe(answered);
    expect(await store.verify()).toMatchObject({ ok: true });
  });
});
