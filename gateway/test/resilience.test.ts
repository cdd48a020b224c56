import type { RunningGateway } from '@jiuye/gateway';
import { startTestPlatform, type TestPlatform } from '@jiuye/testing/platform';
import { pseudonymOf } from '@jiuye/testing/harness';
import { closedPort, leaksIn, post, startGatewayOn, tinyServer, waitFor, type TinyServer } from '@jiuye/testing/gateway';

/**
 * One department down or slow costs that department's fields, with an error saying so; the
 * other four still answer, within a bounded time, and the gateway keeps serving.
 */
const SITUATION = /* GraphQL */ `
  query ($id: String!) {
    worker(idNumber: $id) {
      name
      employmentStatus
      household {
        code
      }
      povertyStatus
      relationshipToHead
      leftBehind
      disability {
        kind
        grade
      }
      certificates {
        trade
      }
      certifiedTrades
      currentTransfer {
        employerName
        startedOn
      }
      retained
      lastContactOutcome
    }
  }
`;
const PARTNER_FIELDS = ['currentTransfer', 'retained', 'lastContactOutcome'];
const CIVIL_FIELDS = ['leftBehind', 'disability'];

describe('a department down or slow', () => {
  let platform: TestPlatform;
  let idNumber: string;
  /** The whole answer, from the platform's healthy gateway. */
  let healthy: Record<string, unknown>;

  beforeAll(async () => {
    platform = await startTestPlatform(100);
    // A worker every department knows something about, so each one's absence shows.
    const county = platform.county.reference.county.code;
    const page = await platform.query(
      `{ workers(divisionCode: "${county}", first: 100) { nodes { id povertyStatus disability { grade } leftBehind currentTransfer { employerName } } } }`,
    );
    const nodes: { id: string; povertyStatus: unknown; disability: unknown; leftBehind: unknown; currentTransfer: unknown }[] = page.data.workers.nodes;
    const score = (n: (typeof nodes)[number]) => [n.povertyStatus, n.currentTransfer, n.disability ?? n.leftBehind].filter(Boolean).length;
    const chosen = [...nodes].sort((a, b) => score(b) - score(a))[0];
    idNumber = idNumberOf(platform, chosen.id);
    const response = await platform.query(SITUATION, { id: idNumber });
    expect(response.errors).toBeUndefined();
    healthy = response.data.worker;
  });
  afterAll(() => platform?.stop());

  function without(fields: string[]): Record<string, unknown> {
    return { ...healthy, ...Object.fromEntries(fields.map((field) => [field, null])) };
  }

  describe('one that cannot be reached', () => {
    let port: number;
    let gateway: RunningGateway;

    beforeAll(async () => {
      port = await closedPort();
      gateway = await startGatewayOn(platform, { subgraphUrls: { partner: `http://127.0.0.1:${port}/graphql` } });
    });
    afterAll(() => gateway?.stop());

    it('costs its fields only: the other four departments answer', async () => {
      expect(healthy.povertyStatus).not.toBeNull();
      const response = await post(gateway.url, { query: SITUATION, variables: { id: idNumber } });
      expect(response.status).toBe(200);
      expect(response.body.data.worker).toEqual(without(PARTNER_FIELDS));
      expect(response.body.errors).toEqual([
        {
          message: 'the 东西部协作 partner cities department (partner) could not be reached; its fields are empty in this answer',
          path: ['worker'],
          extensions: { code: 'SUBGRAPH_UNAVAILABLE', department: 'partner', reason: 'UNREACHABLE', fields: PARTNER_FIELDS, requestId: response.headers.get('x-request-id') },
        },
      ]);
      expect(leaksIn(response.text)).toEqual([]);
      expect(response.text).not.toContain(String(port));
    });

    it('lists every worker of a page, with one error for the list', async () => {
      const query = `{ workers(divisionCode: "${platform.county.reference.county.code}", first: 20) { nodes { name povertyStatus retained } } }`;
      const response = await post(gateway.url, { query });
      const nodes = response.body.data.workers.nodes;
      expect(nodes).toHaveLength(20);
      expect(nodes.every((n: { name: string; retained: unknown }) => typeof n.name === 'string' && n.retained === null)).toBe(true);
      expect(response.body.errors).toHaveLength(1);
      expect(response.body.errors[0]).toMatchObject({ path: ['workers', 'nodes'], extensions: { code: 'SUBGRAPH_UNAVAILABLE', department: 'partner', fields: ['retained'] } });
    });

    it('keeps the worker when a list of that department is missing: those lists are nullable', async () => {
      // Fields a department adds to Worker are nullable, so that its outage empties them
      // without nulling the worker the other departments describe.
      const response = await post(gateway.url, { query: `query($id: String!) { worker(idNumber: $id) { name transfers { employerName } } }`, variables: { id: idNumber } });
      expect(response.body.data.worker).toEqual({ name: healthy.name, transfers: null });
      expect(response.body.errors[0].extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', department: 'partner', fields: ['transfers'] });
    });

    it('keeps serving what does not need that department', async () => {
      const response = await post(gateway.url, { query: `query($id: String!) { worker(idNumber: $id) { name povertyStatus disability { grade } } }`, variables: { id: idNumber } });
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data.worker.name).toBe(healthy.name);
    });
  });

  describe('one that does not answer', () => {
    // The deadline applies to every department of this gateway; long enough for the healthy ones on a busy CI machine.
    const TIMEOUT_MS = 1000;
    let hung: TinyServer;
    let gateway: RunningGateway;

    beforeAll(async () => {
      hung = await tinyServer();
      gateway = await startGatewayOn(platform, { subgraphUrls: { civil: hung.url }, subgraphTimeoutMs: TIMEOUT_MS });
    });
    afterAll(async () => {
      await gateway?.stop();
      await hung?.close();
    });

    it('costs its fields after the deadline, not the whole request', async () => {
      const started = Date.now();
      const responses = await Promise.all(Array.from({ length: 4 }, () => post(gateway.url, { query: SITUATION, variables: { id: idNumber } })));
      const elapsed = Date.now() - started;
      expect(elapsed).toBeGreaterThanOrEqual(TIMEOUT_MS - 20);
      expect(elapsed).toBeLessThan(TIMEOUT_MS + 2500);
      // Four identical queries of the same caller in flight at once share one fetch to the department.
      expect(hung.requests).toBeGreaterThanOrEqual(1);
      for (const response of responses) {
        expect(response.body.data.worker).toEqual(without(CIVIL_FIELDS));
        expect(response.body.errors).toHaveLength(1);
        expect(response.body.errors[0]).toMatchObject({
          message: `the 民政 civil affairs department (civil) did not answer within ${TIMEOUT_MS} ms; its fields are empty in this answer`,
          path: ['worker'],
          extensions: { code: 'SUBGRAPH_UNAVAILABLE', department: 'civil', reason: 'TIMEOUT', fields: CIVIL_FIELDS },
        });
        expect(leaksIn(response.text)).toEqual([]);
      }
      // The gateway gave up on the hung connections: none is left open (fetch lets an aborted
      // connection go within its keep-alive timeout, 4 s).
      await waitFor(() => hung.openConnections() === 0, 10_000);
    });

    it('keeps serving afterwards, at full speed for what does not need that department', async () => {
      const started = Date.now();
      const response = await post(gateway.url, {
        query: `query($id: String!) { worker(idNumber: $id) { name povertyStatus currentTransfer { employerName startedOn } } }`,
        variables: { id: idNumber },
      });
      expect(Date.now() - started).toBeLessThan(TIMEOUT_MS);
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data.worker).toEqual({ name: healthy.name, povertyStatus: healthy.povertyStatus, currentTransfer: healthy.currentTransfer });
    });
  });

  describe('one stopped while the gateway runs', () => {
    it('costs its fields only, and the gateway keeps serving', async () => {
      await platform.subgraphs.partner.stop();
      const response = await post(platform.gateway.url, { query: SITUATION, variables: { id: idNumber } });
      expect(response.body.data.worker).toEqual(without(PARTNER_FIELDS));
      expect(response.body.errors).toHaveLength(1);
      expect(response.body.errors[0]).toMatchObject({ path: ['worker'], extensions: { code: 'SUBGRAPH_UNAVAILABLE', department: 'partner' } });
      expect(leaksIn(response.text)).toEqual([]);

      const after = await platform.query(`query($id: String!) { worker(idNumber: $id) { name povertyStatus } }`, { id: idNumber });
      expect(after.errors).toBeUndefined();
      expect(after.data.worker.name).toBe(healthy.name);
    });
  });
});

/** The ID number behind a worker's pseudonym, from the seeded demo county. */
function idNumberOf(platform: TestPlatform, workerId: string): string {
  for (const batch of platform.county.households(500)) {
    for (const household of batch) {
      for (const member of household.members) if (pseudonymOf(member.idNumber) === workerId) return member.idNumber;
    }
  }
  throw new Error('worker not in the demo county');
}
