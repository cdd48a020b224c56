import type { ServerResponse } from 'node:http';
import { DEVELOPMENT_JWT_SECRET, EXAMPLE_ACCOUNTS, identityFor, mintUserToken, type GatewayConfig, type Identity } from '@jiuye/common';

/**
 * GET /auth/dev-accounts: the development accounts `npm start` prints, with a token each, for
 * the sign-in page's role picker. Only outside production and only while the gateway verifies
 * tokens with the development JWT secret (public in the source code anyway); otherwise the
 * route does not exist (404). Production signs in through the identity provider (OIDC).
 */
export function devSignInEnabled(config: Pick<GatewayConfig, 'environment' | 'jwt'>): boolean {
  return config.environment !== 'production' && config.jwt.algorithm === 'HS256' && config.jwt.secret === DEVELOPMENT_JWT_SECRET;
}

export interface DevAccount {
  label: string;
  department: string;
  role: string;
  region: string | null;
  city: string | null;
  token: string;
}

export async function devAccounts(config: Pick<GatewayConfig, 'jwt'>): Promise<DevAccount[]> {
  return Promise.all(
    EXAMPLE_ACCOUNTS.map(async ({ label, request }) => {
      const identity: Identity = identityFor(request);
      const token = await mintUserToken(identity, { ...config.jwt, secret: config.jwt.secret ?? '' }, { expiresIn: '8h' });
      return { label, department: identity.department, role: identity.role, region: identity.region ?? null, city: identity.partnerCity ?? null, token };
    }),
  );
}

export async function answerDevAccounts(config: Pick<GatewayConfig, 'jwt'>, response: ServerResponse): Promise<void> {
  response.statusCode = 200;
  response.setHeader('content-type', 'application/json; charset=utf-8');
  response.setHeader('cache-control', 'no-store');
  response.end(JSON.stringify({ accounts: await devAccounts(config) }));
}
