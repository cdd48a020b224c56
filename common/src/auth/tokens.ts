import { createPublicKey, createSecretKey, type KeyObject } from 'node:crypto';
import { errors as joseErrors, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { DEFAULT_PROVIDER_KEY_OPTIONS, ProviderKeys, ProviderKeysUnavailable, type ProviderKeyOptions } from './provider-keys';
import { claimsFromIdentity, identityFromClaims, isPurpose, userClaimsSchema, type Identity, type RequestIdentity } from './identity';

/**
 * Two kinds of token.
 * - The user's bearer JWT, issued by the identity provider (or `npm run token` in development),
 *   verified by the gateway only: fixed algorithm, key from configuration, issuer, audience,
 *   expiry and not-before all checked; `alg: none` never passes (jose refuses it, and the
 *   algorithm list is fixed).
 * - The internal identity the gateway signs for the subgraphs (header x-jiuye-identity): HS256
 *   with INTERNAL_SIGNING_KEY, valid for 60 seconds, audience "jiuye-subgraph". A subgraph
 *   answers nothing without it, so a request sent straight to a subgraph's port gets nothing.
 */
export const JWT_ALGORITHMS = ['HS256', 'RS256', 'ES256', 'PS256'] as const;
export type JwtAlgorithm = (typeof JWT_ALGORITHMS)[number];

export interface JwtSettings {
  issuer: string;
  audience: string;
  /** The algorithm (HS256, or the provider's first). */
  algorithm: JwtAlgorithm;
  /** Every algorithm accepted (JWT_ALGORITHM=RS256,ES256); default [algorithm]. HS256 is never combined with another. */
  algorithms?: readonly JwtAlgorithm[];
  /** HS256: the shared secret (at least 32 characters). */
  secret?: string;
  /** RS256/ES256/PS256: the identity provider's public key (PEM, SPKI). */
  publicKey?: string;
  /** RS256/ES256/PS256: the identity provider's key set (JWT_JWKS_URL); with publicKey too, a token verifies if either key does. */
  jwksUrl?: string;
  /** How the key set is fetched and kept (JWT_JWKS_TIMEOUT_MS, JWT_JWKS_COOLDOWN_SECONDS, JWT_JWKS_CACHE_SECONDS). */
  jwks?: Partial<ProviderKeyOptions>;
  /** The custom claims (dept, role, region, city, institution, perms) are read under this prefix (JWT_CLAIMS_NAMESPACE), e.g. https://jiuye.gov.cn/dept. */
  claimsNamespace?: string;
}

/** The claims besides sub that carry the identity (identity.ts, userClaimsSchema). */
export const IDENTITY_CLAIMS = ['dept', 'role', 'region', 'city', 'institution', 'perms'] as const;

export const INTERNAL_IDENTITY_HEADER = 'x-jiuye-identity';
const INTERNAL_ISSUER = 'jiuye-gateway';
const INTERNAL_AUDIENCE = 'jiuye-subgraph';
const INTERNAL_LIFETIME_SECONDS = 60;

/** Why a token was refused; the message is safe to show (it never echoes the token). */
export class TokenError extends Error {
  constructor(
    message: string,
    readonly reason: string,
  ) {
    super(message);
    this.name = 'TokenError';
  }
}

function describe(error: unknown): TokenError {
  if (error instanceof TokenError) return error;
  if (error instanceof joseErrors.JWTExpired) return new TokenError('the token has expired', 'expired');
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    const claim = error.claim;
    if (claim === 'nbf') return new TokenError('the token is not valid yet (nbf)', 'not-yet-valid');
    if (claim === 'iss') return new TokenError('the token was issued by an issuer this platform does not trust (iss)', 'wrong-issuer');
    if (claim === 'aud') return new TokenError('the token is meant for another audience (aud)', 'wrong-audience');
    return new TokenError(`the token's ${claim} claim is invalid`, 'invalid-claim');
  }
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return new TokenError('the token is signed with an algorithm this platform does not accept', 'wrong-algorithm');
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return new TokenError('the token signature does not match the configured key', 'bad-signature');
  if (error instanceof joseErrors.JWSInvalid || error instanceof joseErrors.JWTInvalid) return new TokenError('the token is not a well-formed signed JWT', 'malformed');
  if (error instanceof joseErrors.JWKSNoMatchingKey) return new TokenError('the token is signed with a key the identity provider does not publish (kid)', 'unknown-key');
  if (error instanceof joseErrors.JWKSMultipleMatchingKeys) return new TokenError('the token does not name which of the identity provider keys signed it (kid)', 'unknown-key');
  if (error instanceof ProviderKeysUnavailable) return new TokenError("the identity provider's keys cannot be read just now; try again shortly", 'keys-unavailable');
  return new TokenError('the token could not be verified', 'invalid');
}

