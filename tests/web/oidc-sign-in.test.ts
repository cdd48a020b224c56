import type { Browser } from 'playwright-core';
import type { RunningGateway } from '@jiuye/gateway';
import { closedPort, startGatewayOn } from '@jiuye/testing/gateway';
import { GATEWAY_SCOPE, startOidcProvider, type OidcTestProvider } from '@jiuye/testing/oidc-provider';
import { DEMO_COUNTY, startTestPlatform, type TestPlatform } from '@jiuye/testing/platform';
import { launchBrowser, watchedPage, webGatewayOverrides } from '@jiuye/testing/browser';

/**
 * Production sign-in in a real browser: the sign-in page reads GET /auth/config, its button goes
 * to a real OpenID provider (oidc-provider in its own process) whose own login and consent pages
 * sign the account in, the provider sends the browser back to /signin/callback, the page exchanges
 * the code (PKCE, state, nonce) at the provider's token endpoint under the gateway's CSP and the
 * provider's CORS, and the account lands on its page with figures from the graph.
 */
jest.setTimeout(180_000);

let platform: TestPlatform;
let provider: OidcTestProvider;
let gateway: RunningGateway;
let browser: Browser;
let base: string;

beforeAll(async () => {
  platform = await startTestPlatform(60);
  const port = await closedPort();
  base = `http://127.0.0.1:${port}`;
  provider = await startOidcProvider({
    redirectUris: [`${base}/signin/callback`],
    accounts: { 'county-dashboard': { dept: 'dashboard', role: 'viewer', region: DEMO_COUNTY } },
  });
  const { web } = webGatewayOverrides();
  gateway = await startGatewayOn(platform, {
    port,
    web,
    jwt: { issuer: provider.issuer, audience: 'jiuye-gateway', algorithm: 'RS256', jwksUrl: provider.jwksUrl, jwks: { cooldownMs: 100, cacheMaxAgeMs: 60_000, timeoutMs: 2000 } },
    oidc: { issuer: provider.issuer, clientId: provider.clientId, scopes: ['openid', GATEWAY_SCOPE], redirectPath: '/signin/callback' },
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await gateway?.stop();
  await provider?.stop();
  await platform?.stop();
});

it('signs in through the identity provider (code + PKCE) and lands the account on its page with figures from the graph', async () => {
  const watched = await watchedPage(browser);
  try {
    await watched.page.goto(`${base}/signin`);
    // No development accounts outside development: the identity provider's button instead.
    await watched.page.getByRole('button', { name: '通过统一身份认证登录' }).click();
    await watched.page.waitForURL((url) => url.origin === new URL(provider.issuer).origin);
    await watched.page.locator('input[name="login"]').fill('county-dashboard');
    await watched.page.locator('input[name="password"]').fill('any');
    await watched.page.locator('button[type="submit"]').click();
    // The consent page (scopes for the gateway), then back to the web.
    await watched.page.locator('button[type="submit"]').click();
    await watched.page.waitForURL(`${base}/dashboard`, { timeout: 30_000 });
    await watched.page
      .getByTestId('account')
      .waitFor()
      .catch(() => undefined);
    // The session holds the provider's access token, and the page's one request was answered with it.
    const token = await watched.page.evaluate<string | null>("JSON.parse(sessionStorage.getItem('jiuye.session') ?? 'null')?.token ?? null");
    expect(token).toMatch(/^ey[\w-]+\.[\w-]+\.[\w-]+$/);
    const header = JSON.parse(Buffer.from(token!.split('.')[0], 'base64url').toString('utf8'));
    expect(header.kid).toBe(provider.keys[0].kid);
    const answered = () => watched.graphql.filter((entry) => (entry.response as any)?.data?.indicators);
    for (let waited = 0; answered().length === 0 && waited < 20_000; waited += 200) await new Promise((resolve) => setTimeout(resolve, 200));
    expect(answered().length).toBeGreaterThan(0);
    // The code and state never stay in the address bar.
    expect(watched.page.url()).not.toContain('code=');
    // oidc-provider's built-in development login page (not ours) asks for Google Fonts: blocked, and
    // it works without them. Nothing else left the machine.
    expect(watched.blocked.filter((url) => !url.startsWith('https://fonts.googleapis.com/'))).toEqual([]);
    // …and each blocked font is one console error on that page; our pages logged none.
    expect(watched.errors.filter((error) => !error.startsWith('Failed to load resource: net::ERR_BLOCKED_BY_CLIENT'))).toEqual([]);
    expect(watched.errors.length).toBe(watched.blocked.length);
  } finally {
    await watched.close();
  }
});
