import { fork, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import path from 'node:path';

/**
 * A real OpenID Connect provider for tests (the `oidc-provider` package, ESM, in a child process
 * on a free loopback port): a public client with PKCE required, JWT access tokens for the gateway
 * (audience jiuye-gateway by default) carrying each account's identity claims, its built-in
 * development login and consent pages, and signing keys the test can rotate. Reused by the
 * sign-in tests (tests/oidc.test.ts) and meant for the browser tests as well.
 */
export type ProviderAlgorithm = 'RS256' | 'ES256' | 'PS256';

/** One signing key of the provider: its private JWK (given to the provider) and the key object (for tests that sign by hand). */
export interface ProviderKey {
  kid: string;
  alg: ProviderAlgorithm;
  privateJwk: Record<string, unknown>;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export function providerKey(alg: ProviderAlgorithm = 'RS256', kid = `${alg.toLowerCase()}-${randomUUID().slice(0, 8)}`): ProviderKey {
  const { privateKey, publicKey } = alg === 'ES256' ? generateKeyPairSync('ec', { namedCurve: 'P-256' }) : generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid, alg, privateKey, publicKey, privateJwk: { ...privateKey.export({ format: 'jwk' }), kid, alg, use: 'sig' } };
}

/** A resource server the provider issues JWT access tokens for (RFC 8707 resource indicator → audience, scope). */
export interface ProviderResource {
  audience: string;
  scope: string;
}

export interface OidcProviderOptions {
  clientId?: string;
  redirectUris: string[];
  /** Account id (the login typed on the provider's page) → the claims its access tokens carry besides sub. */
  accounts: Record<string, Record<string, unknown>>;
  keys?: ProviderKey[];
  /** The access tokens' algorithm (a key for it must be among the keys). */
  accessTokenAlg?: ProviderAlgorithm;
  idTokenAlg?: ProviderAlgorithm;
  /** Resource indicator → resource server; the default one is used when the client names none. */
  resources?: Record<string, ProviderResource>;
  defaultResource?: string;
}

export const GATEWAY_RESOURCE = 'urn:jiuye:gateway';
export const GATEWAY_SCOPE = 'jiuye';

export interface OidcTestProvider {
  issuer: string;
  jwksUrl: string;
  clientId: string;
  keys: ProviderKey[];
  /** Publishes (and signs with the first of) these keys from now on: a key rotation. */
  setKeys(keys: ProviderKey[]): Promise<void>;
  /** How many times the JWKS has been fetched from the provider so far. */
  jwksFetches(): Promise<number>;
  /**
   * Signs `account` in through the provider's own pages (its login form, then consent), starting
   * from an authorization URL, with a cookie jar; answers the redirect back to the client (the
   * redirect_uri with code, state and iss).
   */
  signIn(authorizationUrl: string, account: string): Promise<string>;
  stop(): Promise<void>;
}

export async function startOidcProvider(options: OidcProviderOptions): Promise<OidcTestProvider> {
  const clientId = options.clientId ?? 'jiuye-web';
  const accessTokenAlg = options.accessTokenAlg ?? 'RS256';
  const idTokenAlg = options.idTokenAlg ?? 'RS256';
  let keys = options.keys ?? [providerKey(accessTokenAlg)];
  if (!keys.some((key) => key.alg === idTokenAlg)) keys = [...keys, providerKey(idTokenAlg)];
  const resources = options.resources ?? { [GATEWAY_RESOURCE]: { audience: 'jiuye-gateway', scope: GATEWAY_SCOPE } };
  const child: ChildProcess = fork(path.join(__dirname, 'oidc-provider-process.mjs'), [], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const waiting = new Map<string, { resolve: (body: any) => void; reject: (error: Error) => void }>();
  child.on('message', (message: any) => {
    const entry = waiting.get(message.id);
    if (!entry) return;
    waiting.delete(message.id);
    if (message.error) entry.reject(new Error(`oidc provider: ${message.error}`));
    else entry.resolve(message);
  });
  child.on('exit', (code) => {
    for (const entry of waiting.values()) entry.reject(new Error(`oidc provider exited (${code}): ${stderr}`));
    waiting.clear();
  });
  const ask = (message: Record<string, unknown>): Promise<any> =>
    new Promise((resolve, reject) => {
      const id = randomUUID();
      waiting.set(id, { resolve, reject });
      child.send({ id, ...message });
    });
  const { issuer } = await ask({
    type: 'start',
    keys: keys.map((key) => key.privateJwk),
    options: {
      clientId,
      redirectUris: options.redirectUris,
      accounts: options.accounts,
      accessTokenAlg,
      idTokenAlg,
      resources,
      defaultResource: options.defaultResource ?? Object.keys(resources)[0],
    },
  });
  const provider: OidcTestProvider = {
    issuer,
    jwksUrl: `${issuer}/jwks`,
    clientId,
    keys,
    async setKeys(next) {
      await ask({ type: 'keys', keys: next.map((key) => key.privateJwk) });
      provider.keys = next;
    },
    async jwksFetches() {
      return (await ask({ type: 'stats' })).counts.jwks;
    },
    signIn: (authorizationUrl, account) => signInThroughPages(authorizationUrl, account, options.redirectUris),
    async stop() {
      if (child.exitCode !== null) return;
      await ask({ type: 'stop' }).catch(() => undefined);
    },
  };
  return provider;
}

/** The fields of the first form on a page: its action and its inputs with their values. */
function formOf(html: string, base: string): { action: string; fields: Record<string, string> } {
  const form = /<form[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/i.exec(html);
  if (!form) throw new Error(`the provider's page has no form: ${html.slice(0, 300)}`);
  const fields: Record<string, string> = {};
  for (const input of form[2].matchAll(/<input[^>]*>/gi)) {
    const name = /name="([^"]+)"/.exec(input[0])?.[1];
    if (name) fields[name] = /value="([^"]*)"/.exec(input[0])?.[1] ?? '';
  }
  return { action: new URL(form[1].replace(/&amp;/g, '&'), base).toString(), fields };
}

async function signInThroughPages(authorizationUrl: string, account: string, redirectUris: string[]): Promise<string> {
  const jar = new Map<string, string>();
  const cookieHeader = () => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
  let url = authorizationUrl;
  let body: URLSearchParams | undefined;
  for (let step = 0; step < 20; step += 1) {
    const response = await fetch(url, {
      method: body ? 'POST' : 'GET',
      redirect: 'manual',
      headers: { cookie: cookieHeader(), ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      ...(body ? { body } : {}),
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const at = pair.indexOf('=');
      jar.set(pair.slice(0, at).trim(), pair.slice(at + 1));
    }
    body = undefined;
    if (response.status >= 300 && response.status < 400) {
      await response.arrayBuffer();
      const location = new URL(response.headers.get('location') ?? '', url).toString();
      if (redirectUris.some((uri) => location.startsWith(`${uri}?`) || location.startsWith(`${uri}#`))) return location;
      url = location;
      continue;
    }
    const html = await response.text();
    if (response.status !== 200) throw new Error(`the provider answered ${response.status}: ${html.slice(0, 500)}`);
    const form = formOf(html, url);
    if (form.fields.prompt === 'login') Object.assign(form.fields, { login: account, password: 'any' });
    url = form.action;
    body = new URLSearchParams(form.fields);
  }
  throw new Error('the sign-in did not come back to the client within 20 steps');
}
