import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { DEPARTMENT_NAMES, SUBGRAPH_NAMES, type SubgraphName } from '@jiuye/common';
import { createDemoCounty, freePort, seedDemoCounty } from '@jiuye/devtools';
import { freshDatabaseUrl, TEST_INTERNAL_SIGNING_KEY, TEST_PSEUDONYM_KEY } from '@jiuye/testing/harness';
import { COUNTY_OFFICER, TEST_JWT, userHeaders } from '@jiuye/testing/platform';

/**
 * OpenTelemetry tracing across real processes (issue 17): the six subgraphs and the gateway run
 * as the built services (dist/, as npm start runs them) with OTEL_EXPORTER_OTLP_ENDPOINT pointed
 * at a small OTLP/HTTP receiver here. One worker query through the gateway must come back as one
 * tree: the gateway's fetches, each department's server span under them, and its SQL under its
 * GraphQL resolvers; and no ID number, name or phone of the worker in anything exported.
 */
jest.setTimeout(240_000);

const ROOT = path.resolve(__dirname, '..');
const WORKERS = 60;

/** OTLP span kinds (the JSON encoding uses the enum's numbers). */
const SERVER = 2;
const CLIENT = 3;

interface OtlpValue {
  stringValue?: string;
  intValue?: string | number;
  boolValue?: boolean;
  doubleValue?: number;
  arrayValue?: { values: OtlpValue[] };
}
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes?: { key: string; value: OtlpValue }[];
}
interface Span extends OtlpSpan {
  service: string;
  scope: string;
}

