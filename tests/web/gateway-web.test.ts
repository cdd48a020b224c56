import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { DEVELOPMENT_JWT_SECRET, loadGatewayConfig, PURPOSES, SUBGRAPH_NAMES, type GatewayConfig } from '@jiuye/common';
import { APP_ROUTES, devSignInEnabled, type RunningGateway } from '@jiuye/gateway';
import { captureLog, closedPort, startGatewayOn } from '@jiuye/testing/gateway';
import { freshDatabaseUrl } from '@jiuye/testing/harness';
import { COUNTY_OFFICER, TEST_JWT, userHeaders, type TestPlatform } from '@jiuye/testing/platform';
import { requireBuiltWeb } from '@jiuye/testing/web';

/**
 * The gateway's web front (gateway/src/web/) over HTTP: the built app with its cache and
 * security headers, the SPA fallback that never answers for the API, traversal refused, the
 * CORS allow-list, the development sign-in (404 in production) and GraphiQL's switch. The
 * subgraphs are not needed: the gateway answers all of this itself (and __typename).
 */
const ALLOWED_ORIGIN = 'https://screen.example.gov.cn';

async function standInPlatform(): Promise<TestPlatform> {
  const port = await closedPort();
  const subgraphs = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, { url: `http://127.0.0.1:${port}/graphql` }]));
  return { subgraphs, auditDatabaseUrl: freshDatabaseUrl('audit') } as unknown as TestPlatform;
}

/** A raw request (fetch cannot send a path with `..` or choose the Origin header freely). */
function raw(base: string, pathname: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  const url = new URL(base);
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const request = http.request({ host: url.hostname, port: url.port, path: pathname, method: options.method ?? 'GET', headers: options.headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    request.on('error', reject);
    request.end(options.body);
  });
}

