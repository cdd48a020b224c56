import { generateKeyPairSync } from 'node:crypto';
import { ConfigError, loadGatewayConfig } from '@jiuye/common';

/** The gateway's token verification settings with an identity provider (JWT_JWKS_URL, JWT_PUBLIC_KEY) and the sign-in settings (OIDC_*). */
const SERVER = 'postgres://jiuye:jiuye@localhost:5432/postgres';
const PRODUCTION = {
  NODE_ENV: 'production',
  DATABASE_URL: SERVER,
  PSEUDONYM_KEY: 'p'.repeat(40),
  INTERNAL_SIGNING_KEY: 'i'.repeat(40),
};
const rsaPem = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
const ecPem = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' }).toString();

function problems(env: Record<string, string>): string[] {
  try {
    loadGatewayConfig(env);
    return [];
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.problems;
  }
}

describe('token verification with an identity provider', () => {
  it('JWT_JWKS_URL: RS256 by default, the key set kept with the default timeout, cooldown and cache age', () => {
    const config = loadGatewayConfig({ ...PRODUCTION, JWT_JWKS_URL: 'https://idp.example.gov.cn/jwks', JWT_ISSUER: 'https://idp.example.gov.cn' });
    expect(config.jwt).toEqual({
      algorithm: 'RS256',
      issuer: 'https://idp.example.gov.cn',
      audience: 'jiuye-gateway',
      jwksUrl: 'https://idp.example.gov.cn/jwks',
      jwks: { timeoutMs: 5000, cooldownMs: 30_000, cacheMaxAgeMs: 600_000 },
    });
    expect(
      loadGatewayConfig({ ...PRODUCTION, JWT_JWKS_URL: 'https://idp/jwks', JWT_JWKS_TIMEOUT_MS: '800', JWT_JWKS_COOLDOWN_SECONDS: '5', JWT_JWKS_CACHE_SECONDS: '60' }).jwt.jwks,
    ).toEqual({ timeoutMs: 800, cooldownMs: 5000, cacheMaxAgeMs: 60_000 });
  });

  it('the JWKS URL must be https in production unless it is loopback; the error names the variable', () => {
    expect(problems({ ...PRODUCTION, JWT_JWKS_URL: 'http://idp.example.gov.cn/jwks' })).toEqual([
      'JWT_JWKS_URL: must be https in production (plain http only to a loopback host), got "http://idp.example.gov.cn/jwks"',
    ]);
    expect(problems({ ...PRODUCTION, JWT_JWKS_URL: 'http://127.0.0.1:8080/jwks' })).toEqual([]);
    expect(problems({ ...PRODUCTION, JWT_JWKS_URL: 'http://localhost:8080/jwks' })).toEqual([]);
    expect(problems({ DATABASE_URL: SERVER, JWT_JWKS_URL: 'http://idp:8080/jwks' })).toEqual([]);
    expect(problems({ ...PRODUCTION, JWT_JWKS_URL: 'not a url' })).toEqual(['JWT_JWKS_URL: expected an https URL (got "not a url")']);
    expect(problems({ ...PRODUCTION, JWT_JWKS_URL: 'ftp://idp/jwks' })[0]).toMatch(/^JWT_JWKS_URL: expected an https URL/);
  });

  it('a fixed list of public-key algorithms; HS256 never beside them; nonsense named', () => {
    expect(loadGatewayConfig({ ...PRODUCTION, JWT_JWKS_URL: 'https://idp/jwks', JWT_ALGORITHM: 'RS256, ES256,PS256' }).jwt).toMatchObject({
      algorithm: 'RS256',
      algorithms: ['RS256', 'ES256', 'PS256'],
    });
    expect(problems({ ...PRODUCTION, JWT_JWKS_URL: 'https://idp/jwks', JWT_ALGORITHM: 'RS256,HS256' })).toEqual([
      'JWT_ALGORITHM: HS256 (a shared secret) cannot be combined with RS256, ES256 or PS256 (the provider keys)',
      expect.stringMatching(/^JWT_ALGORITHM: HS256 verifies with JWT_SECRET, not with JWT_JWKS_URL/),
      'JWT_SECRET: required in production with HS256 (or set JWT_JWKS_URL / JWT_PUBLIC_KEY for the identity provider)',
    ]);
    expect(problems({ ...PRODUCTION, JWT_JWKS_URL: 'https://idp/jwks', JWT_ALGORITHM: 'none' })[0]).toMatch(/^JWT_ALGORITHM: expected HS256, RS256, ES256, PS256/);
    expect(problems({ ...PRODUCTION, JWT_ALGORITHM: 'RS256' })).toEqual([
      "JWT_JWKS_URL or JWT_PUBLIC_KEY: required for RS256: the identity provider's key set URL or its public key (PEM)",
    ]);
  });

  it('a secret and provider keys together are refused (they never verify the same token); PEM and JWKS together are fine', () => {
    expect(problems({ ...PRODUCTION, JWT_JWKS_URL: 'https://idp/jwks', JWT_SECRET: 's'.repeat(40) })).toEqual([
      'JWT_SECRET: set either an HS256 secret or the identity provider keys (JWT_PUBLIC_KEY / JWT_JWKS_URL), not both',
    ]);
    const both = loadGatewayConfig({ ...PRODUCTION, JWT_JWKS_URL: 'https://idp/jwks', JWT_PUBLIC_KEY: rsaPem });
    expect(both.jwt).toMatchObject({ algorithm: 'RS256', jwksUrl: 'https://idp/jwks', publicKey: rsaPem });
    expect(both.jwt.secret).toBeUndefined();
  });

  it('a PEM key must be able to verify one of the algorithms', () => {
    expect(problems({ ...PRODUCTION, JWT_PUBLIC_KEY: ecPem, JWT_ALGORITHM: 'RS256' })).toEqual(['JWT_PUBLIC_KEY: a ec key cannot verify RS256 (JWT_ALGORITHM)']);
    expect(problems({ ...PRODUCTION, JWT_PUBLIC_KEY: ecPem, JWT_ALGORITHM: 'ES256' })).toEqual([]);
    expect(problems({ ...PRODUCTION, JWT_PUBLIC_KEY: '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----' })).toEqual(['JWT_PUBLIC_KEY: not a readable PEM public key']);
  });

  it("empty values are unset (docker-compose passes ${VAR:-} as '')", () => {
    const compose = { JWT_SECRET: '', JWT_PUBLIC_KEY: '', JWT_ALGORITHM: '', JWT_ISSUER: '', JWT_CLAIMS_NAMESPACE: '', OIDC_ISSUER: '', OIDC_CLIENT_ID: '' };
    expect(problems({ ...PRODUCTION, ...compose, JWT_JWKS_URL: 'https://idp/jwks' })).toEqual([]);
    const config = loadGatewayConfig({ ...PRODUCTION, ...compose, JWT_SECRET: 's'.repeat(40), JWT_JWKS_URL: '' });
    expect(config.jwt).toEqual({ algorithm: 'HS256', issuer: 'jiuye-dev-identity', audience: 'jiuye-gateway', secret: 's'.repeat(40) });
    expect(config.oidc).toBeUndefined();
  });

  it('JWT_CLAIMS_NAMESPACE is read as given', () => {
    expect(loadGatewayConfig({ ...PRODUCTION, JWT_JWKS_URL: 'https://idp/jwks', JWT_CLAIMS_NAMESPACE: 'https://jiuye.gov.cn/' }).jwt.claimsNamespace).toBe('https://jiuye.gov.cn/');
  });
});

