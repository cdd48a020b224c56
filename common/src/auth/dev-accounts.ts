import { identityFromClaims, userClaimsSchema, type Identity } from './identity';

/**
 * The development accounts: the tokens `npm start` prints, and the sign-in page's role picker
 * (GET /auth/dev-accounts on the gateway, development with the development JWT secret only).
 * One list, so the printed tokens and the page offer the same people.
 */

/** The demo county (东川区), where the development accounts work. */
export const DEV_ACCOUNT_COUNTY = '530113';

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
  const region = request.region ?? (department === 'auditor' || request.city || request.institution ? undefined : DEV_ACCOUNT_COUNTY);
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

/**
 * The demo's 帮扶责任人 account: the demo seeder gives it to a cadre of this township who answers
 * for a zero-employment household (devtools/src/seed/poverty.ts), so that the feed assigns that
 * household's task to it and the account's worklist (myTasks) is not empty. A township viewer:
 * cadres of a township's villages read the tasks they hold, they assign nothing.
 */
export const DEV_CADRE_TOWNSHIP = '530113101';
export const DEV_CADRE_ACCOUNT = `dev-cadre-${DEV_CADRE_TOWNSHIP}`;

/** The accounts npm start prints tokens for, and the sign-in page lists. */
export const EXAMPLE_ACCOUNTS: { label: string; request: TokenRequest }[] = [
  { label: 'county hr officer 县人社科员 (may reveal ID numbers)', request: { department: 'hr', region: DEV_ACCOUNT_COUNTY, reveal: true } },
  { label: 'village assistant 村协理员 (one village)', request: { department: 'poverty', role: 'village_assistant', region: '530113101001' } },
  { label: 'partner city 深圳 (workers transferred there)', request: { department: 'partner', city: '4403' } },
  { label: 'dashboard 数据大屏 (aggregates only)', request: { department: 'dashboard', region: DEV_ACCOUNT_COUNTY } },
  { label: 'auditor 审计 (the access log)', request: { department: 'auditor' } },
  {
    label: 'cadre 帮扶责任人 (the tasks of the households they answer for: myTasks)',
    request: { department: 'poverty', role: 'viewer', region: DEV_CADRE_TOWNSHIP, subject: DEV_CADRE_ACCOUNT },
  },
];
