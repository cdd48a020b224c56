import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEPARTMENT_NAMES, LATENCY_BUCKETS, MAX_OPERATION_LABELS, SUBGRAPH_NAMES, type SubgraphName } from '@jiuye/common';
import { parseScrape, samplesOf, scrape, valueOf, type Scrape } from '@jiuye/testing/prometheus';
import { COUNTY_OFFICER, DEMO_COUNTY, startTestPlatform, userHeaders, type TestPlatform } from '@jiuye/testing/platform';

/**
 * Metrics (issue 17): GET /metrics on the gateway and every subgraph of the platform, scraped
 * after real requests through the gateway; the gateway's readiness without a department.
 */
const PROBE = /* GraphQL */ `
  query MetricsProbe($idNumber: String!) {
    worker(idNumber: $idNumber) {
      id
      name
      employmentStatus
      disability {
        kind
      }
    }
  }
`;

let platform: TestPlatform;
let idNumber: string;
/** The demo people's ID numbers, names and phones: none may appear in any scrape. */
const personal: string[] = [];
const stopped = new Set<SubgraphName>();

beforeAll(async () => {
  platform = await startTestPlatform(120);
  idNumber = platform.county.sampleIdNumbers()[0].idNumber;
  for (const households of platform.county.households(200)) {
    for (const household of households) {
      for (const person of household.members) personal.push(person.idNumber, person.name, ...(person.phone ? [person.phone] : []));
    }
  }
});

afterAll(async () => {
  await platform.gateway.stop();
  await platform.audit.stop();
  await Promise.all(SUBGRAPH_NAMES.filter((name) => !stopped.has(name)).map((name) => platform.subgraphs[name].stop()));
});

const base = (url: string) => url.replace(/\/graphql$/, '');

async function scrapeAll(): Promise<Record<SubgraphName | 'gateway', Scrape>> {
  const entries = await Promise.all(
    (['gateway', ...SUBGRAPH_NAMES] as const)
      .filter((name) => !stopped.has(name as SubgraphName))
      .map(async (name) => [name, await scrape(name === 'gateway' ? platform.gateway.url : platform.subgraphs[name].url)] as const),
  );
  return Object.fromEntries(entries) as Record<SubgraphName | 'gateway', Scrape>;
}

