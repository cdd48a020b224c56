/**
 * Sign-in with the county's identity provider: OpenID Connect authorization code with PKCE (S256),
 * as a public client (no secret in the browser). Framework-free: DOM APIs only (crypto.subtle,
 * crypto.getRandomValues, fetch, sessionStorage, location).
 *
 *   const config = await (await fetch('/auth/config')).json();      // the gateway's GET /auth/config
 *   if (config.mode === 'oidc') await beginSignIn(config);           // leaves the page for the provider
 *   // … on the page at config.redirectPath:
 *   const { accessToken } = await completeSignIn(config, location.href);
 *   // send `Authorization: Bearer ${accessToken}` to /graphql (the gateway verifies the access token)
 *
 * The access token is what the gateway verifies (its audience is the gateway, JWT_AUDIENCE); the
 * ID token only proves the sign-in to this page: its nonce, issuer, audience (the client id) and
 * expiry are checked here. Its signature is not: it came straight from the token endpoint over
 * TLS (OpenID Connect Core 3.1.3.7), and nothing on the server trusts it.
 */

/** The gateway's GET /auth/config answer in OpenID Connect mode. */
export interface OidcSignInConfig {
  mode: 'oidc';
  issuer: string;
  clientId: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  scopes: string[];
  redirectPath: string;
}

export interface SignInResult {
  /** Send as `Authorization: Bearer …` to the gateway. */
  accessToken: string;
  idToken: string;
  /** Milliseconds since the epoch when the access token expires (from expires_in), if the provider said. */
  expiresAt?: number;
  /** The ID token's claims (sub and whatever the provider adds): for showing who signed in, not for decisions. */
  idClaims: Record<string, unknown>;
}

/** The part of sessionStorage this module uses. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Where the module meets the browser; tests pass their own. */
export interface SignInEnvironment {
  storage: KeyValueStorage;
  /** The web's origin (location.origin): redirect_uri is this plus config.redirectPath. */
  origin: string;
  /** Leaves the page (location.assign). */
  navigate(url: string): void;
  fetch: typeof fetch;
}

export class SignInError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SignInError';
  }
}

const PENDING_KEY = 'jiuye.oidc.pending';
/** A sign-in left unfinished longer than this is not completed (its state and verifier are dropped). */
const PENDING_LIFETIME_MS = 10 * 60 * 1000;

interface PendingSignIn {
  state: string;
  nonce: string;
  verifier: string;
  redirectUri: string;
  startedAt: number;
}

interface BrowserGlobals {
  sessionStorage: KeyValueStorage;
  location: { origin: string; assign(url: string): void };
  fetch: typeof fetch;
}

export function browserEnvironment(): SignInEnvironment {
  const browser = globalThis as unknown as BrowserGlobals;
  return {
    storage: browser.sessionStorage,
    origin: browser.location.origin,
    navigate: (url) => browser.location.assign(url),
    fetch: (input, init) => browser.fetch(input, init),
  };
}