/** The receiver: every POST /v1/traces kept raw (for the personal-data check) and flattened into spans. */
class OtlpReceiver {
  readonly bodies: string[] = [];
  readonly spans: Span[] = [];
  private server: Server | null = null;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      let body = '';
      request.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      request.on('end', () => {
        if (request.method === 'POST' && request.url === '/v1/traces') this.accept(body);
        response.writeHead(request.url === '/v1/traces' ? 200 : 404, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  private accept(body: string): void {
    this.bodies.push(body);
    const parsed = JSON.parse(body) as { resourceSpans: { resource: { attributes: OtlpSpan['attributes'] }; scopeSpans: { scope: { name: string }; spans: OtlpSpan[] }[] }[] };
    for (const resourceSpans of parsed.resourceSpans) {
      const service = resourceSpans.resource.attributes?.find((a) => a.key === 'service.name')?.value.stringValue ?? '?';
      for (const scopeSpans of resourceSpans.scopeSpans) for (const span of scopeSpans.spans) this.spans.push({ ...span, service, scope: scopeSpans.scope.name });
    }
  }

  trace(traceId: string): Span[] {
    return this.spans.filter((span) => span.traceId === traceId);
  }

  /** Waits until the trace holds what `done` asks for (the services export in batches). */
  async waitFor(traceId: string, done: (spans: Span[]) => boolean, timeoutMs = 20_000): Promise<Span[]> {
    const deadline = Date.now() + timeoutMs;
    while (!done(this.trace(traceId)) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    // One more batch interval: late spans of the same trace.
    await new Promise((resolve) => setTimeout(resolve, 600));
    return this.trace(traceId);
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

interface Service {
  child: ChildProcess;
  output: () => string;
}

function startService(main: string, env: Record<string, string>): Service {
  const child = spawn(process.execPath, [path.join(ROOT, main)], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  return { child, output: () => output };
}

async function waitForReady(url: string, service: Service, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (service.child.exitCode !== null) throw new Error(`the service exited (${service.child.exitCode}): ${service.output()}`);
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(2000) })).ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`not ready within ${timeoutMs} ms: ${service.output()}`);
}

function stopService(service: Service): Promise<void> {
  const { child } = service;
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

const newTraceId = () => randomBytes(16).toString('hex');
/** A W3C traceparent the test sends, so it knows which trace to look for. */
const traceparent = (traceId: string) => `00-${traceId}-${randomBytes(8).toString('hex')}-01`;

const WORKER_QUERY = (idNumber: string) => /* GraphQL */ `
  query TracedWorker {
    worker(idNumber: "${idNumber}") {
      name
      idNumber
      phone
      employmentStatus
      currentEmployment { kind employerName }
      household { code povertyStatus assistanceGrants { kind monthlyAmount } }
      disability { kind grade }
      careDuties { reason }
      certificates { trade grade }
      transfers { employerName city { name } }
    }
  }
`;

const stringValues = (span: Span) => (span.attributes ?? []).map((a) => a.value.stringValue).filter((v): v is string => v !== undefined);

describe('OpenTelemetry: one worker query is one trace from the gateway through every department to its SQL', () => {
  const receiver = new OtlpReceiver();
  const services: Service[] = [];
  let gateway: Service;
  let gatewayUrl = '';
  let sample: { idNumber: string; name: string; phone: string };
  /** What another gateway on the same departments needs (its port and OTEL_* aside). */
  let gatewayEnv: Record<string, string> = {};

  beforeAll(async () => {
    await receiver.start();
    const databaseUrls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, freshDatabaseUrl(name)])) as Record<SubgraphName, string>;
    await seedDemoCounty({ databaseUrls, pseudonymKey: TEST_PSEUDONYM_KEY, workers: WORKERS, batchSize: 100 });
    // A sample worker in the labour registry with a phone: what the query reads and the spans must not carry.
    const county = createDemoCounty({ workers: WORKERS });
    const members = [...county.households(500)].flat().flatMap((household) => household.members);
    const person = county
      .sampleIdNumbers()
      .map((s) => members.find((m) => m.idNumber === s.idNumber)!)
      .find((m) => m.inLabourRegistry && m.phone && m.phoneValid);
    if (!person?.phone) throw new Error('no sample worker with a phone in the demo county');
    sample = { idNumber: person.idNumber, name: person.name, phone: person.phone };

    const ports = Object.fromEntries(await Promise.all([...SUBGRAPH_NAMES, 'gateway'].map(async (name) => [name, await freePort()]))) as Record<SubgraphName | 'gateway', number>;
    const common = {
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PSEUDONYM_KEY: TEST_PSEUDONYM_KEY,
      INTERNAL_SIGNING_KEY: TEST_INTERNAL_SIGNING_KEY,
      JWT_SECRET: TEST_JWT.secret,
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      // JSON, which this receiver reads without a protobuf decoder (http/protobuf, the default, is common/test/tracing.test.ts).
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_BSP_SCHEDULE_DELAY: '200',
      ...Object.fromEntries(SUBGRAPH_NAMES.map((name) => [`${name.toUpperCase()}_URL`, `http://127.0.0.1:${ports[name]}/graphql`])),
    };
    const databaseEnv = (name: SubgraphName) =>
      name === 'situation'
        ? Object.fromEntries(SUBGRAPH_NAMES.map((n) => [`${n.toUpperCase()}_DATABASE_URL`, databaseUrls[n]]))
        : { [`${name.toUpperCase()}_DATABASE_URL`]: databaseUrls[name] };
    const start = async (names: readonly SubgraphName[]) => {
      const started = names.map((name) => {
        const service = startService(`subgraphs/${name}/dist/main.js`, { ...common, ...databaseEnv(name), [`${name.toUpperCase()}_PORT`]: String(ports[name]) });
        services.push(service);
        return waitForReady(`http://127.0.0.1:${ports[name]}/ready`, service);
      });
      await Promise.all(started);
    };
    await start(DEPARTMENT_NAMES);
    await start(['situation']);
    const auditUrl = freshDatabaseUrl('audit');
    // This gateway sits behind a trusted edge proxy (OTEL_TRUST_INCOMING_TRACE=on): it continues the
    // test's traceparent, which is how these tests find their trace. The next describe has the default.
    gateway = startService('gateway/dist/main.js', { ...common, GATEWAY_PORT: String(ports.gateway), AUDIT_DATABASE_URL: auditUrl, OTEL_TRUST_INCOMING_TRACE: 'on' });
    services.push(gateway);
    await waitForReady(`http://127.0.0.1:${ports.gateway}/ready`, gateway);
    gatewayUrl = `http://127.0.0.1:${ports.gateway}/graphql`;
    gatewayEnv = { ...common, AUDIT_DATABASE_URL: auditUrl };
  });

  afterAll(async () => {
    await Promise.all(services.map(stopService));
    await receiver.stop();
  });

  async function post(body: object, traceId: string): Promise<any> {
    const response = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', traceparent: traceparent(traceId), ...(await userHeaders(COUNTY_OFFICER)) },
      body: JSON.stringify(body),
    });
    return response.json();
  }

