import { spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm, unlink } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import {
  ConfigError,
  DEVELOPMENT_INTERNAL_SIGNING_KEY,
  DEVELOPMENT_JWT_SECRET,
  DEVELOPMENT_PSEUDONYM_KEY,
  loadGatewayConfig,
  loadSituationConfig,
  loadSubgraphConfig,
  SUBGRAPH_NAMES,
} from '@jiuye/common';
import { DEFAULT_QUERY_LIMITS, startGateway, type RunningGateway } from '@jiuye/gateway';
import { hrSubgraph } from '@jiuye/hr';
import { freshDatabaseUrl, gatewayHeaders, officerOf, startTestSubgraph, TEST_INTERNAL_SIGNING_KEY, TEST_PSEUDONYM_KEY, type TestSubgraph } from '@jiuye/testing/harness';
import { COUNTY_OFFICER, TEST_JWT, tokenFor } from '@jiuye/testing/platform';
import { freePort } from '@jiuye/devtools';

/**
 * Hole 1 (issue 11): a development set-up reachable from the network. The development keys are
 * in the source code: with INTERNAL_SIGNING_KEY anyone who reaches a subgraph's port signs a
 * province-wide identity with `reveal` and reads every name, ID number and phone, past the
 * gateway and its access log; with JWT_SECRET they mint user tokens; with PSEUDONYM_KEY they
 * reverse pseudonyms offline. Defences: loopback by default, development keys refused beyond
 * loopback and in production, a random password for the embedded PostgreSQL, diagnostics
 * behind authentication.
 *
 * The process tests run the built services (dist/, as npm start and the containers do): npm
 * test builds them first (tsc -b).
 */
jest.setTimeout(120_000);

const ROOT = path.resolve(__dirname, '../..');
const DEVELOPMENT_KEYS = [DEVELOPMENT_INTERNAL_SIGNING_KEY, DEVELOPMENT_JWT_SECRET, DEVELOPMENT_PSEUDONYM_KEY];
/** The password file the embedded PostgreSQL keeps in its data directory. */
const PASSWORD_FILE = 'jiuye-superuser-password';

interface Exited {
  code: number | null;
  output: string;
}

