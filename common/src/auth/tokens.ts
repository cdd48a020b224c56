import { createSecretKey, type KeyObject } from 'node:crypto';
import { errors as joseErrors, importSPKI, jwtVerify, SignJWT, type JWTPayload } from 'jose';
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
export type JwtAlgorithm = 'HS256' | 'RS256' | 'ES256';

export interface JwtSettings {
  issuer: string;
  audience: string;
  algorithm: JwtAlgorithm;
  /** HS256: the shared secret (at least 32 characters). */
  secret?: string;
  /** RS256/ES256: the identity provider's public key (PEM, SPKI). */
  publicKey?: string;
}

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
  return new TokenError('the token could not be verified', 'invalid');
}

function hmacKey(secret: string): KeyObject {
  return createSecretKey(Buffer.from(secret, 'utf8'));
}

export type UserTokenVerifier = (token: string) => Promise<Identity>;

export async function createUserTokenVerifier(settings: JwtSettings): Promise<UserTokenVerifier> {
  const key =
    settings.algorithm === 'HS256'
      ? hmacKey(requireValue(settings.secret, 'JWT_SECRET'))
      : await importSPKI(requireValue(settings.publicKey, 'JWT_PUBLIC_KEY'), settings.algorithm);
  return async (token: string) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, key, {
        issuer: settings.issuer,
        audience: settings.audience,
        algorithms: [settings.algorithm],
        requiredClaims: ['exp', 'sub'],
        clockTolerance: 30,
      }));
    } catch (error) {
      throw describe(error);
    }
    const claims = userClaimsSchema.safeParse(payload);
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
    ...identityFromClaims(claims.data),
    ...(purpose ? { purpose } : {}),
    requestId: String(payload.rid).slice(0, 64),
  };
}
