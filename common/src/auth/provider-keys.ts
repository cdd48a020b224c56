import { createLocalJWKSet, errors as joseErrors, type JSONWebKeySet, type JWTHeaderParameters, type FlattenedJWSInput, type KeyLike } from 'jose';

/**
 * The identity provider's signing keys, read from its JWKS URL (JWT_JWKS_URL) and kept:
 * - fetched at the first token, then again once the set is older than `cacheMaxAgeMs` (a key the
 *   provider removed stops verifying by then);
 * - a token naming a key (kid) the set does not hold refreshes it at once, but at most once per
 *   `cooldownMs`: tokens with made-up kids cannot make the gateway hammer the provider;
 * - a fetch that fails (or takes longer than `timeoutMs`) is not retried within the cooldown
 *   either; meanwhile the last set fetched keeps verifying, and without one the token is refused
 *   with reason keys-unavailable (HTTP 503).
 * jose's createRemoteJWKSet does the first two but retries a stale set's failed fetch on every
 * token while the provider is down; this keeps jose's key selection (createLocalJWKSet).
 */
export interface ProviderKeyOptions {
  timeoutMs: number;
  cooldownMs: number;
  cacheMaxAgeMs: number;
}

export const DEFAULT_PROVIDER_KEY_OPTIONS: Readonly<ProviderKeyOptions> = Object.freeze({ timeoutMs: 5000, cooldownMs: 30_000, cacheMaxAgeMs: 600_000 });

/** A JWKS document larger than this is refused (a provider publishes a handful of keys). */
const MAX_JWKS_BYTES = 256 * 1024;

export class ProviderKeysUnavailable extends Error {
  constructor(reason: string) {
    super(`the identity provider's keys could not be read: ${reason}`);
    this.name = 'ProviderKeysUnavailable';
  }
}

export class ProviderKeys {
  private keys?: ReturnType<typeof createLocalJWKSet>;
  private fetchedAt = 0;
  private attemptedAt = 0;
  private lastFailure?: string;
  private pending?: Promise<void>;
  /** JWKS documents fetched so far (successful or not); for tests and /stats. */
  fetches = 0;

  constructor(
    readonly url: string,
    private readonly options: ProviderKeyOptions = DEFAULT_PROVIDER_KEY_OPTIONS,
    /** Told why a fetch failed (for the log; the reason never carries a token). */
    private readonly onFailure: (reason: string) => void = () => undefined,
  ) {}

  /** jose's key lookup (for jwtVerify): the key the token's header names. */
  readonly getKey = async (header: JWTHeaderParameters, token: FlattenedJWSInput): Promise<KeyLike> => {
    const now = Date.now();
    if (!this.keys || now - this.fetchedAt >= this.options.cacheMaxAgeMs) await this.refresh();
    if (!this.keys) throw new ProviderKeysUnavailable(this.lastFailure ?? 'no key set yet');
    try {
      return (await this.keys(header, token)) as KeyLike;
    } catch (error) {
      if (!(error instanceof joseErrors.JWKSNoMatchingKey)) throw error;
      const before = this.fetchedAt;
      await this.refresh();
      if (this.fetchedAt === before) throw error;
      return (await this.keys(header, token)) as KeyLike;
    }
  };

  /** Fetches the set unless one fetch is under way (then waits for it) or the last attempt was within the cooldown. */
  private async refresh(): Promise<void> {
    if (this.pending) return this.pending;
    if (this.attemptedAt && Date.now() - this.attemptedAt < this.options.cooldownMs) return;
    this.attemptedAt = Date.now();
    this.pending = this.fetchSet().finally(() => (this.pending = undefined));
    return this.pending;
  }

  private async fetchSet(): Promise<void> {
    this.fetches += 1;
    try {
      const response = await fetch(this.url, { headers: { accept: 'application/json' }, redirect: 'error', signal: AbortSignal.timeout(this.options.timeoutMs) });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const text = await response.text();
      if (Buffer.byteLength(text) > MAX_JWKS_BYTES) throw new Error(`the key set is larger than ${MAX_JWKS_BYTES} bytes`);
      const set = JSON.parse(text) as JSONWebKeySet;
      if (!set || !Array.isArray(set.keys)) throw new Error('not a JSON Web Key Set');
      // Public keys only: a set that carries private or symmetric material is a misconfiguration, never used.
      const keys = set.keys.filter((key) => key && typeof key === 'object' && key.kty !== 'oct' && key.d === undefined && (key.use === undefined || key.use === 'sig'));
      this.keys = createLocalJWKSet({ keys });
      this.fetchedAt = Date.now();
      this.lastFailure = undefined;
    } catch (error) {
      const reason = error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${this.options.timeoutMs} ms` : (error as Error).message;
      this.lastFailure = reason;
      this.onFailure(reason);
    }
  }

  /** Why the last fetch failed, if it did (for the log; never carries a token). */
  get failure(): string | undefined {
    return this.lastFailure;
  }
}
