import { ACCESS_LOG_SERVICE, INTERNAL_IDENTITY_HEADER, signInternalIdentity, type Identity } from '@jiuye/common';
import type { RunningGateway } from '@jiuye/gateway';
import { spawnService, until, type ChildService } from '@jiuye/testing/child-service';
import { startGatewayOn } from '@jiuye/testing/gateway';
import { pseudonymOf, TEST_INTERNAL_SIGNING_KEY } from '@jiuye/testing/harness';
import { COUNTY_OFFICER, startTestPlatform, userHeaders, type TestPlatform } from '@jiuye/testing/platform';

/**
 * The audit subgraph (the access log in the graph) is a service of its own process
 * (gateway/dist/audit/main.js), so that any engine serving the committed supergraph can route to
 * it. Like a department it answers only the identity the gateway signed, and the log only to
 * auditors (department staff: their own region's people, as before); the gateway alone writes
 * the log, and its readiness does not depend on the audit service.
 */
jest.setTimeout(120_000);

const AUDITOR: Identity = { subject: 'auditor-7', department: 'auditor', role: 'viewer', permissions: [] };
const LOG_QUERY = `query($workerId: ID!) { accessLog(workerId: $workerId, first: 20) { nodes { staff department requestId workerId fields } } }`;

let platform: TestPlatform;
let audit: ChildService;
let auditUrl: string;
let gateway: RunningGateway;
let idNumber: string;

/** A request straight to the audit service (not through a gateway), with the headers given. */
async function direct(query: string, headers: Record<string, string>, variables?: Record<string, unknown>) {
  const response = await fetch(auditUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  return { status: response.status, body: (await response.json()) as any };
}

async function signed(identity: Identity & { purpose?: 'verification' }, key = TEST_INTERNAL_SIGNING_KEY): Promise<Record<string, string>> {
  return { [INTERNAL_IDENTITY_HEADER]: await signInternalIdentity({ ...identity, requestId: `direct-${identity.subject}` }, key) };
}

/** Through the gateway under test (the one routed to the audit process). */
async function viaGateway(identity: Identity, query: string, variables?: Record<string, unknown>, purpose: 'verification' | null = 'verification') {
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await userHeaders(identity, purpose)) },
    body: JSON.stringify({ query, variables }),
  });
  return { requestId: response.headers.get('x-request-id')!, body: (await response.json()) as any };
}

beforeAll(async () => {
  platform = await startTestPlatform(60);
  audit = spawnService('gateway/dist/audit/main.js', { AUDIT_DATABASE_URL: platform.auditDatabaseUrl, AUDIT_PORT: '0' });
  auditUrl = await audit.ready();
  gateway = await startGatewayOn(platform, { auditUrl });
  idNumber = platform.county.sampleIdNumbers()[0].idNumber;
});

afterAll(async () => {
  await gateway?.stop();
  await audit?.stop();
  await platform?.stop();
});