function hmacKey(secret: string): KeyObject {
  return createSecretKey(Buffer.from(secret, 'utf8'));
}

export type UserTokenVerifier = (token: string) => Promise<Identity>;

/** The algorithms a public key of this type can verify. */
function algorithmsOfKey(key: KeyObject): readonly JwtAlgorithm[] {
  if (key.asymmetricKeyType === 'rsa') return ['RS256', 'PS256'];
  if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') return ['ES256'];
  return [];
}

/** The accepted algorithms a PEM public key can verify; none is a configuration error naming JWT_PUBLIC_KEY. */
export function pemAlgorithms(pem: string, accepted: readonly JwtAlgorithm[]): JwtAlgorithm[] {
  const key = createPublicKey(pem);
  const usable = accepted.filter((algorithm) => algorithmsOfKey(key).includes(algorithm));
  if (usable.length === 0) throw new Error(`JWT_PUBLIC_KEY: a ${key.asymmetricKeyType} key cannot verify ${accepted.join(', ')} (JWT_ALGORITHM)`);
  return usable;
}

/** The claims with the namespace prefix taken off the identity claims (only namespaced ones count then). */
function withoutNamespace(payload: JWTPayload, namespace: string | undefined): Record<string, unknown> {
  if (!namespace) return payload;
  const claims: Record<string, unknown> = { sub: payload.sub };
  for (const name of IDENTITY_CLAIMS) {
    const value = payload[`${namespace}${name}`];
    if (value !== undefined) claims[name] = value;
  }
  return claims;
}

/** Errors that mean "not this key": the next configured key (the JWKS after the PEM) is tried. */
function anotherKeyMightDo(error: unknown): boolean {
  return error instanceof joseErrors.JWSSignatureVerificationFailed || error instanceof joseErrors.JOSEAlgNotAllowed || error instanceof TypeError;
}

export async function createUserTokenVerifier(settings: JwtSettings, hooks: { onKeysFailure?: (reason: string) => void } = {}): Promise<UserTokenVerifier> {
  const algorithms = [...(settings.algorithms ?? [settings.algorithm])];
  const options = { issuer: settings.issuer, audience: settings.audience, requiredClaims: ['exp', 'sub'], clockTolerance: 30 };
  // Each configured key in turn: the PEM key (local, cheap), then the provider's key set.
  const verifiers: ((token: string) => Promise<JWTPayload>)[] = [];
  if (algorithms.includes('HS256')) {
    if (algorithms.length > 1) throw new Error('JWT_ALGORITHM: HS256 (a shared secret) cannot be combined with public-key algorithms');
    const key = hmacKey(requireValue(settings.secret, 'JWT_SECRET'));
    verifiers.push(async (token) => (await jwtVerify(token, key, { ...options, algorithms: ['HS256'] })).payload);
  } else {
    if (!settings.publicKey && !settings.jwksUrl) throw new Error(`JWT_PUBLIC_KEY or JWT_JWKS_URL is required for ${algorithms.join(', ')}`);
    if (settings.publicKey) {
      const pemAccepts = pemAlgorithms(settings.publicKey, algorithms);
      const key = createPublicKey(settings.publicKey);
      verifiers.push(async (token) => (await jwtVerify(token, key, { ...options, algorithms: pemAccepts })).payload);
    }
    if (settings.jwksUrl) {
      const keys = new ProviderKeys(settings.jwksUrl, { ...DEFAULT_PROVIDER_KEY_OPTIONS, ...settings.jwks }, hooks.onKeysFailure);
      verifiers.push(async (token) => (await jwtVerify(token, keys.getKey, { ...options, algorithms })).payload);
    }
  }
  return async (token: string) => {
    let payload: JWTPayload | undefined;
    let failure: unknown;
    for (const verify of verifiers) {
      try {
        payload = await verify(token);
        break;
      } catch (error) {
        // A key that checked the signature and then refused a claim (expired, audience …) has the last word.
        const notThisKey = anotherKeyMightDo(error);
        if (failure === undefined || !notThisKey) failure = error;
        if (!notThisKey) break;
      }
    }
    if (!payload) throw describe(failure);
    const claims = userClaimsSchema.safeParse(withoutNamespace(payload, settings.claimsNamespace));
    if (!claims.success) {
      throw new TokenError(`the token's claims are invalid: ${claims.error.issues.map((issue) => issue.message).join('; ')}`, 'invalid-claims');
    }
    return identityFromClaims(claims.data);
  };
}