function base64url(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A random value of `bytes` bytes, base64url (32 bytes: 43 characters, a valid PKCE verifier). */
export function randomToken(bytes = 32): string {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** The S256 code challenge of a PKCE code verifier (RFC 7636). */
export async function codeChallenge(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

/** The provider's authorization URL for a new sign-in; its state, nonce and verifier wait in storage. */
export async function authorizationUrl(config: OidcSignInConfig, environment: SignInEnvironment = browserEnvironment()): Promise<string> {
  const pending: PendingSignIn = {
    state: randomToken(),
    nonce: randomToken(),
    verifier: randomToken(48),
    redirectUri: `${environment.origin}${config.redirectPath}`,
    startedAt: Date.now(),
  };
  const url = new URL(config.authorizationEndpoint);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', config.clientId);
  url.searchParams.set('redirect_uri', pending.redirectUri);
  url.searchParams.set('scope', config.scopes.join(' '));
  url.searchParams.set('state', pending.state);
  url.searchParams.set('nonce', pending.nonce);
  url.searchParams.set('code_challenge', await codeChallenge(pending.verifier));
  url.searchParams.set('code_challenge_method', 'S256');
  environment.storage.setItem(PENDING_KEY, JSON.stringify(pending));
  return url.toString();
}

/** Starts a sign-in: leaves the page for the provider's login. */
export async function beginSignIn(config: OidcSignInConfig, environment: SignInEnvironment = browserEnvironment()): Promise<void> {
  environment.navigate(await authorizationUrl(config, environment));
}

function claimsOf(jwt: string): Record<string, unknown> {
  const part = jwt.split('.')[1];
  if (!part) throw new SignInError('the identity provider sent an ID token that is not a JWT');
  try {
    const text = atob(part.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(text, (character) => character.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
  } catch {
    throw new SignInError('the identity provider sent an ID token that cannot be read');
  }
}

function takePending(storage: KeyValueStorage): PendingSignIn | undefined {
  const text = storage.getItem(PENDING_KEY);
  storage.removeItem(PENDING_KEY);
  if (!text) return undefined;
  try {
    const pending = JSON.parse(text) as PendingSignIn;
    return Date.now() - pending.startedAt <= PENDING_LIFETIME_MS ? pending : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Finishes a sign-in on the page the provider sent the browser back to (`url`, location.href):
 * checks the state, exchanges the code with the PKCE verifier at the token endpoint, checks the
 * ID token (nonce, issuer, audience, expiry) and answers the tokens. Each started sign-in
 * completes once; a refused or forged answer throws SignInError with the reason.
 */
export async function completeSignIn(config: OidcSignInConfig, url: string, environment: SignInEnvironment = browserEnvironment()): Promise<SignInResult> {
  const answer = new URL(url).searchParams;
  const pending = takePending(environment.storage);
  const error = answer.get('error');
  if (error) {
    const description = answer.get('error_description');
    throw new SignInError(`the identity provider refused the sign-in: ${error}${description ? ` (${description.slice(0, 200)})` : ''}`);
  }
  if (!pending) throw new SignInError('no sign-in was started on this page (or it is older than 10 minutes): sign in again');
  if (answer.get('state') !== pending.state) throw new SignInError('the answer does not belong to the sign-in started here (state): sign in again');
  const iss = answer.get('iss');
  if (iss !== null && iss !== config.issuer) throw new SignInError('the answer comes from another identity provider (iss): sign in again');
  const code = answer.get('code');
  if (!code) throw new SignInError('the identity provider sent no authorization code');

  const response = await environment.fetch(config.tokenEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: pending.redirectUri,
      client_id: config.clientId,
      code_verifier: pending.verifier,
    }).toString(),
  });
  const tokens = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) {
    throw new SignInError(
      `the identity provider did not issue tokens: ${String(tokens.error ?? response.status)}${tokens.error_description ? ` (${String(tokens.error_description).slice(0, 200)})` : ''}`,
    );
  }
  const accessToken = tokens.access_token;
  const idToken = tokens.id_token;
  if (typeof accessToken !== 'string' || typeof idToken !== 'string') throw new SignInError('the identity provider sent no access token or no ID token');

  const claims = claimsOf(idToken);
  if (claims.nonce !== pending.nonce) throw new SignInError('the ID token does not belong to the sign-in started here (nonce): sign in again');
  if (claims.iss !== config.issuer) throw new SignInError('the ID token was issued by another identity provider (iss)');
  const audience = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!audience.includes(config.clientId)) throw new SignInError('the ID token is meant for another client (aud)');
  if (typeof claims.exp !== 'number' || claims.exp * 1000 < Date.now() - 30_000) throw new SignInError('the ID token has expired');

  const expiresIn = typeof tokens.expires_in === 'number' ? tokens.expires_in : undefined;
  return { accessToken, idToken, idClaims: claims, ...(expiresIn !== undefined ? { expiresAt: Date.now() + expiresIn * 1000 } : {}) };
}