describe('the audit service, its own process', () => {
  it('refuses a request without the signed identity, and one signed with another key, before any GraphQL work', async () => {
    const query = '{ accessLogVerification { ok entries } }';
    const unsigned = await direct(query, {});
    expect(unsigned.status).toBe(401);
    expect(unsigned.body.data).toBeUndefined();
    expect(unsigned.body.errors[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'no-gateway-identity' });

    const forged = await direct(query, await signed(AUDITOR, 'a-key-that-is-not-the-gateways-signing-key-0123456789'));
    expect(forged.status).toBe(401);
    expect(forged.body.data).toBeUndefined();
    expect(forged.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it("refuses signed callers who are not auditors, and the gateway's own service identity", async () => {
    const workerId = pseudonymOf(idNumber);
    for (const identity of [COUNTY_OFFICER, { subject: 'screen', department: 'dashboard', role: 'viewer', region: '530113', permissions: [] } as Identity]) {
      const answer = await direct(LOG_QUERY, await signed({ ...identity, purpose: 'verification' }), { workerId });
      expect({ subject: identity.subject, data: answer.body.data, code: answer.body.errors?.[0]?.extensions?.code }).toEqual({
        subject: identity.subject,
        data: null,
        code: 'FORBIDDEN',
      });
    }
    // hr receives the gateway's access-log identity (to place entries in villages); replayed here it reads nothing.
    const replayed = await direct(LOG_QUERY, await signed({ ...ACCESS_LOG_SERVICE, permissions: [] }), { workerId });
    expect(replayed.status).toBe(403);
    expect(replayed.body.data).toBeUndefined();
    expect(replayed.body.errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'service-identity' });
  });

  it("answers an auditor's query through the gateway from the separate process: the read the gateway logged, under the gateway's request id", async () => {
    const read = await viaGateway(COUNTY_OFFICER, `query($id: String!) { worker(idNumber: $id) { id name } }`, { id: idNumber });
    expect(read.body.errors).toBeUndefined();
    const workerId = read.body.data.worker.id as string;
    expect(workerId).toBe(pseudonymOf(idNumber));

    // The gateway answered the officer only once the row was committed; the audit process reads it.
    const asked = await viaGateway(AUDITOR, LOG_QUERY, { workerId }, null);
    expect(asked.body.errors).toBeUndefined();
    expect(asked.body.data.accessLog.nodes).toEqual(
      expect.arrayContaining([expect.objectContaining({ staff: COUNTY_OFFICER.subject, department: 'hr', requestId: read.requestId, workerId })]),
    );
    // The audit process logged the auditor's request under the gateway's request id: it answered it
    // (its log line is written as the answer ends, and reaches us through a pipe).
    await until('the audit process to log the request', async () => audit.output().includes(asked.requestId), 5000);
    expect(
      audit
        .output()
        .split('\n')
        .find((line) => line.includes(asked.requestId)),
    ).toMatch(/"status":200.*"department":"auditor"/);
    expect(audit.output()).not.toContain(idNumber);

    // Its own /metrics (Prometheus), as every service: the auditor's operation counted, its pool, no person in it.
    const scrape = await (await fetch(new URL('/metrics', auditUrl))).text();
    const lines = (name: string, ...labels: string[]) => scrape.split('\n').filter((line) => line.startsWith(`${name}{`) && labels.every((label) => line.includes(label)));
    const answered = lines('jiuye_graphql_requests_total', 'service="audit"', 'outcome="ok"').reduce((sum, line) => sum + Number(line.split(' ').pop()), 0);
    expect(answered).toBeGreaterThanOrEqual(1);
    expect(lines('jiuye_db_pool_connections', 'pool="audit"').length).toBeGreaterThan(0);
    expect(scrape).not.toContain(workerId);
    expect(scrape).not.toContain(idNumber);

    // Through the gateway too, a non-auditor is refused the log.
    const officer = await viaGateway(COUNTY_OFFICER, LOG_QUERY, { workerId });
    expect(officer.body.data).toBeNull();
    expect(officer.body.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('leaves the gateway ready and the departments answering when the audit service is down; only the log is unavailable', async () => {
    const spare = spawnService('gateway/dist/audit/main.js', { AUDIT_DATABASE_URL: platform.auditDatabaseUrl, AUDIT_PORT: '0' });
    const spareGateway = await startGatewayOn(platform, { auditUrl: await spare.ready() });
    try {
      await spare.kill();
      expect((await fetch(new URL('/ready', spareGateway.url))).status).toBe(200);
      const ask = async (identity: Identity, query: string, variables: Record<string, unknown>, purpose: 'verification' | null) => {
        const response = await fetch(spareGateway.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(await userHeaders(identity, purpose)) },
          body: JSON.stringify({ query, variables }),
        });
        return (await response.json()) as any;
      };
      const person = await ask(COUNTY_OFFICER, `query($id: String!) { worker(idNumber: $id) { name } }`, { id: idNumber }, 'verification');
      expect(person.errors).toBeUndefined();
      expect(person.data.worker.name).toEqual(expect.any(String));
      const log = await ask(AUDITOR, LOG_QUERY, { workerId: pseudonymOf(idNumber) }, null);
      expect(log.data).toBeNull();
      expect(log.errors[0].extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE' });
    } finally {
      await spareGateway.stop();
      await spare.stop();
    }
  });
});