describe('sign-in settings (OIDC_*)', () => {
  const OIDC = { ...PRODUCTION, JWT_JWKS_URL: 'https://idp.example.gov.cn/jwks', OIDC_ISSUER: 'https://idp.example.gov.cn', OIDC_CLIENT_ID: 'jiuye-web' };

  it('issuer and client id; scopes and redirect path defaulted; JWT_ISSUER follows OIDC_ISSUER', () => {
    const config = loadGatewayConfig(OIDC);
    expect(config.oidc).toEqual({ issuer: 'https://idp.example.gov.cn', clientId: 'jiuye-web', scopes: ['openid'], redirectPath: '/signin/callback' });
    expect(config.jwt.issuer).toBe('https://idp.example.gov.cn');
    expect(loadGatewayConfig({ ...OIDC, OIDC_SCOPES: 'openid  jiuye profile', OIDC_REDIRECT_PATH: '/login/done' }).oidc).toMatchObject({
      scopes: ['openid', 'jiuye', 'profile'],
      redirectPath: '/login/done',
    });
    expect(loadGatewayConfig({ DATABASE_URL: SERVER }).oidc).toBeUndefined();
  });

  it('refuses what makes no sense, naming the variable', () => {
    expect(problems({ ...OIDC, OIDC_CLIENT_ID: '' })).toEqual(["OIDC_CLIENT_ID: required with OIDC_ISSUER (sign-in needs the provider and the web's client id)"]);
    expect(problems({ ...PRODUCTION, JWT_JWKS_URL: 'https://idp/jwks', OIDC_CLIENT_ID: 'jiuye-web' })[0]).toMatch(/^OIDC_ISSUER: required with OIDC_CLIENT_ID/);
    expect(problems({ ...OIDC, OIDC_ISSUER: 'http://idp.example.gov.cn' })).toEqual([
      'OIDC_ISSUER: must be https in production (plain http only to a loopback host), got "http://idp.example.gov.cn"',
    ]);
    expect(problems({ ...OIDC, JWT_ISSUER: 'someone-else' })).toEqual([
      'JWT_ISSUER: must equal OIDC_ISSUER (the gateway verifies the tokens that provider issues), or be left unset',
    ]);
    expect(problems({ ...OIDC, OIDC_SCOPES: 'profile' })).toEqual(['OIDC_SCOPES: must include openid (got "profile")']);
    expect(problems({ ...OIDC, OIDC_REDIRECT_PATH: 'https://evil.example/cb' })[0]).toMatch(/^OIDC_REDIRECT_PATH: expected a path on the web origin/);
    const { JWT_JWKS_URL: _jwks, ...withoutKeys } = OIDC;
    expect(problems({ ...withoutKeys, NODE_ENV: 'development', INTERNAL_SIGNING_KEY: 'i'.repeat(40) })).toEqual([
      "OIDC_ISSUER: the provider's tokens are verified with its keys: set JWT_JWKS_URL (or JWT_PUBLIC_KEY) and JWT_ALGORITHM",
    ]);
  });
});
