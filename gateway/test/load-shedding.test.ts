import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { ConfigError, DEFAULT_GATEWAY_MAX_IN_FLIGHT, loadGatewayConfig, SUBGRAPH_NAMES } from '@jiuye/common';
import { DEFAULT_QUERY_LIMITS, startGateway, type RunningGateway } from '@jiuye/gateway';
import { freshDatabaseUrl, TEST_INTERNAL_SIGNING_KEY, TEST_PSEUDONYM_KEY } from '@jiuye/testing/harness';
import { COUNTY_OFFICER, TEST_JWT, userHeaders } from '@jiuye/testing/platform';
import { post, type RawResponse } from '@jiuye/testing/gateway';

/** Every department slow (answers after DELAY_MS): requests pile up in the gateway. */
const DELAY_MS = 1500;
const MAX_IN_FLIGHT = 4;
// Identical queries of one caller in flight at once share a department fetch (gateway/src/department): each one asks for a different page size.
let asked = 0;
const query = () => `{ workers(divisionCode: "530113", first: ${(asked++ % 50) + 1}) { nodes { id } } }`;

describe('load shedding (GATEWAY_MAX_IN_FLIGHT)', () => {
  let department: http.Server;
  let gateway: RunningGateway;
  let base: string;
  let received = 0;

  beforeAll(async () => {
    department = http.createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        response.setHeader('content-type', 'application/json');
        if (request.url === '/ready') return response.end('{"status":"ready"}');
        received++;
        setTimeout(() => response.end(JSON.stringify({ data: { workers: { nodes: [] } } })), DELAY_MS);
      });
    });
    await new Promise<void>((resolve) => department.listen(0, '127.0.0.1', () => resolve()));
    const url = `http://127.0.0.1:${(department.address() as AddressInfo).port}/graphql`;
    gateway = await startGateway({
      environment: 'test',
      logLevel: 'silent',
      pseudonymKey: TEST_PSEUDONYM_KEY,
      internalSigningKey: TEST_INTERNAL_SIGNING_KEY,
      jwt: TEST_JWT,
      auditDatabaseUrl: freshDatabaseUrl('audit'),
      host: '127.0.0.1',
      port: 0,
      supergraphPath: path.resolve(__dirname, '../../schema/supergraph.graphql'),
      subgraphUrls: Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, url])),
      subgraphTimeoutMs: 10_000,
      limits: DEFAULT_QUERY_LIMITS,
      maxInFlight: MAX_IN_FLIGHT,
    });
    base = gateway.url.replace(/\/graphql$/, '');
  });
  afterAll(async () => {
    await gateway?.stop();
    department?.closeAllConnections();
    await new Promise((resolve) => department?.close(resolve));
  });

  it('answers at most the bound at once; the rest get 503 with Retry-After at once, and the probes still answer', async () => {
    const before = received;
    const started = Date.now();
    const timed = async () => {
      const response = await post(gateway.url, { query: query() });
      return { ...response, ms: Date.now() - started };
    };
    const admitted = Array.from({ length: MAX_IN_FLIGHT }, () => timed());
    // The admitted ones are in flight (the department has them) before the rest arrive.
    while (received - before < 1) await new Promise((resolve) => setTimeout(resolve, 10));
    const extra = await Promise.all(Array.from({ length: 16 }, () => timed()));
    for (const response of extra) {
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('1');
      expect(response.body.errors[0].extensions).toEqual({ code: 'OVERLOADED', retryAfter: 1 });
      // Shed without waiting for the slow department.
      expect(response.ms).toBeLessThan(DELAY_MS);
    }
    // While full, the probes answer.
    expect((await fetch(`${base}/health`)).status).toBe(200);
    expect((await fetch(`${base}/ready`)).status).toBe(200);
    const answered: (RawResponse & { ms: number })[] = await Promise.all(admitted);
    for (const response of answered) {
      expect(response.status).toBe(200);
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data).toEqual({ workers: { nodes: [] } });
    }
    // Only the admitted requests reached the department.
    expect(received - before).toBe(MAX_IN_FLIGHT);
  });

  it('frees a place when a request finishes or its client gives up', async () => {
    const before = received;
    const controllers = Array.from({ length: MAX_IN_FLIGHT }, () => new AbortController());
    const headers = { 'content-type': 'application/json', ...(await userHeaders(COUNTY_OFFICER)) };
    const gaveUp = controllers.map((controller) =>
      fetch(gateway.url, { method: 'POST', headers, body: JSON.stringify({ query: query() }), signal: controller.signal }).catch((error: Error) => error.name),
    );
    while (received - before < MAX_IN_FLIGHT) await new Promise((resolve) => setTimeout(resolve, 10));
    expect((await post(gateway.url, { query: query() })).status).toBe(503);
    const abortedAt = Date.now();
    for (const controller of controllers) controller.abort();
    expect(await Promise.all(gaveUp)).toEqual(controllers.map(() => 'AbortError'));
    // The clients left while the department was still working: their places are free as soon as
    // the gateway sees the connections close, long before the department would have answered.
    const statsHeaders = await userHeaders(COUNTY_OFFICER);
    let stats: { inFlight: number; shed: number } | null = null;
    while (!stats) {
      const response = await fetch(`${base}/stats`, { headers: statsHeaders });
      if (response.status === 200) stats = (await response.json()) as { inFlight: number; shed: number };
      else await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(Date.now() - abortedAt).toBeLessThan(DELAY_MS / 2);
    expect(stats.inFlight).toBe(1); // the /stats request itself
    expect(stats.shed).toBeGreaterThanOrEqual(17);
    const response = await post(gateway.url, { query: query() });
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual({ workers: { nodes: [] } });
  });
});

describe('GATEWAY_MAX_IN_FLIGHT', () => {
  const env = { NODE_ENV: 'test', AUDIT_DATABASE_URL: 'postgres://u:p@localhost:5432/audit' };
  it(`defaults to ${DEFAULT_GATEWAY_MAX_IN_FLIGHT} and reads a positive whole number`, () => {
    expect(loadGatewayConfig(env).maxInFlight).toBe(DEFAULT_GATEWAY_MAX_IN_FLIGHT);
    expect(loadGatewayConfig({ ...env, GATEWAY_MAX_IN_FLIGHT: '32' }).maxInFlight).toBe(32);
  });
  it('refuses 0 or a non-number, naming the variable', () => {
    for (const value of ['0', '-1', 'many', '2.5']) {
      expect(() => loadGatewayConfig({ ...env, GATEWAY_MAX_IN_FLIGHT: value })).toThrow(ConfigError);
      expect(() => loadGatewayConfig({ ...env, GATEWAY_MAX_IN_FLIGHT: value })).toThrow(/GATEWAY_MAX_IN_FLIGHT/);
    }
  });
});
