import { createHmac, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { SignJWT } from 'jose';
import type { GatewayConfig } from '@jiuye/common';
import { type RunningGateway, signInConfig } from '@jiuye/gateway';
import { captureLog, closedPort, startGatewayOn } from '@jiuye/testing/gateway';
import { pseudonymOf } from '@jiuye/testing/harness';
import { GATEWAY_SCOPE, providerKey, startOidcProvider, type OidcTestProvider } from '@jiuye/testing/oidc-provider';
import { DEMO_COUNTY, startTestPlatform, TEST_JWT, type TestPlatform } from '@jiuye/testing/platform';
import { authorizationUrl, completeSignIn, SignInError, type KeyValueStorage, type OidcSignInConfig, type SignInEnvironment } from '@jiuye/web/auth/oidc';

/**
 * Sign-in in production (issue 15, item 5): a real OpenID Connect provider (oidc-provider, in its
 * own process) signs accounts in through its own login and consent pages; the web's module
 * (web/src/auth/oidc.ts) runs the authorization code + PKCE flow against it; the gateway verifies
 * the access token from the provider's JWKS URL and answers for that identity. Refusals: tampered,
 * wrong audience (the ID token sent instead), expired, alg none, HS256 with the public key, a key
 * the provider rotated out; unknown kids do not make the gateway hammer the provider.
 */
jest.setTimeout(180_000);

const NAMESPACE = 'https://jiuye.gov.cn/';
const WORKER = `query($id: String!) { worker(idNumber: $id) { id } }`;

let platform: TestPlatform;
let provider: OidcTestProvider;
let gateway: RunningGateway;
let origin: string;
let config: OidcSignInConfig;
let worker: { idNumber: string; workerId: string; village: string };
let otherVillage: string;

class MemoryStorage implements KeyValueStorage {
  private readonly items = new Map<string, string>();
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.items.set(key, value);
  removeItem = (key: string) => void this.items.delete(key);
}

function browser(): SignInEnvironment {
  return { storage: new MemoryStorage(), origin, navigate: () => undefined, fetch };
}

/** The whole sign-in as the web does it: authorization URL (PKCE, state, nonce), the provider's pages, the code exchanged. */
async function signIn(account: string, against: OidcSignInConfig = config, via: OidcTestProvider = provider) {
  const environment = browser();
  const back = await via.signIn(await authorizationUrl(against, environment), account);
  return completeSignIn(against, back, environment);
}

async function ask(url: string, token: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-purpose': 'verification' },
    body: JSON.stringify({ query: WORKER, variables: { id: worker.idNumber } }),
  });
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) };
}

function jwtSettings(overrides: Partial<GatewayConfig['jwt']> = {}): GatewayConfig['jwt'] {
  return {
    issuer: provider.issuer,
    audience: 'jiuye-gateway',
    algorithm: 'RS256',
    jwksUrl: provider.jwksUrl,
    jwks: { cooldownMs: 100, cacheMaxAgeMs: 1500, timeoutMs: 2000 },
    ...overrides,
  };
}

/** A token signed by hand with one of the provider's own keys (for what the provider would not issue: an expired one). */
function byProviderKey(claims: Record<string, unknown>, key = provider.keys[0]) {
  return new SignJWT(claims).setProtectedHeader({ alg: key.alg, kid: key.kid }).setIssuer(provider.issuer).setAudience('jiuye-gateway').setSubject('county-officer');
}

