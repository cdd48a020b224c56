import { z } from 'zod';
import { DEPARTMENTS, type Department } from '../departments';
import { isValidDivisionCode } from '../division-code';
import { PURPOSES, type Purpose } from '../purposes';

/**
 * Who is asking. A user's JWT carries these claims; the gateway verifies it and hands the same
 * identity, signed, to every subgraph (tokens.ts). Subgraphs decide with it what to answer.
 */
// The `dept` claim's values and their labels: common/src/departments.ts.

/**
 * officer: 科员 — reads within the region scope, writes the own department's records there.
 * village_assistant: 村级协理员 — an officer whose scope is one village.
 * viewer: reads within the scope, writes nothing (dashboards, auditors, supervisors).
 */
export const ROLES = ['officer', 'village_assistant', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** reveal: may read full ID numbers and phone numbers (每次查看都记入访问日志). */
export const PERMISSIONS = ['reveal'] as const;
export type Permission = (typeof PERMISSIONS)[number];

// The declared purposes of use (使用目的) and their labels: common/src/purposes.ts (the web app's too, @jiuye/common/purposes).
export { PURPOSES, type Purpose };
export const PURPOSE_HEADER = 'x-purpose';

export function isPurpose(value: unknown): value is Purpose {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(PURPOSES, value);
}

export interface Identity {
  /** The staff account (JWT `sub`); never a worker. */
  subject: string;
  department: Department;
  role: Role;
  /** Division code the person works in: everything they read lies inside it. */
  region?: string;
  /** Partner-city staff (department partner): the city's 4-digit code. */
  partnerCity?: string;
  /** Training-institution staff (department training): the institution's id. */
  institution?: string;
  permissions: Permission[];
}

/** An identity as a subgraph receives it: with the request's purpose and id. */
export interface RequestIdentity extends Identity {
  purpose?: Purpose;
  requestId: string;
}

/** How an identity's reach over people is decided (see access.ts). */
export type ScopeKind = 'region' | 'partner-city' | 'institution' | 'none';

/**
 * Whose authority places a worker for this identity: its scope kind, except that a dashboard
 * with a region is placed like region staff — its aggregates count only the workers living in
 * its region (AccessControl.residentsOf), though it never sees a person.
 */
export function placementKind(identity: Identity): ScopeKind {
  return identity.department === 'dashboard' && identity.region ? 'region' : scopeKind(identity);
}

export function scopeKind(identity: Identity): ScopeKind {
  if (identity.department === 'dashboard' || identity.department === 'auditor') return 'none';
  if (identity.partnerCity) return 'partner-city';
  if (identity.institution) return 'institution';
  return identity.region ? 'region' : 'none';
}

/** The claims of a user token, as issued by the identity provider (or `npm run token`). */
export const userClaimsSchema = z
  .object({
    sub: z.string({ message: 'sub (the staff account) is required' }).min(1).max(128),
    dept: z.enum(DEPARTMENTS, { message: `dept must be one of ${DEPARTMENTS.join(', ')}` }),
    role: z.enum(ROLES, { message: `role must be one of ${ROLES.join(', ')}` }),
    region: z
      .string()
      .refine((code) => isValidDivisionCode(code), 'region must be a division code (2, 4, 6, 9 or 12 digits)')
      .optional(),
    city: z
      .string()
      .regex(/^\d{4}$/, 'city must be a 4-digit city code')
      .optional(),
    institution: z
      .string()
      .regex(/^\d{1,9}$/, 'institution must be an institution id')
      .optional(),
    perms: z
      .array(z.enum(PERMISSIONS, { message: `perms may hold ${PERMISSIONS.join(', ')}` }))
      .max(8)
      .optional(),
  })
  .superRefine((claims, context) => {
    const problem = (message: string) => context.addIssue({ code: 'custom', message });
    if (claims.city && claims.dept !== 'partner') problem('city is only for partner-city staff (dept partner)');
    if (claims.institution && claims.dept !== 'training') problem('institution is only for training-institution staff (dept training)');
    if (claims.city && claims.institution) problem('a token has a city or an institution, not both');
    const needsRegion = claims.dept !== 'auditor' && !claims.city && !claims.institution;
    if (needsRegion && !claims.region) problem(`region is required for ${claims.dept} staff`);
    if (claims.role === 'village_assistant' && claims.region?.length !== 12) problem('a village assistant has a 12-digit village code as region');
    if ((claims.dept === 'dashboard' || claims.dept === 'auditor') && claims.role !== 'viewer') problem(`${claims.dept} accounts have the viewer role`);
    if (claims.perms?.includes('reveal') && (claims.city || claims.institution || claims.dept === 'dashboard' || claims.dept === 'auditor')) {
      problem('reveal is only for department staff');
    }
  });

export type UserClaims = z.infer<typeof userClaimsSchema>;

export function identityFromClaims(claims: UserClaims): Identity {
  return {
    subject: claims.sub,
    department: claims.dept,
    role: claims.role,
    ...(claims.region ? { region: claims.region } : {}),
    ...(claims.city ? { partnerCity: claims.city } : {}),
    ...(claims.institution ? { institution: claims.institution } : {}),
    permissions: [...new Set(claims.perms ?? [])],
  };
}

export function claimsFromIdentity(identity: Identity): UserClaims {
  return {
    sub: identity.subject,
    dept: identity.department,
    role: identity.role,
    ...(identity.region ? { region: identity.region } : {}),
    ...(identity.partnerCity ? { city: identity.partnerCity } : {}),
    ...(identity.institution ? { institution: identity.institution } : {}),
    ...(identity.permissions.length ? { perms: identity.permissions } : {}),
  };
}
