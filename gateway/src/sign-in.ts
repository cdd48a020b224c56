import { HttpError, type GatewayConfig, type Logger } from '@jiuye/common';

/**
 * GET /auth/config: how the web signs in, read without a token.
 * - oidc: authorization code with PKCE against the configured identity provider; a public client
 *   (no secret reaches the browser). The endpoints come from the provider's discovery document
 *   (OIDC_ISSUER/.well-known/openid-configuration), read on first use and kept for ten minutes;
 *   a failed read answers 503 and is tried again at the next request after a short pause.
 * - development: the role picker with the development tokens `npm start` prints (outside
 *   production, user tokens verified with the HS256 development secret, no OIDC).
 * - none: no sign-in offered here (tokens come from elsewhere).
 */
export type SignInConfig =
  | {
      mode: 'oidc';
      issuer: string;
      clientId: string;
      authorizationEndpoint: string;
      tokenEndpoint: string;
      scopes: string[];
      redirectPath: string;
    }
  | { mode: 'development' }
  | { mode: 'none' };

export const SIGN_IN_CONFIG_PATH = '/auth/config';
const DISCOVERY_TTL_MS = 600_000;
const DISCOVERY_TIMEOUT_MS = 5_000;
/** After a failed read, the provider is not asked again for this long (each request meanwhile gets the 503). */
const DISCOVERY_RETRY_MS = 2_000;

interface Discovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
}

function isDiscovery(value: unknown): value is Discovery {
  const document = value as Partial<Discovery> | null;
  return typeof document?.issuer === 'string' && typeof document.authorization_endpoint === 'string' && typeof document.token_endpoint === 'string';
}

const withoutSlash = (url: string) => url.replace(/\/$/, '');

/** The endpoint must be https unless the issuer itself is plain http (a development or loopback provider, as config allowed). */
function endpointProblem(issuer: string, endpoint: string): boolean {
  try {
    const url = new URL(endpoint);
    return !(url.protocol === 'https:' || (url.protocol === 'http:' && issuer.startsWith('http:')));
  } catch {
    return true;
  }
}

/** The route's handler; the discovery document is fetched lazily and cached. */
export function signInConfig(config: Pick<GatewayConfig, 'environment' | 'oidc' | 'jwt'>, logger: Logger): () => Promise<SignInConfig> {
  const oidc = config.oidc;
  if (!oidc) {
    const development = config.environment !== 'production' && config.jwt.algorithm === 'HS256' && !config.jwt.algorithms?.length;
    const answer: SignInConfig = development ? { mode: 'development' } : { mode: 'none' };
    return async () => answer;
  }
  let cached: { answer: SignInConfig; until: number } | undefined;
  let failed: { error: HttpError; until: number } | undefined;
  let pending: Promise<SignInConfig> | undefined;
  const url = `${withoutSlash(oidc.issuer)}/.well-known/openid-configuration`;
  const discover = async (): Promise<SignInConfig> => {
    let document: unknown;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(DISCOVERY_TIMEOUT_MS), headers: { accept: 'application/json' }, redirect: 'error' });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      document = await response.json();
    } catch (error) {
      logger.warn({ url, error: (error as Error).message }, 'sign-in: the identity provider does not answer its discovery document');
      throw new HttpError(503, 'the identity provider (OIDC_ISSUER) does not answer; try again shortly');
    }
    if (!isDiscovery(document) || withoutSlash(document.issuer) !== withoutSlash(oidc.issuer)) {
      logger.warn({ url }, 'sign-in: the discovery document does not name OIDC_ISSUER as its issuer');
      throw new HttpError(502, "the identity provider's discovery document does not name OIDC_ISSUER as its issuer");
    }
    if (endpointProblem(oidc.issuer, document.authorization_endpoint) || endpointProblem(oidc.issuer, document.token_endpoint)) {
      logger.warn({ url }, 'sign-in: the discovery document names endpoints that are not https URLs');
      throw new HttpError(502, "the identity provider's discovery document names endpoints that are not https URLs");
    }
    return {
      mode: 'oidc',
      issuer: document.issuer,
      clientId: oidc.clientId,
      authorizationEndpoint: document.authorization_endpoint,
      tokenEndpoint: document.token_endpoint,
      scopes: oidc.scopes,
      redirectPath: oidc.redirectPath,
    };
  };
  return async () => {
    const now = Date.now();
    if (cached && cached.until > now) return cached.answer;
    if (failed && failed.until > now) throw failed.error;
    pending ??= discover()
      .then((answer) => {
        cached = { answer, until: Date.now() + DISCOVERY_TTL_MS };
        failed = undefined;
        return answer;
      })
      .catch((error: HttpError) => {
        failed = { error, until: Date.now() + DISCOVERY_RETRY_MS };
        throw error;
      })
      .finally(() => (pending = undefined));
    return pending;
  };
}
