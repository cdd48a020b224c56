import { Client } from 'pg';
import { withDatabase } from '@jiuye/common';
import { AccessLogStore, type RunningGateway } from '@jiuye/gateway';
import { freshDatabaseUrl, pseudonymOf, testServerUrl } from '@jiuye/testing/harness';
import { DEMO_COUNTY, startTestPlatform, userHeaders, type TestPlatform } from '@jiuye/testing/platform';
import { leaksIn, post, startGatewayOn } from '@jiuye/testing/gateway';
import { latencyProxy, type LatencyProxy } from '@jiuye/testing/latency-proxy';
import { sqlAt, until } from '@jiuye/testing/child-service';

/**
 * Faults the gateway survives: a slow department (latency injected by a TCP proxy in front of
 * it) and the access log's database unreachable.
 */
const WORKER = /* GraphQL */ `
  query ($id: String!) {
    worker(idNumber: $id) {
      name
      povertyStatus
      currentTransfer {
        employerName
        startedOn
      }
      retained
    }
  }
`;
const PARTNER_FIELDS = ['currentTransfer', 'retained'];
const DASHBOARD = { subject: 'faults-dashboard', department: 'dashboard' as const, role: 'viewer' as const, region: DEMO_COUNTY, permissions: [] };
const INDICATORS = `{ indicators(region: "${DEMO_COUNTY}", period: "2026") { threshold labourForce { value suppressed } } }`;

let platform: TestPlatform;
let idNumber: string;
let healthy: Record<string, unknown>;

beforeAll(async () => {
  platform = await startTestPlatform(100);
  const page = await platform.query(`{ workers(divisionCode: "${DEMO_COUNTY}", first: 100) { nodes { id currentTransfer { employerName } } } }`);
  const chosen = page.data.workers.nodes.find((n: { currentTransfer: unknown }) => n.currentTransfer);
  idNumber = idNumberOf(chosen.id);
  const response = await platform.query(WORKER, { id: idNumber });
  expect(response.errors).toBeUndefined();
  healthy = response.data.worker;
  expect(healthy.currentTransfer).not.toBeNull();
});
afterAll(() => platform?.stop());

describe('a slow department (latency injected between the gateway and partner)', () => {
  const TIMEOUT_MS = 1500;
  let proxy: LatencyProxy;
  let gateway: RunningGateway;

  beforeAll(async () => {
    proxy = await latencyProxy(platform.subgraphs.partner.url, 0);
    gateway = await startGatewayOn(platform, { subgraphUrls: { partner: proxy.url }, subgraphTimeoutMs: TIMEOUT_MS });
  });
  afterAll(async () => {
    await gateway?.stop();
    await proxy?.close();
  });

  it('slow but within the timeout: the whole answer, later', async () => {
    proxy.delayMs = 250;
    const started = Date.now();
    const response = await post(gateway.url, { query: WORKER, variables: { id: idNumber } });
    expect(Date.now() - started).toBeGreaterThanOrEqual(500); // there and back
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data.worker).toEqual(healthy);
  });

  it('slower than the timeout: its fields are empty (SUBGRAPH_UNAVAILABLE, TIMEOUT) when the timeout strikes; the rest answers', async () => {
    proxy.delayMs = 4000;
    const started = Date.now();
    const response = await post(gateway.url, { query: WORKER, variables: { id: idNumber } });
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(TIMEOUT_MS - 20);
    expect(elapsed).toBeLessThan(TIMEOUT_MS + 2000);
    expect(response.body.data.worker).toEqual({ ...healthy, ...Object.fromEntries(PARTNER_FIELDS.map((field) => [field, null])) });
    expect(response.body.errors).toHaveLength(1);
    expect(response.body.errors[0]).toMatchObject({ path: ['worker'], extensions: { code: 'SUBGRAPH_UNAVAILABLE', department: 'partner', reason: 'TIMEOUT' } });
    expect(leaksIn(response.text)).toEqual([]);
  });

  it('back to normal speed: whole answers again, at once', async () => {
    proxy.delayMs = 0;
    const started = Date.now();
    const response = await post(gateway.url, { query: WORKER, variables: { id: idNumber } });
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data.worker).toEqual(healthy);
  });
});