beforeAll(async () => {
  platform = await startTestPlatform(60);
  const [first] = await platform.subgraphs.hr.sql<{ id_number: string; village_code: string }>('select id_number, village_code from worker order by village_code, id limit 1');
  worker = { idNumber: first.id_number, workerId: pseudonymOf(first.id_number), village: first.village_code };
  const [other] = await platform.subgraphs.hr.sql<{ village_code: string }>('select village_code from worker where village_code > ? order by village_code limit 1', [
    worker.village,
  ]);
  otherVillage = other.village_code;
  const port = await closedPort();
  origin = `http://127.0.0.1:${port}`;
  provider = await startOidcProvider({
    redirectUris: [`${origin}/signin/callback`],
    accounts: {
      'county-officer': { dept: 'hr', role: 'officer', region: DEMO_COUNTY, perms: ['reveal'] },
      'village-assistant': { dept: 'hr', role: 'village_assistant', region: otherVillage },
      'namespaced-officer': { [`${NAMESPACE}dept`]: 'hr', [`${NAMESPACE}role`]: 'officer', [`${NAMESPACE}region`]: DEMO_COUNTY, role: 'admin' },
      'no-department': { role: 'officer', region: DEMO_COUNTY },
    },
  });
  gateway = await startGatewayOn(platform, {
    port,
    jwt: jwtSettings(),
    oidc: { issuer: provider.issuer, clientId: provider.clientId, scopes: ['openid', GATEWAY_SCOPE], redirectPath: '/signin/callback' },
  });
  const answer = await fetch(`${origin}/auth/config`);
  expect(answer.status).toBe(200);
  config = (await answer.json()) as OidcSignInConfig;
});

afterAll(async () => {
  await gateway?.stop();
  await provider?.stop();
  await platform?.stop();
});

describe('GET /auth/config', () => {
  it("tells the web the provider's endpoints from its discovery document, a public client (no secret)", async () => {
    expect(config).toEqual({
      mode: 'oidc',
      issuer: provider.issuer,
      clientId: 'jiuye-web',
      authorizationEndpoint: `${provider.issuer}/auth`,
      tokenEndpoint: `${provider.issuer}/token`,
      scopes: ['openid', GATEWAY_SCOPE],
      redirectPath: '/signin/callback',
    });
    expect(JSON.stringify(config)).not.toMatch(/secret/i);
  });

  it('answers development for the development tokens and none in production without OIDC; 503 while the provider is down', async () => {
    const development = await fetch(platform.gateway.url.replace(/\/graphql$/, '/auth/config'));
    expect(await development.json()).toEqual({ mode: 'development' });
    const silent = { warn: () => undefined } as any;
    await expect(signInConfig({ environment: 'production', jwt: jwtSettings() }, silent)()).resolves.toEqual({ mode: 'none' });
    await expect(signInConfig({ environment: 'development', jwt: TEST_JWT }, silent)()).resolves.toEqual({ mode: 'development' });
    const down = `http://127.0.0.1:${await closedPort()}`;
    const unreachable = signInConfig({ environment: 'production', jwt: jwtSettings(), oidc: { issuer: down, clientId: 'x', scopes: ['openid'], redirectPath: '/cb' } }, silent);
    await expect(unreachable()).rejects.toMatchObject({ status: 503, message: expect.stringMatching(/OIDC_ISSUER/) });
  });
});

describe('sign-in through a real OpenID provider', () => {
  it('authorization code + PKCE: the access token the provider issues gets data at the gateway for that identity', async () => {
    const { accessToken, idClaims } = await signIn('county-officer');
    expect(idClaims.sub).toBe('county-officer');
    const answer = await ask(gateway.url, accessToken);
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data.worker.id).toBe(worker.workerId);
  });

  it("the provider's claims decide the scope: a village assistant of another village does not get the worker", async () => {
    const { accessToken } = await signIn('village-assistant');
    const answer = await ask(gateway.url, accessToken);
    expect(answer.status).toBe(200);
    expect(answer.body.data?.worker ?? null).toBeNull();
    expect(answer.text).not.toContain(worker.workerId);
  });

  it('a token without the contract claims is refused with what is missing; namespaced claims count only with JWT_CLAIMS_NAMESPACE', async () => {
    const missing = await ask(gateway.url, (await signIn('no-department')).accessToken);
    expect(missing.status).toBe(401);
    expect(missing.body.errors[0].extensions.reason).toBe('invalid-claims');
    expect(missing.body.errors[0].message).toMatch(/dept must be one of/);
    const namespaced = (await signIn('namespaced-officer')).accessToken;
    expect((await ask(gateway.url, namespaced)).body.errors[0].extensions.reason).toBe('invalid-claims');
    const withNamespace = await startGatewayOn(platform, { jwt: jwtSettings({ claimsNamespace: NAMESPACE }) });
    try {
      const answer = await ask(withNamespace.url, namespaced);
      expect(answer.body.data.worker.id).toBe(worker.workerId);
    } finally {
      await withNamespace.stop();
    }
  });

  it("the web module refuses an answer that is not its own sign-in's (state), and a code used twice", async () => {
    const started = browser();
    const back = await provider.signIn(await authorizationUrl(config, started), 'county-officer');
    const forged = back.replace(/state=[^&]+/, 'state=forged');
    const other = browser();
    await authorizationUrl(config, other);
    await expect(completeSignIn(config, forged, other)).rejects.toThrow(SignInError);
    await expect(completeSignIn(config, forged, other)).rejects.toThrow(/no sign-in was started/);
    await completeSignIn(config, back, started);
    // The same answer again: the pending sign-in was used up.
    await expect(completeSignIn(config, back, started)).rejects.toThrow(/no sign-in was started/);
  });
});