function requireValue(value: string | undefined, variable: string): string {
  if (!value) throw new Error(`${variable} is required for the configured JWT algorithm`);
  return value;
}

/** Development and test tokens (HS256 with the configured secret); see `npm run token`. */
export async function mintUserToken(
  identity: Identity,
  settings: Pick<JwtSettings, 'issuer' | 'audience'> & { secret: string },
  options: { expiresIn?: string | number; notBefore?: string | number } = {},
): Promise<string> {
  const jwt = new SignJWT({ ...claimsFromIdentity(identity) })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(settings.issuer)
    .setAudience(settings.audience)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '8h');
  if (options.notBefore !== undefined) jwt.setNotBefore(options.notBefore);
  return jwt.sign(hmacKey(settings.secret));
}

/** The identity the gateway vouches for, signed for the subgraphs. */
export async function signInternalIdentity(identity: RequestIdentity, signingKey: string): Promise<string> {
  return new SignJWT({
    ...claimsFromIdentity(identity),
    ...(identity.purpose ? { purpose: identity.purpose } : {}),
    rid: identity.requestId,
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(INTERNAL_ISSUER)
    .setAudience(INTERNAL_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${INTERNAL_LIFETIME_SECONDS}s`)
    .sign(hmacKey(signingKey));
}

export async function verifyInternalIdentity(token: string, signingKey: string): Promise<RequestIdentity> {
  return (await verifyInternal(token, signingKey)).identity;
}

/** The identity and its `exp` (seconds), once the signature, issuer, audience, expiry and claims are checked. */
async function verifyInternal(token: string, signingKey: string): Promise<{ identity: RequestIdentity; exp: number }> {
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, hmacKey(signingKey), {
      issuer: INTERNAL_ISSUER,
      audience: INTERNAL_AUDIENCE,
      algorithms: ['HS256'],
      requiredClaims: ['exp', 'sub', 'rid'],
    }));
  } catch (error) {
    throw describe(error);
  }
  const claims = userClaimsSchema.safeParse(payload);
  if (!claims.success) throw new TokenError('the internal identity is invalid', 'invalid-claims');
  const purpose = payload.purpose;
  if (purpose !== undefined && !isPurpose(purpose)) throw new TokenError('the internal identity names an unknown purpose', 'invalid-claims');
  return {
    identity: {
      ...identityFromClaims(claims.data),
      ...(purpose ? { purpose } : {}),
      requestId: String(payload.rid).slice(0, 64),
    },
    exp: payload.exp!,
  };
}

/**
 * verifyInternalIdentity with a memory of the tokens it has verified. One gateway request sends
 * the same signed identity to a department several times (each wave of the query plan, and the
 * access checks other departments forward to an authority), so each department verifies each
 * token once instead of on every call. Only the same bytes hit (a changed or forged token is
 * verified in full), a remembered token answers until its own `exp` and no longer, failures are
 * never remembered, and each caller gets its own copy of the identity.
 */
export class InternalIdentityVerifier {
  private readonly verified = new Map<string, { identity: RequestIdentity; expiresAtMs: number }>();

  constructor(
    private readonly signingKey: string,
    private readonly capacity = 1000,
    private readonly now: () => number = Date.now,
  ) {}

  async verify(token: string): Promise<RequestIdentity> {
    const known = this.verified.get(token);
    if (known && this.now() < known.expiresAtMs) return copyIdentity(known.identity);
    if (known) this.verified.delete(token);
    const { identity, exp } = await verifyInternal(token, this.signingKey);
    // Oldest first out (a Map keeps insertion order): the capacity bounds the memory.
    if (this.verified.size >= this.capacity) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, { identity: copyIdentity(identity), expiresAtMs: exp * 1000 });
    return identity;
  }

  /** Tokens remembered now (tests). */
  get size(): number {
    return this.verified.size;
  }
}

function copyIdentity(identity: RequestIdentity): RequestIdentity {
  return { ...identity, permissions: [...identity.permissions] };
}