describe('GET /metrics', () => {
  let scrapes: Record<SubgraphName | 'gateway', Scrape>;

  beforeAll(async () => {
    const found = await platform.query(PROBE, { idNumber });
    expect(found.errors).toBeUndefined();
    expect(found.data.worker.id).toEqual(expect.any(String));
    // A malformed ID number: BAD_USER_INPUT.
    const refused = await platform.query(PROBE, { idNumber: '11010519491231002x' });
    expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    // An anonymous operation.
    expect((await platform.query('{ __typename }')).data).toEqual({ __typename: 'Query' });
    // An export relayed, and an import the gateway refuses (no file).
    const headers = await userHeaders(COUNTY_OFFICER);
    const exported = await fetch(`${base(platform.gateway.url)}/exports/zero-employment.csv?region=${DEMO_COUNTY}`, { headers });
    expect(exported.status).toBe(200);
    await exported.arrayBuffer();
    const imported = await fetch(`${base(platform.gateway.url)}/imports/hr/registration`, { method: 'POST', headers, body: '' });
    expect(imported.status).toBeGreaterThanOrEqual(400);
    expect(imported.status).toBeLessThan(500);
    await imported.arrayBuffer();
    scrapes = await scrapeAll();
  });

  it('the gateway counts requests per operation name and outcome, with a latency histogram per operation', () => {
    const gateway = scrapes.gateway;
    expect(valueOf(gateway, 'jiuye_graphql_requests_total', { operation: 'MetricsProbe', outcome: 'ok' })).toBeGreaterThanOrEqual(1);
    // The refused ID number: errors, with data { worker: null } (partial) or none (error).
    const failed = ['partial', 'error'].map((outcome) => valueOf(gateway, 'jiuye_graphql_requests_total', { operation: 'MetricsProbe', outcome }));
    expect(failed[0] + failed[1]).toBeGreaterThanOrEqual(1);
    expect(valueOf(gateway, 'jiuye_graphql_requests_total', { operation: 'anonymous', outcome: 'ok' })).toBeGreaterThanOrEqual(1);
    const buckets = samplesOf(gateway, 'jiuye_graphql_request_duration_seconds_bucket', { operation: 'MetricsProbe' });
    expect(buckets.map((b) => b.labels.le)).toEqual([...LATENCY_BUCKETS.map(String), '+Inf']);
    const count = valueOf(gateway, 'jiuye_graphql_request_duration_seconds_count', { operation: 'MetricsProbe' });
    expect(count).toBeGreaterThanOrEqual(2);
    expect(buckets.at(-1)!.value).toBe(count);
    expect(valueOf(gateway, 'jiuye_graphql_request_duration_seconds_sum', { operation: 'MetricsProbe' })).toBeGreaterThan(0);
  });

  it('the gateway counts the exports and imports it relays', () => {
    expect(valueOf(scrapes.gateway, 'jiuye_exports_total', { outcome: 'ok' })).toBe(1);
    expect(valueOf(scrapes.gateway, 'jiuye_imports_total', { department: 'hr', outcome: 'refused' })).toBe(1);
  });

  it('errors are counted by their code', () => {
    expect(valueOf(scrapes.gateway, 'jiuye_graphql_errors_total', { code: 'BAD_USER_INPUT' })).toBeGreaterThanOrEqual(1);
  });

  it('the gateway times each department fetch, watches the access log and its pool', () => {
    const gateway = scrapes.gateway;
    for (const department of ['hr', 'civil']) {
      expect({ department, fetches: valueOf(gateway, 'jiuye_subgraph_fetch_duration_seconds_count', { department, outcome: 'ok' }) }).toEqual({
        department,
        fetches: expect.any(Number),
      });
      expect(valueOf(gateway, 'jiuye_subgraph_fetch_duration_seconds_count', { department, outcome: 'ok' })).toBeGreaterThanOrEqual(1);
    }
    expect(samplesOf(gateway, 'jiuye_subgraph_fetch_failures_total', { department: 'hr' })).toHaveLength(1);
    // The person read was logged: one append at least, durable.
    expect(valueOf(gateway, 'jiuye_access_log_append_duration_seconds_count', { outcome: 'ok' })).toBeGreaterThanOrEqual(1);
    expect(samplesOf(gateway, 'jiuye_access_log_queue_depth')).toHaveLength(1);
    expect(
      samplesOf(gateway, 'jiuye_db_pool_connections', { pool: 'access_log' })
        .map((s) => s.labels.state)
        .sort(),
    ).toEqual(['idle', 'used', 'waiting']);
    expect(valueOf(gateway, 'jiuye_db_pool_max_connections', { pool: 'access_log' })).toBe(4);
    // Load shedding: the bound, what is in flight (the scrape itself is exempt), nothing shed at this load.
    expect(valueOf(gateway, 'jiuye_gateway_max_in_flight_requests')).toBeGreaterThanOrEqual(1);
    expect(samplesOf(gateway, 'jiuye_gateway_in_flight_requests')).toHaveLength(1);
    expect(valueOf(gateway, 'jiuye_gateway_shed_requests')).toBe(0);
  });

  it('every service has the process metrics: event-loop lag, heap, GC, RSS', () => {
    for (const [service, found] of Object.entries(scrapes)) {
      for (const family of ['nodejs_eventloop_lag_seconds', 'nodejs_heap_size_used_bytes', 'nodejs_gc_duration_seconds', 'process_resident_memory_bytes']) {
        expect({ service, family, declared: found.families.has(family) }).toEqual({ service, family, declared: true });
      }
      expect(valueOf(found, 'process_resident_memory_bytes', { service })).toBeGreaterThan(0);
    }
  });

  it('every subgraph counts its operations (as the gateway named them), errors by code and its database pool', () => {
    const hr = scrapes.hr;
    const operations = samplesOf(hr, 'jiuye_graphql_requests_total').map((s) => s.labels.operation);
    expect(operations.some((name) => name.startsWith('MetricsProbe__hr__'))).toBe(true);
    expect(samplesOf(hr, 'jiuye_graphql_request_duration_seconds_bucket').length).toBeGreaterThan(LATENCY_BUCKETS.length);
    for (const name of SUBGRAPH_NAMES) {
      const found = scrapes[name];
      expect({
        name,
        states: samplesOf(found, 'jiuye_db_pool_connections', { pool: name })
          .map((s) => s.labels.state)
          .sort(),
      }).toEqual({
        name,
        states: ['idle', 'used', 'waiting'],
      });
      expect(found.families.has('jiuye_graphql_errors_total')).toBe(true);
    }
  });

  it('situation reports the read model lag and outbox depth per department', async () => {
    const situation = scrapes.situation;
    for (const department of DEPARTMENT_NAMES) {
      const lag = samplesOf(situation, 'jiuye_read_model_lag_seconds', { department });
      expect({ department, lag: lag.length }).toEqual({ department, lag: 1 });
      expect(lag[0].value).toBeGreaterThanOrEqual(0);
      expect(lag[0].value).toBeLessThan(60);
      expect(samplesOf(situation, 'jiuye_outbox_depth', { department })).toHaveLength(1);
      expect(samplesOf(situation, 'jiuye_db_pool_connections', { pool: `feed_${department}` })).toHaveLength(3);
    }
  });

  it('no ID number, name or phone of the demo people appears in any scrape', () => {
    expect(personal.length).toBeGreaterThan(100);
    for (const [service, found] of Object.entries(scrapes)) {
      const leaked = personal.filter((value) => found.text.includes(value));
      expect({ service, leaked }).toEqual({ service, leaked: [] });
      expect(found.text).not.toContain(idNumber);
    }
  });

  it('the dashboard in docs/ refers only to metrics a real scrape has', () => {
    const dashboard = JSON.parse(readFileSync(path.resolve(__dirname, '../docs/grafana-dashboard.json'), 'utf8'));
    const expressions: string[] = JSON.stringify(dashboard).match(/"expr":"(?:[^"\\]|\\.)*"/g) ?? [];
    expect(expressions.length).toBeGreaterThan(5);
    const referenced = new Set(expressions.flatMap((expr) => expr.match(/\b(?:jiuye|nodejs|process)_[a-z0-9_]+/g) ?? []));
    const families = new Set(Object.values(scrapes).flatMap((found) => [...found.families]));
    const missing = [...referenced].filter((name) => !families.has(name.replace(/_(bucket|sum|count)$/, '')) && !families.has(name));
    expect({ referenced: referenced.size > 10, missing }).toEqual({ referenced: true, missing: [] });
  });
});

