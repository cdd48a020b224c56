/**
 * How an account signs in. Today: the development role picker (GET /auth/dev-accounts, which the
 * gateway answers only in development with the development JWT secret). The seam for production:
 * an OIDC provider (authorization code + PKCE against the configured identity provider) adds a
 * `SignInProvider` of kind 'oidc' whose `begin()` redirects and whose callback route calls
 * `startSession(idToken or access token)`; the rest of the app only reads `currentSession()`.
 */
export interface DevAccount {
  label: string;
  department: string;
  role: string;
  region: string | null;
  city: string | null;
  token: string;
}

export interface SignInProvider {
  kind: 'development' | 'oidc';
}

/** The development accounts, or null when the gateway does not offer them (production). */
export async function fetchDevAccounts(): Promise<DevAccount[] | null> {
  const response = await fetch('/auth/dev-accounts', { headers: { accept: 'application/json' } });
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`开发账号列表不可用（HTTP ${response.status}）`);
  const body = (await response.json()) as { accounts: DevAccount[] };
  return body.accounts;
}
