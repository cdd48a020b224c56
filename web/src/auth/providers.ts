import type { OidcSignInConfig } from './oidc';

/**
 * How an account signs in, as GET /auth/config says: in development the role picker (GET
 * /auth/dev-accounts, answered only in development with the development JWT secret); in
 * production the identity provider (OpenID Connect, authorization code + PKCE: oidc.ts), whose
 * callback (/signin/callback) starts the session with the provider's access token. The rest of
 * the app only reads `currentSession()`.
 */
export interface DevAccount {
  label: string;
  department: string;
  role: string;
  region: string | null;
  city: string | null;
  token: string;
}

/** GET /auth/config: how this gateway wants its users to sign in. */
export type SignInConfig = OidcSignInConfig | { mode: 'development' } | { mode: 'none' };

export async function fetchSignInConfig(): Promise<SignInConfig> {
  const response = await fetch('/auth/config', { headers: { accept: 'application/json' } });
  if (response.status === 404) return { mode: 'none' };
  if (!response.ok) throw new Error(`统一身份认证暂不可用（HTTP ${response.status}），请稍后再试`);
  return (await response.json()) as SignInConfig;
}

/** The development accounts, or null when the gateway does not offer them (production). */
export async function fetchDevAccounts(): Promise<DevAccount[] | null> {
  const response = await fetch('/auth/dev-accounts', { headers: { accept: 'application/json' } });
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`开发账号列表不可用（HTTP ${response.status}）`);
  const body = (await response.json()) as { accounts: DevAccount[] };
  return body.accounts;
}