describe('label cardinality', () => {
  it('random operation names collapse to "other" after the bound', async () => {
    const names = Array.from({ length: MAX_OPERATION_LABELS + 30 }, (_, i) => `Random_${i}_${Math.random().toString(36).slice(2, 8)}`);
    for (const name of names) expect((await platform.query(`query ${name} { __typename }`)).errors).toBeUndefined();
    const gateway = await scrape(platform.gateway.url);
    const operations = new Set(samplesOf(gateway, 'jiuye_graphql_requests_total').map((s) => s.labels.operation));
    expect(operations.size).toBeLessThanOrEqual(MAX_OPERATION_LABELS + 3);
    expect(valueOf(gateway, 'jiuye_graphql_requests_total', { operation: 'other' })).toBeGreaterThanOrEqual(30);
    // A name that is not a GraphQL name never becomes a label.
    expect(parseScrape(gateway.text).samples.every((s) => !s.labels.operation || /^[A-Za-z_][A-Za-z0-9_]*$/.test(s.labels.operation))).toBe(true);
  });
});

describe('readiness', () => {
  it('the gateway is ready while a department is stopped; its fields answer SUBGRAPH_UNAVAILABLE and the failure is counted', async () => {
    await platform.subgraphs.civil.stop();
    stopped.add('civil');
    const ready = await fetch(`${base(platform.gateway.url)}/ready`);
    expect({ status: ready.status, body: await ready.json() }).toEqual({ status: 200, body: { status: 'ready' } });
    const partial = await platform.query(PROBE, { idNumber });
    expect(partial.data.worker.id).toEqual(expect.any(String));
    expect(partial.errors?.map((e) => e.extensions?.code)).toContain('SUBGRAPH_UNAVAILABLE');
    const gateway = await scrape(platform.gateway.url);
    expect(valueOf(gateway, 'jiuye_subgraph_fetch_failures_total', { department: 'civil' })).toBeGreaterThanOrEqual(1);
    expect(valueOf(gateway, 'jiuye_graphql_requests_total', { operation: 'MetricsProbe', outcome: 'partial' })).toBeGreaterThanOrEqual(1);
    expect(valueOf(gateway, 'jiuye_graphql_errors_total', { code: 'SUBGRAPH_UNAVAILABLE' })).toBeGreaterThanOrEqual(1);
  });
});
