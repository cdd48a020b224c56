/**
 * The signed-in account: a bearer token kept in sessionStorage (gone when the tab closes) and
 * the claims the page needs to route and label (department, role, region). The claims are read
 * from the token without verifying it: the gateway verifies every request; the page only uses
 * them to choose where to go.
 *
 * Where sign-in comes from: `providers.ts` (development role picker today; OIDC authorization
 * code + PKCE plugs in there and ends by calling `startSession(token)`).
 */
const STORAGE_KEY = 'jiuye.session';

export interface Session {
  token: string;
  department: string;
  role: string;
  region?: string;
  city?: string;
  /** A training institution's accounts (their scope is the institution, not a region). */
  institution?: string;
  /** Seconds since the epoch (JWT exp). */
  expiresAt?: number;
  /** What the picker called the account (development sign-in). */
  label?: string;
}

function claimsOf(token: string): Record<string, unknown> {
  const payload = token.split('.')[1];
  if (!payload) throw new Error('不是有效的令牌');
  const json = decodeURIComponent(Array.from(atob(payload.replace(/-/g, '+').replace(/_/g, '/')), (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join(''));
  return JSON.parse(json) as Record<string, unknown>;
}

export function sessionFromToken(token: string, label?: string): Session {
  const claims = claimsOf(token);
  return {
    token,
    department: String(claims.dept ?? ''),
    role: String(claims.role ?? ''),
    ...(typeof claims.region === 'string' ? { region: claims.region } : {}),
    ...(typeof claims.city === 'string' ? { city: claims.city } : {}),
    ...(typeof claims.institution === 'string' ? { institution: claims.institution } : {}),
    ...(typeof claims.exp === 'number' ? { expiresAt: claims.exp } : {}),
    ...(label ? { label } : {}),
  };
}

const listeners = new Set<() => void>();

export function currentSession(): Session | null {
  const stored = sessionStorage.getItem(STORAGE_KEY);
  if (!stored) return null;
  try {
    const session = JSON.parse(stored) as Session;
    if (session.expiresAt && session.expiresAt * 1000 < Date.now()) return null;
    return session;
  } catch {
    return null;
  }
}

export function startSession(token: string, label?: string): Session {
  const session = sessionFromToken(token, label);
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
  listeners.forEach((listener) => listener());
  return session;
}

export function endSession(): void {
  sessionStorage.removeItem(STORAGE_KEY);
  listeners.forEach((listener) => listener());
}

export function onSessionChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