  it('the gateway, each department and their SQL are one tree; nothing personal in any span', async () => {
    const traceId = newTraceId();
    const answer = await post({ query: WORKER_QUERY(sample.idNumber) }, traceId);
    expect(answer.errors).toBeUndefined();
    // The answer does carry the person: the spans below must not.
    expect(answer.data.worker).toMatchObject({ idNumber: sample.idNumber, name: sample.name, phone: sample.phone });

    const spans = await receiver.waitFor(traceId, (found) => DEPARTMENT_NAMES.every((d) => found.some((s) => s.service === `jiuye-${d}` && s.scope.includes('pg'))));
    const byId = new Map(spans.map((span) => [span.spanId, span]));
    const parentOf = (span: Span) => (span.parentSpanId ? byId.get(span.parentSpanId) : undefined);
    const ancestors = (span: Span) => {
      const chain: Span[] = [];
      for (let p = parentOf(span); p; p = parentOf(p)) chain.push(p);
      return chain;
    };

    // The gateway continued the caller's trace: its server span, then its own client spans.
    const gatewayServer = spans.find((s) => s.service === 'jiuye-gateway' && s.kind === SERVER);
    expect(gatewayServer).toBeDefined();
    for (const department of DEPARTMENT_NAMES) {
      const service = `jiuye-${department}`;
      const servers = spans.filter((s) => s.service === service && s.kind === SERVER);
      expect(servers.length).toBeGreaterThan(0);
      for (const server of servers) {
        // Each request a subgraph serves is the child of a client span: the gateway's (node:http, keep-alive) or
        // another subgraph's fetch (undici) when it asks hr, partner or training who may see a worker; all under the
        // gateway's server span.
        const parent = parentOf(server);
        const expectedScope = parent?.service === 'jiuye-gateway' ? '@opentelemetry/instrumentation-http' : expect.stringContaining('undici');
        expect({ department, parent: parent && { kind: parent.kind, scope: parent.scope } }).toEqual({
          department,
          parent: { kind: CLIENT, scope: expectedScope },
        });
        expect(ancestors(server)).toContain(gatewayServer);
      }
      expect({ department, fromGateway: servers.some((server) => parentOf(server)?.service === 'jiuye-gateway') }).toEqual({ department, fromGateway: true });
      // Its SQL: pg spans inside its own server span, and under the GraphQL resolvers that ran them.
      const queries = spans.filter((s) => s.service === service && s.scope.includes('instrumentation-pg'));
      expect({ department, queries: queries.length > 0 }).toEqual({ department, queries: true });
      for (const query of queries) {
        const chain = ancestors(query);
        expect({ department, query: query.name, inServer: chain.some((s) => servers.includes(s)) }).toEqual({ department, query: query.name, inServer: true });
      }
      expect({ department, underResolver: queries.some((q) => ancestors(q).some((s) => s.service === service && s.scope.includes('graphql'))) }).toEqual({
        department,
        underResolver: true,
      });
    }
    // All of it one trace: every span reaches the gateway's server span.
    for (const span of spans)
      if (span !== gatewayServer)
        expect({ span: `${span.service} ${span.name}`, rooted: ancestors(span).includes(gatewayServer!) }).toEqual({ span: `${span.service} ${span.name}`, rooted: true });

    // The SQL text (MikroORM inlines the values) and parameters are not exported; the span names the operation only.
    const pgSpans = spans.filter((s) => s.scope.includes('instrumentation-pg'));
    for (const span of pgSpans) {
      const keys = (span.attributes ?? []).map((a) => a.key);
      expect(keys).not.toContain('db.statement');
      expect(keys).not.toContain('db.query.text');
      expect(keys.filter((key) => key.includes('values') || key.includes('parameter'))).toEqual([]);
    }
    for (const span of spans) for (const value of stringValues(span)) expect(value).not.toMatch(/\d{11,}/);
  });

  it('variables, a GET with the query in its URL and an export URL leave nothing personal in any span either', async () => {
    const variablesTrace = newTraceId();
    const byVariables = await post(
      { query: 'query ByVariables($idNumber: String!) { worker(idNumber: $idNumber) { name phone idNumber } }', variables: { idNumber: sample.idNumber } },
      variablesTrace,
    );
    expect(byVariables.data.worker).toMatchObject({ name: sample.name, phone: sample.phone });
    const getTrace = newTraceId();
    const url = new URL(gatewayUrl);
    url.searchParams.set('query', `{ worker(idNumber: "${sample.idNumber}") { name } }`);
    await fetch(url, { headers: { traceparent: traceparent(getTrace), 'apollo-require-preflight': 'true', ...(await userHeaders(COUNTY_OFFICER)) } });
    await fetch(new URL(`/exports/roster.csv?kind=POOR_LABOURERS&region=530113&idNumber=${sample.idNumber}`, gatewayUrl), {
      headers: { traceparent: traceparent(getTrace), ...(await userHeaders(COUNTY_OFFICER)) },
    }).then((response) => response.arrayBuffer());
    const spans = await receiver.waitFor(variablesTrace, (found) => found.some((s) => s.service === 'jiuye-hr' && s.scope.includes('pg')));
    expect(spans.some((s) => s.service === 'jiuye-gateway')).toBe(true);
    await receiver.waitFor(getTrace, (found) => found.filter((s) => s.service === 'jiuye-gateway' && s.kind === SERVER).length >= 2);

    // Everything every service exported in this file, raw: no ID number, name or phone of the worker.
    const exported = receiver.bodies.join('\n');
    expect(exported.length).toBeGreaterThan(0);
    for (const [what, value] of Object.entries(sample)) expect({ what, found: exported.includes(value) }).toEqual({ what, found: false });
    expect(exported).not.toContain(sample.idNumber.slice(0, 14));
  });