describe('PKCE is required and checked', () => {
  it('the provider refuses an authorization request without a code challenge, and a code exchanged with another verifier', async () => {
    const url = new URL(await authorizationUrl(config, browser()));
    url.searchParams.delete('code_challenge');
    url.searchParams.delete('code_challenge_method');
    const refused = await provider.signIn(url.toString(), 'county-officer');
    expect(new URL(refused).searchParams.get('error')).toBe('invalid_request');
    await expect(completeSignIn(config, refused, browser())).rejects.toThrow(/the identity provider refused the sign-in: invalid_request/);

    const environment = browser();
    const back = await provider.signIn(await authorizationUrl(config, environment), 'county-officer');
    const pending = JSON.parse(environment.storage.getItem('jiuye.oidc.pending')!);
    environment.storage.setItem('jiuye.oidc.pending', JSON.stringify({ ...pending, verifier: 'x'.repeat(64) }));
    await expect(completeSignIn(config, back, environment)).rejects.toThrow(/did not issue tokens: invalid_grant/);
  });
});

describe('tokens the gateway refuses', () => {
  it('tampered, the ID token instead of the access token (wrong audience), expired, alg none, HS256 with the public key', async () => {
    const { accessToken, idToken } = await signIn('county-officer');
    const [header, payload, signature] = accessToken.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const tampered = `${header}.${Buffer.from(JSON.stringify({ ...claims, region: '53' })).toString('base64url')}.${signature}`;
    const expired = await byProviderKey({ dept: 'hr', role: 'officer', region: DEMO_COUNTY })
      .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
      .sign(provider.keys[0].privateKey);
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const none = `${encode({ alg: 'none', kid: provider.keys[0].kid })}.${payload}.`;
    const publicPem = createPublicKey(provider.keys[0].privateKey).export({ type: 'spki', format: 'pem' }).toString();
    const hsHeader = encode({ alg: 'HS256', kid: provider.keys[0].kid });
    const confused = `${hsHeader}.${payload}.${createHmac('sha256', publicPem).update(`${hsHeader}.${payload}`).digest('base64url')}`;
    const cases: [string, string, RegExp, RegExp][] = [
      ['tampered', tampered, /^bad-signature$/, /signature does not match/],
      ['ID token', idToken, /^wrong-audience$/, /another audience/],
      ['expired', expired, /^expired$/, /expired/],
      ['alg none', none, /^(malformed|wrong-algorithm)$/, /./],
      ['HS256 with the public key', confused, /^wrong-algorithm$/, /algorithm/],
    ];
    for (const [label, token, reason, message] of cases) {
      const answer = await ask(gateway.url, token);
      expect({ label, status: answer.status, reason: answer.body.errors[0].extensions.reason }).toEqual({ label, status: 401, reason: expect.stringMatching(reason) });
      expect(answer.body.errors[0].message).toMatch(message);
      expect(answer.text).not.toContain(token.split('.')[1]);
    }
  });
});

