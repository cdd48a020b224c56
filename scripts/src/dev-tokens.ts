import {
  DEFAULT_JWT_AUDIENCE,
  DEFAULT_JWT_ISSUER,
  DEPARTMENTS,
  DEV_ACCOUNT_COUNTY,
  DEVELOPMENT_JWT_SECRET,
  EXAMPLE_ACCOUNTS,
  identityFor,
  mintUserToken,
  type Identity,
  type TokenRequest,
} from '@jiuye/common';

/** The demo county (东川区) and two of its places, for example tokens. */
export const DEMO_COUNTY = DEV_ACCOUNT_COUNTY;
export { identityFor, EXAMPLE_ACCOUNTS, type TokenRequest };

/** HS256 with JWT_SECRET (or the development secret), the gateway's issuer and audience. */
export function mintDevToken(identity: Identity, expiresIn = '8h', env: NodeJS.ProcessEnv = process.env): Promise<string> {
  if (env.NODE_ENV === 'production') throw new Error('development tokens are not minted in production: use the identity provider');
  return mintUserToken(
    identity,
    { issuer: env.JWT_ISSUER ?? DEFAULT_JWT_ISSUER, audience: env.JWT_AUDIENCE ?? DEFAULT_JWT_AUDIENCE, secret: env.JWT_SECRET ?? DEVELOPMENT_JWT_SECRET },
    { expiresIn },
  );
}

export { DEPARTMENTS };
