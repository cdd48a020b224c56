import type { RequestIdentity } from '@jiuye/common';
import type { DepartmentResponse, DepartmentStep } from './source';

/**
 * Identical queries in flight to one department for callers with the same rights share one
 * fetch. The key holds everything the department decides access by (department, role, scope,
 * permissions, purpose), never just the query: two callers with different rights always get
 * their own answers. Each caller gets its own copy (and, after this step, its own access-log
 * entries). Mutations and requests without an identity are never shared.
 */
export function dedupeInFlight(): DepartmentStep {
  const inflight = new Map<string, Promise<DepartmentResponse>>();
  return (next) => async (request) => {
    const identity = request.context?.identity as RequestIdentity | undefined;
    const operation = 'incomingRequestContext' in request ? request.incomingRequestContext.operation?.operation : undefined;
    if (operation !== 'query' || !identity || !request.request.query) return next(request);
    const key = `${rightsKey(identity)}\n${request.request.query}\n${JSON.stringify(request.request.variables ?? {})}`;
    const shared = inflight.get(key);
    if (shared) return structuredClone(await shared);
    const first = next(request);
    inflight.set(key, first);
    const forget = () => inflight.delete(key);
    first.then(forget, forget);
    return first;
  };
}

/** What a department's answer depends on besides the query: never the staff account or the request id. */
export function rightsKey(identity: RequestIdentity): string {
  return JSON.stringify([
    identity.department,
    identity.role,
    identity.region ?? null,
    identity.partnerCity ?? null,
    identity.institution ?? null,
    [...identity.permissions].sort(),
    identity.purpose ?? null,
  ]);
}