describe("the provider's keys", () => {
  it('rotation: new tokens verify once the provider publishes the new key; the old key stops verifying once the provider removes it', async () => {
    const oldKey = provider.keys[0];
    const before = (await signIn('county-officer')).accessToken;
    expect((await ask(gateway.url, before)).status).toBe(200);
    const newKey = providerKey('RS256');
    await provider.setKeys([newKey, ...provider.keys]);
    const after = (await signIn('county-officer')).accessToken;
    expect(JSON.parse(Buffer.from(after.split('.')[0], 'base64url').toString()).kid).toBe(newKey.kid);
    // An unknown kid refreshes the set (the cooldown here is 100 ms).
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect((await ask(gateway.url, after)).body.data.worker.id).toBe(worker.workerId);
    expect((await ask(gateway.url, before)).status).toBe(200);
    await provider.setKeys(provider.keys.filter((key) => key.kid !== oldKey.kid));
    // The cached set is kept for 1.5 s here (JWT_JWKS_CACHE_SECONDS, 600 by default).
    await new Promise((resolve) => setTimeout(resolve, 1700));
    const refused = await ask(gateway.url, before);
    expect(refused.status).toBe(401);
    expect(refused.body.errors[0].extensions.reason).toBe('unknown-key');
    expect(refused.body.errors[0].message).toMatch(/key the identity provider does not publish/);
    expect((await ask(gateway.url, after)).status).toBe(200);
  });

  it('tokens naming unknown keys do not make the gateway hammer the provider (one fetch per cooldown)', async () => {
    const guarded = await startGatewayOn(platform, { jwt: jwtSettings({ jwks: { cooldownMs: 30_000, cacheMaxAgeMs: 600_000, timeoutMs: 2000 } }) });
    try {
      const good = (await signIn('county-officer')).accessToken;
      expect((await ask(guarded.url, good)).status).toBe(200);
      const fetchesBefore = await provider.jwksFetches();
      const stranger = providerKey('RS256');
      const forged = await Promise.all(
        Array.from({ length: 25 }, (_, index) =>
          byProviderKey({ dept: 'hr', role: 'officer', region: DEMO_COUNTY }, { ...stranger, kid: `made-up-${index}` })
            .setExpirationTime('1h')
            .sign(stranger.privateKey),
        ),
      );
      for (const token of forged.slice(0, 5)) expect((await ask(guarded.url, token)).body.errors[0].extensions.reason).toBe('unknown-key');
      const answers = await Promise.all(forged.slice(5).map((token) => ask(guarded.url, token)));
      expect(answers.every((answer) => answer.status === 401)).toBe(true);
      expect((await provider.jwksFetches()) - fetchesBefore).toBeLessThanOrEqual(1);
      expect((await ask(guarded.url, good)).status).toBe(200);
    } finally {
      await guarded.stop();
    }
    // Past the cooldown (3 s here), 20 unknown kids at once cost one fetch per cooldown: one, unless
    // a loaded machine takes longer than a cooldown to answer the burst.
    const COOLDOWN_MS = 3000;
    const quick = await startGatewayOn(platform, { jwt: jwtSettings({ jwks: { cooldownMs: COOLDOWN_MS, cacheMaxAgeMs: 600_000, timeoutMs: 2000 } }) });
    try {
      expect((await ask(quick.url, (await signIn('county-officer')).accessToken)).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, COOLDOWN_MS + 100));
      const stranger = providerKey('RS256');
      const forged = await Promise.all(
        Array.from({ length: 20 }, (_, index) =>
          byProviderKey({ dept: 'hr', role: 'officer', region: DEMO_COUNTY }, { ...stranger, kid: `burst-${index}` })
            .setExpirationTime('1h')
            .sign(stranger.privateKey),
        ),
      );
      const before = await provider.jwksFetches();
      const burstStarted = Date.now();
      const answers = await Promise.all(forged.map((token) => ask(quick.url, token)));
      const burstMs = Date.now() - burstStarted;
      expect(answers.map((answer) => answer.body.errors[0].extensions.reason)).toEqual(forged.map(() => 'unknown-key'));
      const fetches = (await provider.jwksFetches()) - before;
      expect(fetches).toBeGreaterThanOrEqual(1);
      expect(fetches).toBeLessThanOrEqual(1 + Math.floor(burstMs / COOLDOWN_MS));
    } finally {
      await quick.stop();
    }
  });

  it('a PEM key beside the JWKS: a token verifies if either accepts it', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const both = await startGatewayOn(platform, {
      jwt: jwtSettings({ algorithm: 'RS256', algorithms: ['RS256', 'ES256'], publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString() }),
    });
    try {
      const fromProvider = (await signIn('county-officer')).accessToken;
      expect((await ask(both.url, fromProvider)).body.data.worker.id).toBe(worker.workerId);
      const pinned = await new SignJWT({ dept: 'hr', role: 'officer', region: DEMO_COUNTY })
        .setProtectedHeader({ alg: 'ES256' })
        .setIssuer(provider.issuer)
        .setAudience('jiuye-gateway')
        .setSubject('pem-user')
        .setExpirationTime('1h')
        .sign(privateKey);
      expect((await ask(both.url, pinned)).body.data.worker.id).toBe(worker.workerId);
      const stranger = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
      const foreign = await new SignJWT({ dept: 'hr', role: 'officer', region: DEMO_COUNTY })
        .setProtectedHeader({ alg: 'ES256' })
        .setIssuer(provider.issuer)
        .setAudience('jiuye-gateway')
        .setSubject('x')
        .setExpirationTime('1h')
        .sign(stranger);
      const refused = await ask(both.url, foreign);
      expect(refused.status).toBe(401);
      expect(refused.body.errors[0].extensions.reason).toMatch(/^(bad-signature|unknown-key)$/);
    } finally {
      await both.stop();
    }
  });

  it.each(['ES256', 'PS256'] as const)('%s: a provider signing with it; while the provider is down its cached keys still verify, and without any a 503', async (alg) => {
    const other = await startOidcProvider({
      redirectUris: [`${origin}/signin/callback`],
      accounts: { 'county-officer': { dept: 'hr', role: 'officer', region: DEMO_COUNTY } },
      keys: [providerKey(alg)],
      accessTokenAlg: alg,
    });
    const jwt = jwtSettings({ issuer: other.issuer, algorithm: alg, jwksUrl: other.jwksUrl, jwks: { cooldownMs: 1000, cacheMaxAgeMs: 600_000, timeoutMs: 1000 } });
    const running = await startGatewayOn(platform, { jwt });
    let stopped = false;
    try {
      const own = { ...config, issuer: other.issuer, authorizationEndpoint: `${other.issuer}/auth`, tokenEndpoint: `${other.issuer}/token` };
      const { accessToken } = await signIn('county-officer', own, other);
      expect(JSON.parse(Buffer.from(accessToken.split('.')[0], 'base64url').toString()).alg).toBe(alg);
      expect((await ask(running.url, accessToken)).body.data.worker.id).toBe(worker.workerId);
      await other.stop();
      stopped = true;
      expect((await ask(running.url, accessToken)).status).toBe(200);
      const log = captureLog();
      const fresh = await startGatewayOn(platform, { jwt }, log.logger);
      try {
        const unavailable = await ask(fresh.url, accessToken);
        expect(unavailable.status).toBe(503);
        expect(unavailable.body.errors[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'keys-unavailable' });
        const warned = log.lines.filter((line) => /key set \(JWT_JWKS_URL\) could not be read/.test(line.msg));
        expect(warned).toEqual([expect.objectContaining({ jwksUrl: other.jwksUrl, reason: expect.any(String) })]);
        // Within the cooldown the provider is not asked again: the same answer, no second attempt.
        expect((await ask(fresh.url, accessToken)).status).toBe(503);
        expect(log.lines.filter((line) => /key set \(JWT_JWKS_URL\) could not be read/.test(line.msg))).toHaveLength(1);
        expect(JSON.stringify(log.lines)).not.toContain(accessToken.split('.')[1]);
      } finally {
        await fresh.stop();
      }
    } finally {
      await running.stop();
      if (!stopped) await other.stop();
    }
  });
});
