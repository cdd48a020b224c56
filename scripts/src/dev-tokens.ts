import { DEFAULT_JWT_AUDIENCE, DEFAULT_JWT_ISSUER, DEPARTMENTS, DEVELOPMENT_JWT_SECRET, identityFromClaims, mintUserToken, userClaimsSchema, type Identity } from '@jiuye/common';

/** The demo county (东川区) and two of its places, for example tokens. */
export const DEMO_COUNTY = '530113';

export interface TokenRequest {
  department: string;
  role?: string;
  region?: string;
  city?: string;
  institution?: string;
  reveal?: boolean;
  subject?: string;
}

/** Validates a request as the gateway validates claims, so a bad flag is named here, not at the first query. */
export function identityFor(request: TokenRequest): Identity {
  const department = request.department;
  const role = request.role ?? (department === 'dashboard' || department === 'auditor' ? 'viewer' : 'officer');
  const region = request.region ?? (department === 'auditor' || request.city || request.institution ? undefined : DEMO_COUNTY);
  const claims = userClaimsSchema.safeParse({
    sub:
      request.subject ??
      `dev-${department}-${role}${region ? `-${region}` : ''}${request.city ? `-city-${request.city}` : ''}${request.institution ? `-institution-${request.institution}` : ''}`,
    dept: department,
    role,
    ...(region ? { region } : {}),
    ...(request.city ? { city: request.city } : {}),
    ...(request.institution ? { institution: request.institution } : {}),
    ...(request.reveal ? { perms: ['reveal'] } : {}),
  });
  if (!claims.success) throw new Error(claims.error.issues.map((issue) => `${issue.path.join('.') || 'token'}: ${issue.message}`).join('; '));
  return identityFromClaims(claims.data);
}

/** HS256 with JWT_SECRET (or the development secret), the gateway's issuer and audience. */
export function mintDevToken(identity: Identity, expiresIn = '8h', env: NodeJS.ProcessEnv = process.env): Promise<string> {
  if (env.NODE_ENV === 'production') throw new Error('development tokens are not minted in production: use the identity provider');
  return mintUserToken(
    identity,
    { issuer: env.JWT_ISSUER ?? DEFAULT_JWT_ISSUER, audience: env.JWT_AUDIENCE ?? DEFAULT_JWT_AUDIENCE, secret: env.JWT_SECRET ?? DEVELOPMENT_JWT_SECRET },
    { expiresIn },
  );
}

/** The accounts npm start prints tokens for. */
export const EXAMPLE_ACCOUNTS: { label: string; request: TokenRequest }[] = [
  { label: 'county hr officer 县人社科员 (may reveal ID numbers)', request: { department: 'hr', region: DEMO_COUNTY, reveal: true } },
  { label: 'village assistant 村协理员 (one village)', request: { department: 'poverty', role: 'village_assistant', region: '530113101001' } },
  { label: 'partner city 深圳 (workers transferred there)', request: { department: 'partner', city: '4403' } },
  { label: 'dashboard 数据大屏 (aggregates only)', request: { department: 'dashboard', region: DEMO_COUNTY } },
  { label: 'auditor 审计 (the access log)', request: { department: 'auditor' } },
];

export { DEPARTMENTS };