describe('the gateway serves the web app', () => {
  let platform: TestPlatform;
  let development: RunningGateway;
  let production: RunningGateway;
  let base: string;
  let productionBase: string;
  const root = requireBuiltWeb();

  beforeAll(async () => {
    platform = await standInPlatform();
    development = await startGatewayOn(platform, {
      environment: 'development',
      jwt: { ...TEST_JWT, secret: DEVELOPMENT_JWT_SECRET },
      web: { root, graphiql: true, corsOrigins: [ALLOWED_ORIGIN] },
    });
    production = await startGatewayOn(platform, { environment: 'production', web: { root, graphiql: false, corsOrigins: [] } });
    base = development.url.replace(/\/graphql$/, '');
    productionBase = production.url.replace(/\/graphql$/, '');
  });
  afterAll(async () => {
    await development?.stop();
    await production?.stop();
  });

  it('lets the page reach the identity provider (connect-src its origin) only when OIDC is configured, and serves its callback route', async () => {
    const issuer = 'https://idp.example.gov.cn/realms/county';
    const withOidc = await startGatewayOn(platform, {
      environment: 'production',
      web: { root, graphiql: false, corsOrigins: [] },
      oidc: { issuer, clientId: 'jiuye-web', scopes: ['openid'], redirectPath: '/signin/callback' },
    });
    try {
      const response = await raw(withOidc.url.replace(/\/graphql$/, ''), '/signin/callback?code=x&state=y');
      expect(response.status).toBe(200);
      expect(response.body).toContain('<div id="root">');
      const policy = String(response.headers['content-security-policy']);
      expect(policy).toContain("connect-src 'self' https://idp.example.gov.cn;");
      expect(policy.replace('https://idp.example.gov.cn', '')).not.toMatch(/https?:|\*/);
    } finally {
      await withOidc.stop();
    }
    const without = await raw(productionBase, '/signin');
    expect(String(without.headers['content-security-policy'])).toContain("connect-src 'self';");
  });

  it('answers / and every app route with index.html, never cached, with the security headers', async () => {
    for (const route of ['/', '/signin', '/dashboard', '/workbench', '/partner', '/graphiql', '/dashboard/530113']) {
      const response = await raw(base, route);
      expect({ route, status: response.status, type: response.headers['content-type'] }).toEqual({ route, status: 200, type: 'text/html; charset=utf-8' });
      expect(response.body).toContain('<div id="root">');
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.headers['content-security-policy']).toMatch(/^default-src 'self'; script-src 'self';/);
      expect(response.headers['content-security-policy']).not.toMatch(/https?:|\*/);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['x-frame-options']).toBe('DENY');
    }
  });

  it('serves hashed assets with their content type and a year of cache; a missing asset is 404, not the app', async () => {
    const html = (await raw(base, '/')).body;
    const script = /src="(\/assets\/index-[\w-]+\.js)"/.exec(html)![1];
    const css = /href="(\/assets\/index-[\w-]+\.css)"/.exec(html)![1];
    const js = await raw(base, script);
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(js.headers['x-content-type-options']).toBe('nosniff');
    expect((await raw(base, css)).headers['content-type']).toBe('text/css; charset=utf-8');
    const missing = await raw(base, '/assets/index-nothere.js');
    expect(missing.status).toBe(404);
    expect(missing.body).not.toContain('<div id="root">');
    const head = await raw(base, script, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(Number(head.headers['content-length'])).toBe(Buffer.byteLength(js.body));
  });

  it('refuses paths that leave the web root', async () => {
    for (const attempt of [
      '/../package.json',
      '/assets/../../package.json',
      '/%2e%2e/package.json',
      '/assets/%2e%2e%2f%2e%2e%2fpackage.json',
      '/..%5c..%5cpackage.json',
      '/%00index.html',
      '/%E0%A4%A',
    ]) {
      const response = await raw(base, attempt);
      expect({ attempt, status: response.status }).toEqual({ attempt, status: expect.any(Number) });
      expect(response.status === 400 || response.status === 404).toBe(true);
      expect(response.body).not.toContain('"workspaces"');
    }
  });

  it('never answers the API with the app: /graphql, /exports, /imports, /health, /ready keep their own answers', async () => {
    const graphql = await raw(base, '/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await userHeaders(COUNTY_OFFICER)) },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    // The gateway verifies with the development secret here, so the test token is refused: by the graph, as JSON.
    expect(graphql.headers['content-type']).toMatch(/^application\/json/);
    expect(graphql.body).not.toContain('<div id="root">');
    const getGraphql = await raw(base, '/graphql');
    expect(getGraphql.body).not.toContain('<div id="root">');
    for (const pathname of ['/exports/roster.csv', '/imports/hr/registration', '/graphql/x', '/stats']) {
      const response = await raw(base, pathname);
      expect({ pathname, html: response.body.includes('<div id="root">') }).toEqual({ pathname, html: false });
    }
    expect(JSON.parse((await raw(base, '/health')).body)).toEqual({ status: 'ok' });
    // The reports (通报 xlsx) are the gateway's: without a token they are refused by it, not a 404 of the app's files
    expect((await raw(base, '/reports/assessment.xlsx?quarter=2026-Q1')).status).toBe(401);
  });

  it('answers CORS for the allow-listed origin only, exactly, never with *', async () => {
    const preflight = await raw(base, '/graphql', {
      method: 'OPTIONS',
      headers: { origin: ALLOWED_ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type, x-purpose' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(ALLOWED_ORIGIN);
    expect(preflight.headers['access-control-allow-methods']).toBe('GET, POST');
    expect(preflight.headers['access-control-allow-headers']).toContain('x-purpose');
    expect(preflight.headers['access-control-allow-credentials']).toBeUndefined();
    const exportsPreflight = await raw(base, '/exports/roster.csv', { method: 'OPTIONS', headers: { origin: ALLOWED_ORIGIN, 'access-control-request-method': 'GET' } });
    expect(exportsPreflight.headers['access-control-allow-methods']).toBe('GET');
    // The quarterly 通报 (/reports/, aggregates) for a dashboard hosted elsewhere.
    const reportsPreflight = await raw(base, '/reports/assessment.xlsx', { method: 'OPTIONS', headers: { origin: ALLOWED_ORIGIN, 'access-control-request-method': 'GET' } });
    expect(reportsPreflight.status).toBe(204);
    expect(reportsPreflight.headers['access-control-allow-origin']).toBe(ALLOWED_ORIGIN);
    expect(reportsPreflight.headers['access-control-allow-methods']).toBe('GET');
    const reportsRefused = await raw(base, '/reports/assessment.xlsx', {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example.com', 'access-control-request-method': 'GET' },
    });
    expect(Object.keys(reportsRefused.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);

    const request = await raw(base, '/graphql', {
      method: 'POST',
      headers: { origin: ALLOWED_ORIGIN, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(request.headers['access-control-allow-origin']).toBe(ALLOWED_ORIGIN);
    expect(request.headers.vary).toContain('Origin');

    for (const origin of ['https://evil.example.com', 'https://screen.example.gov.cn.evil.com', 'http://screen.example.gov.cn', 'null']) {
      const refused = await raw(base, '/graphql', { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });
      const posted = await raw(base, '/graphql', { method: 'POST', headers: { origin, 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
      for (const response of [refused, posted]) {
        expect({ origin, headers: Object.keys(response.headers).filter((name) => name.startsWith('access-control-')) }).toEqual({ origin, headers: [] });
      }
    }
    // Not for the app's own files: they are same-origin.
    expect((await raw(base, '/', { headers: { origin: ALLOWED_ORIGIN } })).headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses a CORS_ORIGINS entry that is not an origin, naming it', () => {
    const env = { DATABASE_URL: 'postgres://localhost/x', CORS_ORIGINS: 'https://ok.example.org, *, https://x.example.org/path' };
    expect(() => loadGatewayConfig(env)).toThrow(/CORS_ORIGINS: "\*" is not an origin[\s\S]*CORS_ORIGINS: "https:\/\/x\.example\.org\/path" is not an origin/);
    expect(loadGatewayConfig({ DATABASE_URL: 'postgres://localhost/x', CORS_ORIGINS: 'https://A.example.org,http://127.0.0.1:5173' }).web?.corsOrigins).toEqual([
      'https://a.example.org',
      'http://127.0.0.1:5173',
    ]);
  });

  it('gives the development accounts with working tokens in development only; 404 in production', async () => {
    const response = await raw(base, '/auth/dev-accounts');
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const { accounts } = JSON.parse(response.body) as { accounts: { label: string; department: string; token: string }[] };
    expect(accounts.map((account) => account.department)).toEqual(['hr', 'poverty', 'partner', 'dashboard', 'auditor', 'poverty']);
    const answer = await raw(base, '/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accounts[3].token}` },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(JSON.parse(answer.body)).toEqual({ data: { __typename: 'Query' } });

    const refused = await raw(productionBase, '/auth/dev-accounts');
    expect(refused.status).toBe(404);
    expect(refused.body).not.toContain('token');
    expect(devSignInEnabled({ environment: 'production', jwt: { ...TEST_JWT, secret: DEVELOPMENT_JWT_SECRET } })).toBe(false);
    expect(devSignInEnabled({ environment: 'development', jwt: TEST_JWT })).toBe(false);
    expect(devSignInEnabled({ environment: 'development', jwt: { ...TEST_JWT, secret: DEVELOPMENT_JWT_SECRET } })).toBe(true);
  });

  it('serves /graphiql in production only when GRAPHIQL=on', async () => {
    expect((await raw(productionBase, '/graphiql')).status).toBe(404);
    expect((await raw(productionBase, '/dashboard')).status).toBe(200);
    const env = { NODE_ENV: 'production', DATABASE_URL: 'postgres://localhost/x', JWT_SECRET: 'x'.repeat(40), PSEUDONYM_KEY: 'p'.repeat(40), INTERNAL_SIGNING_KEY: 'i'.repeat(40) };
    expect(loadGatewayConfig(env).web?.graphiql).toBe(false);
    expect(loadGatewayConfig({ ...env, GRAPHIQL: 'on' }).web?.graphiql).toBe(true);
    expect(() => loadGatewayConfig({ ...env, GRAPHIQL: 'yes' })).toThrow(/GRAPHIQL: expected on or off/);
    expect(loadGatewayConfig({ DATABASE_URL: 'postgres://localhost/x' }).web?.graphiql).toBe(true);
  });

  it('without a built app the gateway still serves the graph and warns once', async () => {
    const log = captureLog();
    const empty = mkdtempSync(path.join(tmpdir(), 'jiuye-no-web-'));
    const bare = await startGatewayOn(platform, { web: { root: empty, graphiql: true, corsOrigins: [] } } as Partial<GatewayConfig>, log.logger);
    try {
      const warnings = log.lines.filter((line) => String(line.msg).startsWith('web app not found'));
      expect(warnings).toHaveLength(1);
      const headers = { 'content-type': 'application/json', ...(await userHeaders(COUNTY_OFFICER)) };
      const answer = await raw(bare.url.replace(/\/graphql$/, ''), '/graphql', { method: 'POST', headers, body: JSON.stringify({ query: '{ __typename }' }) });
      expect(JSON.parse(answer.body)).toEqual({ data: { __typename: 'Query' } });
      expect((await raw(bare.url.replace(/\/graphql$/, ''), '/dashboard')).status).toBe(404);
    } finally {
      await bare.stop();
    }
  });
});

describe('the web app and the graph agree', () => {
  it('offers the purposes of use the gateway accepts from their one home, bundled without the Node index', () => {
    // common/src/purposes.ts is the list (identity.ts re-exports it); the web imports it as @jiuye/common/purposes.
    const home = readFileSync(path.resolve(__dirname, '../../common/src/purposes.ts'), 'utf8');
    expect(home).not.toMatch(/^\s*(import|export\s+\*|export\s+\{[^}]*\}\s+from)\b/m);
    const assets = path.join(requireBuiltWeb(), 'assets');
    const bundle = readdirSync(assets)
      .filter((name) => name.endsWith('.js'))
      .map((name) => readFileSync(path.join(assets, name), 'utf8'))
      .join('\n');
    for (const [code, label] of Object.entries(PURPOSES)) {
      expect(bundle).toContain(code);
      expect(bundle).toContain(label);
    }
    // Nothing of the Node side came with it (the index would bring the config with its development secret).
    expect(bundle).not.toContain(DEVELOPMENT_JWT_SECRET);
  });

  it('lists the same app routes in the gateway (SPA fallback) as in the app', () => {
    const source = readFileSync(path.resolve(__dirname, '../../web/src/routes.tsx'), 'utf8');
    const routes = [...source.matchAll(/path: '([^']+)'/g)].map((match) => match[1]);
    expect(['/', '/signin', ...routes].sort()).toEqual([...APP_ROUTES].sort());
  });
});