describe("the access log's database unreachable", () => {
  const auditUrl = freshDatabaseUrl('audit_cut');
  const auditName = new URL(auditUrl).pathname.slice(1);
  const server = withDatabase(testServerUrl(), 'postgres');
  let gateway: RunningGateway;

  beforeAll(async () => {
    gateway = await startGatewayOn(platform, { auditDatabaseUrl: auditUrl });
  });
  afterAll(async () => {
    await sqlAt(server, `alter database "${auditName}" with allow_connections true`);
    await gateway?.stop();
  });

  it('withholds person-level answers with a clear error, at once; aggregates go on; when it returns, reads are logged again and the chain verifies', async () => {
    const before = await post(gateway.url, { query: WORKER, variables: { id: idNumber } });
    expect(before.body.data.worker).toEqual(healthy);

    // Cut off: no new connection is allowed, and the gateway's are ended.
    await sqlAt(server, `alter database "${auditName}" with allow_connections false`);
    await sqlAt(server, `select pg_terminate_backend(pid) from pg_stat_activity where datname = $1`, [auditName]);
    const started = Date.now();
    const withheld = await post(gateway.url, { query: WORKER, variables: { id: idNumber } });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(withheld.status).toBe(503);
    expect(withheld.body.data ?? null).toBeNull();
    expect(withheld.body.errors[0].extensions.code).toBe('ACCESS_LOG_UNAVAILABLE');
    expect(leaksIn(withheld.text)).toEqual([]);
    const aggregate = await post(gateway.url, { query: INDICATORS }, await userHeaders(DASHBOARD, null));
    expect(aggregate.body.errors).toBeUndefined();
    expect(aggregate.body.data.indicators.threshold).toBeGreaterThan(0);

    await sqlAt(server, `alter database "${auditName}" with allow_connections true`);
    await until('person-level answers again', async () => (await post(gateway.url, { query: WORKER, variables: { id: idNumber } })).status === 200, 15_000, 200);
    const after = await post(gateway.url, { query: WORKER, variables: { id: idNumber } });
    expect(after.body.data.worker).toEqual(healthy);

    const store = await AccessLogStore.open(auditUrl);
    try {
      expect(await store.verify()).toMatchObject({ ok: true });
      const rows = await store.pool.query<{ n: number }>(`select count(*)::int as n from access_log`);
      // The reads before and after the outage, none of the withheld one.
      expect(rows.rows[0].n).toBeGreaterThanOrEqual(2);
    } finally {
      await store.close();
    }
  });

  it('a write under way when its connection is cut: that request gets ACCESS_LOG_UNAVAILABLE, the gateway lives on and the chain verifies', async () => {
    // Another session holds the append lock (gateway/src/audit/access-log.ts): the gateway's write waits inside its transaction.
    const holder = new Client({ connectionString: auditUrl });
    await holder.connect();
    try {
      await holder.query('begin');
      await holder.query('select pg_advisory_xact_lock(7355608)');
      const holderPid = (await holder.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0].pid;
      const pending = post(gateway.url, { query: WORKER, variables: { id: idNumber } });
      await until('the write to wait for the lock', async () => {
        const rows = await sqlAt(server, `select 1 from pg_stat_activity where datname = $1 and wait_event_type = 'Lock' and query like '%pg_advisory_xact_lock%'`, [auditName]);
        return rows.length > 0;
      });
      // Its connection is ended by the server (a restart, an operator): the checked-out client gets the error.
      await sqlAt(server, `select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> $2`, [auditName, holderPid]);
      const cut = await pending;
      expect(cut.status).toBe(503);
      expect(cut.body.errors[0].extensions.code).toBe('ACCESS_LOG_UNAVAILABLE');
      await holder.query('rollback');
    } finally {
      await holder.end();
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    const after = await post(gateway.url, { query: WORKER, variables: { id: idNumber } });
    expect(after.status).toBe(200);
    expect(after.body.data.worker).toEqual(healthy);
    const store = await AccessLogStore.open(auditUrl);
    try {
      expect(await store.verify()).toMatchObject({ ok: true });
    } finally {
      await store.close();
    }
  });
});

/** The ID number behind a worker's pseudonym, from the seeded demo county. */
function idNumberOf(workerId: string): string {
  for (const batch of platform.county.households(500)) {
    for (const household of batch) {
      for (const member of household.members) if (pseudonymOf(member.idNumber) === workerId) return member.idNumber;
    }
  }
  throw new Error('worker not in the demo county');
}