  it('a log line written inside a traced request carries its trace_id and span_id', async () => {
    const traceId = newTraceId();
    // Deeper than the gateway allows: refused with a warning logged inside the request.
    const deep = `{ worker(idNumber: "${sample.idNumber}") { ${'household { members { '.repeat(7)}name${' } }'.repeat(7)} } }`;
    const answer = await post({ query: deep }, traceId);
    expect(answer.errors?.length).toBeGreaterThan(0);
    const deadline = Date.now() + 5000;
    const lines = () =>
      gateway
        .output()
        .split('\n')
        .filter((line) => line.includes(traceId));
    while (lines().length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    const line = JSON.parse(lines()[0] ?? 'null');
    expect(line).toMatchObject({ trace_id: traceId, span_id: expect.stringMatching(/^[0-9a-f]{16}$/) });
    expect(JSON.stringify(line)).not.toContain(sample.idNumber);
  });
  /** Another gateway on the same departments, as its own process, with the default (untrusting) propagation and these variables. */
  async function untrustedGateway(serviceName: string, env: Record<string, string> = {}): Promise<string> {
    const port = await freePort();
    const service = startService('gateway/dist/main.js', { ...gatewayEnv, GATEWAY_PORT: String(port), OTEL_SERVICE_NAME: serviceName, ...env });
    services.push(service);
    await waitForReady(`http://127.0.0.1:${port}/ready`, service);
    return `http://127.0.0.1:${port}/graphql`;
  }

  async function postTo(url: string, body: object, traceId: string): Promise<any> {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', traceparent: traceparent(traceId), ...(await userHeaders(COUNTY_OFFICER)) },
      body: JSON.stringify(body),
    });
    return response.json();
  }

  it("a client's traceparent: the gateway (without OTEL_TRUST_INCOMING_TRACE) starts a trace of its own, and the departments join the gateway's", async () => {
    const url = await untrustedGateway('jiuye-gateway-untrusted');
    const clientTrace = newTraceId();
    const answer = await postTo(
      url,
      { query: 'query Untrusted($idNumber: String!) { worker(idNumber: $idNumber) { employmentStatus } }', variables: { idNumber: sample.idNumber } },
      clientTrace,
    );
    expect(answer.errors).toBeUndefined();
    const deadline = Date.now() + 20_000;
    const servers = () => receiver.spans.filter((s) => s.service === 'jiuye-gateway-untrusted' && s.kind === SERVER);
    while (servers().length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    const [server] = servers();
    expect(server).toBeDefined();
    // A root of a new trace: no parent, not the client's trace id.
    expect(server.traceId).not.toBe(clientTrace);
    expect(server.parentSpanId ?? '').toBe('');
    // The gateway's trace does go on into the department (the subgraphs trust the gateway's traceparent).
    const spans = await receiver.waitFor(server.traceId, (found) => found.some((s) => s.service === 'jiuye-hr' && s.kind === SERVER));
    expect(spans.some((s) => s.service === 'jiuye-hr' && s.kind === SERVER)).toBe(true);
    // Nothing anywhere joined the client's trace.
    expect(receiver.trace(clientTrace)).toEqual([]);
  });

  it("a client's traceparent with the sampled flag cannot force sampling: under parentbased_always_off nothing is recorded", async () => {
    const url = await untrustedGateway('jiuye-gateway-sampled-off', { OTEL_TRACES_SAMPLER: 'parentbased_always_off' });
    const clientTrace = newTraceId();
    const answer = await postTo(
      url,
      { query: 'query ForcedSampling($idNumber: String!) { worker(idNumber: $idNumber) { employmentStatus } }', variables: { idNumber: sample.idNumber } },
      clientTrace,
    );
    expect(answer.errors).toBeUndefined();
    // A request the trusted gateway traces meanwhile: when its spans are in, the batches of this moment have been sent.
    const marker = newTraceId();
    await post({ query: '{ __typename }' }, marker);
    await receiver.waitFor(marker, (found) => found.some((s) => s.kind === SERVER));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(receiver.trace(clientTrace)).toEqual([]);
    expect(receiver.spans.filter((s) => s.service === 'jiuye-gateway-sampled-off')).toEqual([]);
  });
});
