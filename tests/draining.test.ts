import { spawn } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';
import { DEFAULT_JWT_AUDIENCE, DEFAULT_JWT_ISSUER, DEVELOPMENT_JWT_SECRET, makeIdNumber, mintUserToken, SUBGRAPH_NAMES } from '@jiuye/common';
import { freshDatabaseUrl } from '@jiuye/testing/harness';
import { COUNTY_OFFICER } from '@jiuye/testing/platform';
import { scrape } from '@jiuye/testing/prometheus';
import { freePort } from '@jiuye/devtools';

/**
 * Readiness, draining and the request log line (issue 17), on the built services as processes
 * (dist/, as npm start and the containers run them; npm test builds them first): a gateway and
 * the hr subgraph, the other departments not running at all.
 */
jest.setTimeout(120_000);

const ROOT = path.resolve(__dirname, '..');
const DRAIN_MS = 3000;
const METRICS_TOKEN = 'a-metrics-scrape-token-for-this-test';

function runService(main: string, env: Record<string, string>) {
  const child = spawn(process.execPath, [path.join(ROOT, main)], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    stdout: () => stdout,
    /** The JSON lines of stdout (pino). */
    lines: () =>
      stdout
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    output: () => stdout + stderr,
    exited,
    async stop(): Promise<void> {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
}
type Service = ReturnType<typeof runService>;

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found = await probe().catch(() => undefined);
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${what}: not within ${timeoutMs} ms`);
}

async function ready(base: string, service: Service): Promise<void> {
  await waitFor('ready', async () => {
    if (service.child.exitCode !== null) throw new Error(`exited: ${service.output()}`);
    return (await fetch(`${base}/ready`, { signal: AbortSignal.timeout(2000) })).ok ? true : undefined;
  }).catch((error) => {
    throw new Error(`${(error as Error).message}\n${service.output()}`);
  });
}

/** Whether a new TCP connection is accepted (the listener is open). */
async function listening(base: string): Promise<boolean> {
  try {
    await fetch(`${base}/health`, { signal: AbortSignal.timeout(1000) });
    return true;
  } catch {
    return false;
  }
}

const PROBE = /* GraphQL */ `
  query DrainProbe($idNumber: String!) {
    worker(idNumber: $idNumber) {
      id
    }
  }
`;

let hr: Service;
let gateway: Service;
let hrBase: string;
let gatewayBase: string;
let hrDatabaseUrl: string;

beforeAll(async () => {
  const [hrPort, gatewayPort, ...closed] = await Promise.all([freePort(), freePort(), ...SUBGRAPH_NAMES.map(() => freePort())]);
  hrDatabaseUrl = freshDatabaseUrl('hr');
  hrBase = `http://127.0.0.1:${hrPort}`;
  gatewayBase = `http://127.0.0.1:${gatewayPort}`;
  hr = runService('subgraphs/hr/dist/main.js', {
    NODE_ENV: 'development',
    HR_PORT: String(hrPort),
    HR_DATABASE_URL: hrDatabaseUrl,
    LOG_LEVEL: 'info',
    DRAIN_MS: String(DRAIN_MS),
    METRICS: 'off',
  });
  // Every other department's URL names a port nothing listens on.
  const others = Object.fromEntries(SUBGRAPH_NAMES.filter((name) => name !== 'hr').map((name, i) => [`${name.toUpperCase()}_URL`, `http://127.0.0.1:${closed[i]}/graphql`]));
  gateway = runService('gateway/dist/main.js', {
    NODE_ENV: 'development',
    GATEWAY_PORT: String(gatewayPort),
    AUDIT_DATABASE_URL: freshDatabaseUrl('audit'),
    HR_URL: `${hrBase}/graphql`,
    ...others,
    LOG_LEVEL: 'info',
    DRAIN_MS: String(DRAIN_MS),
    METRICS_TOKEN,
  });
  await Promise.all([ready(hrBase, hr), ready(gatewayBase, gateway)]);
});

afterAll(async () => {
  await Promise.all([hr?.stop(), gateway?.stop()]);
});

it('the gateway is ready while five departments are not running: ready means this process can serve', async () => {
  const response = await fetch(`${gatewayBase}/ready`);
  expect({ status: response.status, body: await response.json() }).toEqual({ status: 200, body: { status: 'ready' } });
  expect((await fetch(`${gatewayBase}/health`)).status).toBe(200);
});

it('METRICS=off: the subgraph has no /metrics; the gateway (default on) has, for the METRICS_TOKEN only', async () => {
  expect((await fetch(`${hrBase}/metrics`)).status).toBe(404);
  for (const authorization of [undefined, 'Bearer wrong', `Basic ${METRICS_TOKEN}`, `Bearer ${METRICS_TOKEN}x`]) {
    const refused = await fetch(`${gatewayBase}/metrics`, { headers: authorization ? { authorization } : {} });
    expect({ authorization, status: refused.status }).toEqual({ authorization, status: 401 });
    expect(await refused.text()).not.toContain('jiuye_');
  }
  const metrics = await scrape(gatewayBase, { authorization: `Bearer ${METRICS_TOKEN}` });
  expect(metrics.families.has('jiuye_graphql_requests_total')).toBe(true);
});

