import { DepartmentDataSource } from './source';
import { collectAccessReads } from './access-reads';
import { dedupeInFlight } from './dedupe';
import { translateFailures } from './failures';
import type { FetchCounts } from './fetch-count';
import type { DepartmentStep } from './source';

export { DepartmentDataSource, type DepartmentStep, type DepartmentFetch, type DepartmentRequest, type DepartmentResponse } from './source';
export { collectAccessReads } from './access-reads';
export { dedupeInFlight, rightsKey } from './dedupe';
export { translateFailures, graphqlRefusal } from './failures';
export { FetchCounts } from './fetch-count';
export { forwardIdentity } from './identity-headers';
export { departmentFetcher, DEPARTMENT_SOCKETS } from './http-fetch';

/**
 * A department as the gateway calls it, outermost first: each caller collects its own access-log
 * reads from the (possibly shared) answer; identical queries of callers with the same rights
 * share one fetch; each fetch is counted; a failure becomes SUBGRAPH_UNAVAILABLE (or the
 * department's own refusal).
 */
export function departmentSource(department: string, url: string, timeoutMs: number, counts: FetchCounts, timing?: DepartmentStep): DepartmentDataSource {
  return new DepartmentDataSource(department, url, timeoutMs, [
    collectAccessReads(department),
    dedupeInFlight(),
    counts.step(department),
    // The fetch metrics (gateway/src/metrics) see what translateFailures turns into SUBGRAPH_UNAVAILABLE.
    ...(timing ? [timing] : []),
    translateFailures(department, timeoutMs),
  ]);
}

/**
 * The audit service (the access log in the graph) as the gateway calls it: the signed identity
 * and request id like a department, counted and translated the same way, but nothing it answers
 * becomes an access-log read, and its answers are never shared between callers.
 */
export function auditSource(url: string, timeoutMs: number, counts: FetchCounts, timing?: DepartmentStep): DepartmentDataSource {
  return new DepartmentDataSource('audit', url, timeoutMs, [counts.step('audit'), ...(timing ? [timing] : []), translateFailures('audit', timeoutMs)]);
}