/** A built service as its own process, with only the variables given (and PATH). */
function runService(main: string, env: Record<string, string>) {
  const child = spawn(process.execPath, [path.join(ROOT, main)], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<Exited>((resolve) => child.once('exit', (code) => resolve({ code, output })));
  return {
    child,
    output: () => output,
    /** Resolves when the process ends; if it is still running after timeoutMs, it is stopped and the result says so (code null). */
    async exit(timeoutMs: number): Promise<Exited> {
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      const result = await exited;
      clearTimeout(timer);
      return result;
    },
    async stop(): Promise<void> {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

async function waitForReady(url: string, service: ReturnType<typeof runService>, timeoutMs = 90_000): Promise<void> {
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

/** The local addresses sockets LISTEN on for a port, from /proc/net/tcp and tcp6 (Linux). */
function listeningAddresses(port: number): string[] | null {
  const found: string[] = [];
  let readable = false;
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!existsSync(file)) continue;
    readable = true;
    for (const line of readFileSync(file, 'utf8').split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      if (fields.length < 4 || fields[3] !== '0A') continue;
      const [address, portHex] = fields[1].split(':');
      if (parseInt(portHex, 16) !== port) continue;
      found.push(decodeProcAddress(address));
    }
  }
  return readable ? found : null;
}

/** /proc/net/tcp writes addresses as 32-bit words in host (little-endian) order. */
function decodeProcAddress(hex: string): string {
  const words = hex.match(/.{8}/g)!.map((word) => word.match(/../g)!.reverse().join(''));
  if (words.length === 1)
    return words[0]
      .match(/../g)!
      .map((byte) => parseInt(byte, 16))
      .join('.');
  const full = words.join('').toLowerCase();
  if (full.startsWith('00000000000000000000ffff'))
    return `::ffff:${full
      .slice(24)
      .match(/../g)!
      .map((byte) => parseInt(byte, 16))
      .join('.')}`;
  return full
    .match(/.{4}/g)!
    .map((group) => String(parseInt(group, 16).toString(16)))
    .join(':');
}

function isLoopback(address: string): boolean {
  return address.startsWith('127.') || address === '0:0:0:0:0:0:0:1' || address.startsWith('::ffff:127.');
}

/** Whether a TCP connection to host:port is accepted. */
function connects(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 3000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/** This machine's addresses that are not loopback (the ones a neighbour on the network would use). */
function networkAddresses(): string[] {
  return Object.values(os.networkInterfaces())
    .flat()
    .filter((entry): entry is os.NetworkInterfaceInfo => Boolean(entry) && !entry!.internal && entry!.family === 'IPv4')
    .map((entry) => entry.address);
}

function refusal(load: () => unknown): ConfigError | null {
  try {
    load();
    return null;
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
}

/** The variables a ConfigError names, in order. */
function named(error: ConfigError | null): string[] {
  return (error?.problems ?? []).map((problem) => problem.split(':')[0]).sort();
}

const SERVICES = [...SUBGRAPH_NAMES, 'gateway'] as const;
type Service = (typeof SERVICES)[number];

/** A service's configuration from an environment that is complete apart from what is being tested. */
function loadConfig(service: Service, env: Record<string, string>) {
  const full = { DATABASE_URL: 'postgres://u:p@db.internal:5432/postgres', ...env };
  if (service === 'gateway') return loadGatewayConfig(full);
  if (service === 'situation') return loadSituationConfig(full);
  return loadSubgraphConfig(service, full);
}

/** The development keys each service holds (the gateway also verifies user tokens with JWT_SECRET). */
function developmentKeysOf(service: Service): string[] {
  return service === 'gateway' ? ['INTERNAL_SIGNING_KEY', 'JWT_SECRET', 'PSEUDONYM_KEY'] : ['INTERNAL_SIGNING_KEY', 'PSEUDONYM_KEY'];
}

const REAL = {
  INTERNAL_SIGNING_KEY: 'a-real-internal-signing-key-0123456789abcdef',
  PSEUDONYM_KEY: 'a-real-pseudonym-key-0123456789abcdef-0123',
  JWT_SECRET: 'a-real-jwt-secret-0123456789abcdef-0123456',
};

describe('hole 1: a service listening beyond loopback refuses the development keys', () => {
  it('the gateway, started as a process on 0.0.0.0 with the development keys, refuses to start and names each key (never printing one)', async () => {
    const service = runService('gateway/dist/main.js', {
      NODE_ENV: 'development',
      HOST: '0.0.0.0',
      GATEWAY_PORT: String(await freePort()),
      AUDIT_DATABASE_URL: freshDatabaseUrl('audit'),
      LOG_LEVEL: 'warn',
    });
    const exited = await service.exit(30_000);
    expect({ code: exited.code, output: exited.output }).toEqual({ code: 1, output: expect.stringMatching(/cannot start/) });
    for (const variable of ['INTERNAL_SIGNING_KEY', 'JWT_SECRET', 'PSEUDONYM_KEY']) expect(exited.output).toMatch(new RegExp(`${variable}: the development key`));
    for (const key of DEVELOPMENT_KEYS) expect(exited.output).not.toContain(key);
  });

  it('a department subgraph, started as a process on a network address with the development signing key, refuses to start and names it', async () => {
    const service = runService('subgraphs/hr/dist/main.js', {
      NODE_ENV: 'development',
      HOST: '0.0.0.0',
      HR_PORT: String(await freePort()),
      HR_DATABASE_URL: freshDatabaseUrl('hr'),
      PSEUDONYM_KEY: REAL.PSEUDONYM_KEY,
      LOG_LEVEL: 'warn',
    });
    const exited = await service.exit(60_000);
    expect({ code: exited.code, output: exited.output }).toEqual({ code: 1, output: expect.stringMatching(/INTERNAL_SIGNING_KEY: the development key/) });
    // Only the key that is wrong is named.
    expect(exited.output).not.toMatch(/PSEUDONYM_KEY/);
    for (const key of DEVELOPMENT_KEYS) expect(exited.output).not.toContain(key);
  });

  it.each(SERVICES)('%s: refused on every non-loopback address, naming each development key it would use', (service) => {
    for (const host of ['0.0.0.0', '::', '192.0.2.2', '10.20.30.40', 'db.example.org']) {
      expect({ host, named: named(refusal(() => loadConfig(service, { HOST: host }))) }).toEqual({ host, named: developmentKeysOf(service) });
      // One development key among real ones: that one alone.
      expect({ host, named: named(refusal(() => loadConfig(service, { HOST: host, ...REAL, PSEUDONYM_KEY: DEVELOPMENT_PSEUDONYM_KEY }))) }).toEqual({
        host,
        named: ['PSEUDONYM_KEY'],
      });
      expect(refusal(() => loadConfig(service, { HOST: host, ...REAL }))).toBeNull();
    }
  });

  it.each(SERVICES)('%s: refused in production wherever it listens, even when the development key is set explicitly', (service) => {
    const explicit = { NODE_ENV: 'production', ...REAL, INTERNAL_SIGNING_KEY: DEVELOPMENT_INTERNAL_SIGNING_KEY };
    for (const host of ['127.0.0.1', 'localhost']) {
      const error = refusal(() => loadConfig(service, { ...explicit, HOST: host }));
      expect(named(error)).toEqual(['INTERNAL_SIGNING_KEY']);
      expect(error!.message).toMatch(/production/);
      expect(error!.message).not.toContain(DEVELOPMENT_INTERNAL_SIGNING_KEY);
    }
    expect(refusal(() => loadConfig(service, { NODE_ENV: 'production', ...REAL }))).toBeNull();
  });

  it('the gateway with RS256 holds no HS256 secret to refuse', () => {
    const publicKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(
      refusal(() =>
        loadConfig('gateway', {
          HOST: '0.0.0.0',
          INTERNAL_SIGNING_KEY: REAL.INTERNAL_SIGNING_KEY,
          PSEUDONYM_KEY: REAL.PSEUDONYM_KEY,
          JWT_ALGORITHM: 'ES256',
          JWT_PUBLIC_KEY: publicKey,
        }),
      ),
    ).toBeNull();
  });

  it.each(SERVICES)('%s: the development keys still work on loopback outside production (npm start)', (service) => {
    for (const host of ['127.0.0.1', '127.0.0.53', 'localhost', '::1', '[::1]']) {
      expect({ host, error: refusal(() => loadConfig(service, { HOST: host }))?.message ?? null }).toEqual({ host, error: null });
    }
  });
});

describe('hole 1: services listen on loopback unless HOST says otherwise', () => {
  it.each(SERVICES)('%s: the default bind address is 127.0.0.1', (service) => {
    expect(loadConfig(service, {}).host).toBe('127.0.0.1');
    expect(loadConfig(service, { HOST: '0.0.0.0', ...REAL }).host).toBe('0.0.0.0');
  });

  it('a department subgraph started as a process without HOST listens on loopback only: a neighbour on the network cannot connect', async () => {
    const port = await freePort();
    const service = runService('subgraphs/hr/dist/main.js', {
      NODE_ENV: 'development',
      HR_PORT: String(port),
      HR_DATABASE_URL: freshDatabaseUrl('hr'),
      LOG_LEVEL: 'warn',
    });
    try {
      await waitForReady(`http://127.0.0.1:${port}/ready`, service);
      const addresses = listeningAddresses(port);
      if (addresses) {
        expect(addresses.length).toBeGreaterThan(0);
        expect({ addresses, allLoopback: addresses.every(isLoopback) }).toEqual({ addresses, allLoopback: true });
      }
      const neighbours = networkAddresses();
      for (const address of neighbours) expect({ address, connects: await connects(address, port) }).toEqual({ address, connects: false });
      // At least one of the two checks ran.
      expect(addresses !== null || neighbours.length > 0).toBe(true);
    } finally {
      await service.stop();
    }
  });
});

interface EmbeddedProcess {
  serverUrl: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * startEmbeddedPostgres (the built common package, as npm start runs it) in a process of its
 * own: the package is an ES module, which jest's CommonJS sandbox cannot import dynamically.
 */
async function startEmbedded(dataDirectory: string, port?: number): Promise<EmbeddedProcess> {
  const script = `
    const { startEmbeddedPostgres } = require(${JSON.stringify(path.join(ROOT, 'devtools', 'dist', 'embedded-postgres.js'))});
    startEmbeddedPostgres({ dataDirectory: process.env.DATA_DIRECTORY, port: process.env.PG_PORT ? Number(process.env.PG_PORT) : undefined, persistent: true, fast: true }).then(
      (pg) => {
        process.stdout.write(JSON.stringify({ serverUrl: pg.serverUrl, port: pg.port }) + '\\n');
        process.once('SIGTERM', () => pg.stop().then(() => process.exit(0), () => process.exit(1)));
      },
      (error) => { console.error(String(error && error.message)); process.exit(1); },
    );`;
  const child = spawn(process.execPath, ['-e', script], {
    env: { PATH: process.env.PATH ?? '', DATA_DIRECTORY: dataDirectory, ...(port ? { PG_PORT: String(port) } : {}) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let errors = '';
  child.stderr.on('data', (chunk) => (errors += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const started = await new Promise<{ serverUrl: string; port: number }>((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const line = output.split('\n').find((text) => text.startsWith('{'));
      if (line) resolve(JSON.parse(line));
    });
    child.once('exit', (code) => reject(new Error(`the embedded PostgreSQL did not start (${code}): ${errors}`)));
  });
  return {
    ...started,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}

describe('hole 1: the embedded PostgreSQL has a password of its own, kept in its data directory', () => {
  let directory: string;
  let dataDirectory: string;
  let pg: EmbeddedProcess | undefined;

  const connect = async (port: number, user: string, password: string) => {
    const client = new Client({ host: 'localhost', port, user, password, database: 'postgres' });
    try {
      await client.connect();
      return (await client.query('select current_user as who')).rows[0].who as string;
    } catch (error) {
      return `refused: ${(error as { code?: string }).code ?? (error as Error).message}`;
    } finally {
      await client.end().catch(() => undefined);
    }
  };
  const storedPassword = () => readFileSync(path.join(dataDirectory, PASSWORD_FILE), 'utf8').trim();

  beforeAll(async () => {
    directory = await mkdtemp(path.join(os.tmpdir(), 'jiuye-hole1-pg-'));
    dataDirectory = path.join(directory, 'data');
    pg = await startEmbedded(dataDirectory);
  });
  afterAll(async () => {
    await pg?.stop().catch(() => undefined);
    await rm(directory, { recursive: true, force: true });
  });

  it('refuses postgres/postgres and accepts the random password in its file (mode 0600), which the server URL carries', async () => {
    expect(existsSync(path.join(dataDirectory, PASSWORD_FILE))).toBe(true);
    expect(statSync(path.join(dataDirectory, PASSWORD_FILE)).mode & 0o777).toBe(0o600);
    const password = storedPassword();
    expect(password.length).toBeGreaterThanOrEqual(32);
    expect(new URL(pg!.serverUrl).password).toBe(encodeURIComponent(password));
    expect(pg!.serverUrl).not.toMatch(/postgres:postgres@/);
    expect(await connect(pg!.port, 'postgres', 'postgres')).toBe('refused: 28P01');
    expect(await connect(pg!.port, 'postgres', password)).toBe('postgres');
  });

  it('listens on loopback only, and admits only loopback clients', async () => {
    const client = new Client({ connectionString: `${pg!.serverUrl}/postgres` });
    await client.connect();
    try {
      const listen = (await client.query('show listen_addresses')).rows[0].listen_addresses as string;
      expect(listen.split(',').map((entry) => entry.trim())).toEqual(expect.arrayContaining(['localhost']));
      for (const entry of listen.split(',').map((value) => value.trim())) expect(['localhost', '127.0.0.1', '::1']).toContain(entry);
      const rules = (await client.query(`select type, address from pg_hba_file_rules where type <> 'local'`)).rows as { type: string; address: string }[];
      for (const rule of rules) expect({ rule, loopback: ['127.0.0.1', '::1'].includes(rule.address) }).toEqual({ rule, loopback: true });
    } finally {
      await client.end();
    }
    const addresses = listeningAddresses(pg!.port);
    if (addresses) expect({ addresses, allLoopback: addresses.length > 0 && addresses.every(isLoopback) }).toEqual({ addresses, allLoopback: true });
  });

  it('keeps the same password across restarts', async () => {
    const before = storedPassword();
    const port = pg!.port;
    await pg!.stop();
    pg = await startEmbedded(dataDirectory, port);
    expect(storedPassword()).toBe(before);
    expect(await connect(pg.port, 'postgres', before)).toBe('postgres');
  });

  it('gives a data directory from before (postgres/postgres, no password file) a random password on its first start', async () => {
    // What an older checkout left behind: the well-known password and no file.
    const client = new Client({ connectionString: `${pg!.serverUrl}/postgres` });
    await client.connect();
    await client.query(`alter role postgres with password 'postgres'`);
    await client.end();
    await unlink(path.join(dataDirectory, PASSWORD_FILE));
    const port = pg!.port;
    await pg!.stop();
    pg = await startEmbedded(dataDirectory, port);
    expect(existsSync(path.join(dataDirectory, PASSWORD_FILE))).toBe(true);
    expect(statSync(path.join(dataDirectory, PASSWORD_FILE)).mode & 0o777).toBe(0o600);
    const password = storedPassword();
    expect(password).not.toBe('postgres');
    expect(await connect(pg.port, 'postgres', 'postgres')).toBe('refused: 28P01');
    expect(await connect(pg.port, 'postgres', password)).toBe('postgres');
  });
});

describe('hole 1: diagnostics answer only an authenticated caller', () => {
  let hr: TestSubgraph;
  let gateway: RunningGateway;
  let production: RunningGateway;

  const gatewayConfig = (overrides: Partial<Parameters<typeof startGateway>[0]> = {}): Parameters<typeof startGateway>[0] => ({
    environment: 'test',
    logLevel: 'silent',
    pseudonymKey: TEST_PSEUDONYM_KEY,
    internalSigningKey: TEST_INTERNAL_SIGNING_KEY,
    jwt: TEST_JWT,
    auditDatabaseUrl: freshDatabaseUrl('audit'),
    host: '127.0.0.1',
    port: 0,
    supergraphPath: path.join(ROOT, 'schema', 'supergraph.graphql'),
    // hr answers what these tests ask; the other departments are not called.
    subgraphUrls: Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, hr.url])),
    subgraphTimeoutMs: 10_000,
    limits: DEFAULT_QUERY_LIMITS,
    ...overrides,
  });

  beforeAll(async () => {
    hr = await startTestSubgraph(hrSubgraph);
    gateway = await startGateway(gatewayConfig());
    production = await startGateway(gatewayConfig({ environment: 'production' }));
  });
  afterAll(async () => {
    await production?.stop();
    await gateway?.stop();
    await hr?.stop();
  });

  const statsOf = (graphqlUrl: string) => graphqlUrl.replace(/\/graphql$/, '/stats');
  const get = async (url: string, headers: Record<string, string> = {}) => {
    const response = await fetch(url, { headers });
    const text = await response.text();
    return { status: response.status, text };
  };
  const post = async (url: string, body: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    const text = await response.text();
    return { status: response.status, text, body: JSON.parse(text) };
  };

  it("a subgraph's /stats refuses a request without the gateway's signed identity, and one signed with the development key", async () => {
    const anonymous = await get(statsOf(hr.url));
    expect({ status: anonymous.status, statements: /statements/.test(anonymous.text) }).toEqual({ status: 401, statements: false });
    const forged = await get(statsOf(hr.url), await gatewayHeaders(officerOf('hr'), DEVELOPMENT_INTERNAL_SIGNING_KEY));
    expect({ status: forged.status, statements: /statements/.test(forged.text) }).toEqual({ status: 401, statements: false });
    const userToken = await get(statsOf(hr.url), { 'x-jiuye-identity': await tokenFor(COUNTY_OFFICER) });
    expect(userToken.status).toBe(401);
    const signed = await get(statsOf(hr.url), await gatewayHeaders(officerOf('hr')));
    expect(signed.status).toBe(200);
    expect(typeof JSON.parse(signed.text).statements).toBe('number');
  });

  it("the gateway's /stats refuses a request without a valid bearer token", async () => {
    const attempts: Record<string, string>[] = [{}, { authorization: 'Bearer not-a-token' }, { authorization: `Bearer ${(await tokenFor(COUNTY_OFFICER)).slice(0, -4)}AAAA` }];
    for (const headers of attempts) {
      const refused = await get(statsOf(gateway.url), headers);
      expect({ status: refused.status, fetches: /fetches/.test(refused.text) }).toEqual({ status: 401, fetches: false });
    }
    const allowed = await get(statsOf(gateway.url), { authorization: `Bearer ${await tokenFor(COUNTY_OFFICER)}` });
    expect(allowed.status).toBe(200);
    expect(JSON.parse(allowed.text)).toHaveProperty('fetches');
  });

  it('serves no /stats in production, even to a valid token', async () => {
    const response = await get(statsOf(production.url), { authorization: `Bearer ${await tokenFor(COUNTY_OFFICER)}` });
    expect(response.status).toBe(404);
    expect(response.text).not.toMatch(/fetches|rss/);
  });

  it("the gateway's introspection refuses a request without a valid token (POST and GET)", async () => {
    const introspection = '{ __schema { types { name } } }';
    const attempts: Record<string, string>[] = [{}, { authorization: 'Bearer not-a-token' }];
    for (const headers of attempts) {
      const posted = await post(gateway.url, { query: introspection }, headers);
      expect({ status: posted.status, code: posted.body.errors?.[0]?.extensions?.code, data: posted.body.data }).toEqual({ status: 401, code: 'UNAUTHENTICATED', data: undefined });
      const got = await get(`${gateway.url}?query=${encodeURIComponent(introspection)}`, { ...headers, 'apollo-require-preflight': '1' });
      expect({ status: got.status, schema: /__schema|"types"/.test(got.text) }).toEqual({ status: 401, schema: false });
    }
    const allowed = await post(gateway.url, { query: introspection }, { authorization: `Bearer ${await tokenFor(COUNTY_OFFICER)}` });
    expect(allowed.body.data.__schema.types.length).toBeGreaterThan(10);
  });

  it("the gateway's query-plan header shows nothing without a valid token", async () => {
    const query = { query: '{ division(code: "530113") { name } }' };
    const plan = { 'apollo-query-plan-experimental': '1' };
    const refused = await post(gateway.url, query, plan);
    expect({ status: refused.status, plan: /QueryPlan|Fetch\(service/.test(refused.text) }).toEqual({ status: 401, plan: false });
    // With a token, outside production: the plan (what the header is for, when developing).
    const allowed = await post(gateway.url, query, { ...plan, authorization: `Bearer ${await tokenFor(COUNTY_OFFICER)}` });
    expect(allowed.body.extensions?.__queryPlanExperimental).toMatch(/QueryPlan/);
    // In production not even then.
    const inProduction = await post(production.url, query, { ...plan, authorization: `Bearer ${await tokenFor(COUNTY_OFFICER)}` });
    expect(inProduction.text).not.toMatch(/QueryPlan|Fetch\(service/);
  });
});