it('SIGTERM: /ready answers 503 draining, new and in-flight requests are still answered, then the services close and exit 0; one log line per request, without variables', async () => {
  const token = await mintUserToken(COUNTY_OFFICER, { issuer: DEFAULT_JWT_ISSUER, audience: DEFAULT_JWT_AUDIENCE, secret: DEVELOPMENT_JWT_SECRET });
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-purpose': 'verification' };
  const idNumber = makeIdNumber('530113', '1985-06-12', 417);
  const post = (query: string, variables: Record<string, unknown> = {}) => fetch(`${gatewayBase}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });

  // hr's worker table locked: the lookup waits in hr's database, in flight through both services.
  const lock = new Client({ connectionString: hrDatabaseUrl });
  await lock.connect();
  try {
    await lock.query('begin');
    await lock.query('lock table worker in access exclusive mode');
    const inFlight = post(PROBE, { idNumber });
    await waitFor('the lookup waiting on the lock', async () => {
      const { rows } = await lock.query(`select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()`);
      return rows[0].n > 0 ? true : undefined;
    });

    gateway.child.kill('SIGTERM');
    hr.child.kill('SIGTERM');
    const drained = await Promise.all(
      [gatewayBase, hrBase].map(async (base, i) => {
        let last = '';
        const draining = await waitFor(
          'draining',
          async () => {
            const response = await fetch(`${base}/ready`, { signal: AbortSignal.timeout(1000) }).catch((error: Error) => {
              last = `${error.message} ${String((error.cause as Error | undefined)?.message)}`;
              throw error;
            });
            last = String(response.status);
            return response.status === 503 ? await response.json() : undefined;
          },
          DRAIN_MS,
        ).catch(
          (error) =>
            `${(error as Error).message} (last: ${last}; exit ${[gateway, hr][i].child.exitCode} ${[gateway, hr][i].child.signalCode}): ${[gateway, hr][i].output().slice(-2000)}`,
        );
        return { base, draining };
      }),
    );
    expect(drained).toEqual([
      { base: gatewayBase, draining: { status: 'draining' } },
      { base: hrBase, draining: { status: 'draining' } },
    ]);
    // Still serving during the drain time: a load balancer may not have noticed yet.
    const during = await post('query StillServed { __typename }');
    expect({ status: during.status, body: await during.json() }).toEqual({ status: 200, body: { data: { __typename: 'Query' } } });
    // After the drain time both stop listening; the lookup is still under way.
    await waitFor('the listeners closed', async () => ((await listening(gatewayBase)) || (await listening(hrBase)) ? undefined : true), 10_000);
    expect(gateway.child.exitCode).toBeNull();
    expect(hr.child.exitCode).toBeNull();
    await lock.query('commit');
    const answered = await inFlight;
    // hr answered (no such worker): the request went all the way through both closing services.
    const body = (await answered.json()) as { data: unknown; errors?: { extensions: { code: string; serviceName?: string } }[] };
    expect({ status: answered.status, data: body.data, errors: body.errors?.map((e) => [e.extensions.code, e.extensions.serviceName]) }).toEqual({
      status: 200,
      data: { worker: null },
      errors: [['NOT_FOUND', 'hr']],
    });
  } finally {
    await lock.query('rollback').catch(() => undefined);
    await lock.end();
  }
  expect(await gateway.exited).toBe(0);
  expect(await hr.exited).toBe(0);

  const requestLines = (service: Service) => service.lines().filter((line) => line.msg === 'request');
  const probe = requestLines(gateway).find((line) => line.operation === 'DrainProbe');
  expect(probe).toEqual(
    expect.objectContaining({
      method: 'POST',
      path: '/graphql',
      status: 200,
      department: 'hr',
      requestId: expect.any(String),
      durationMs: expect.any(Number),
      service: 'gateway',
      errorCodes: ['NOT_FOUND'],
    }),
  );
  expect(probe!.durationMs as number).toBeGreaterThan(DRAIN_MS);
  expect(requestLines(gateway).find((line) => line.operation === 'StillServed')).toEqual(expect.objectContaining({ status: 200, path: '/graphql' }));
  const fetched = requestLines(hr).find((line) => String(line.operation).startsWith('DrainProbe__hr__'));
  expect(fetched).toEqual(expect.objectContaining({ method: 'POST', path: '/graphql', status: 200, department: 'hr', requestId: probe!.requestId }));
  // The variables are never logged: not the key, not the ID number.
  for (const service of [gateway, hr]) {
    expect(service.stdout()).not.toContain(idNumber);
    for (const line of requestLines(service)) expect(Object.keys(line)).not.toContain('variables');
  }
  // The draining was logged too.
  expect(gateway.lines().some((line) => line.signal === 'SIGTERM' && String(line.msg).startsWith('draining'))).toBe(true);
});
