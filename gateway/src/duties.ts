/**
 * The gateway's per-request duties, engine-neutral: what any engine serving the committed
 * supergraph must do around the query plan with the same code as our gateway (gateway.ts) —
 * verify the caller (token, purpose), refuse person-level operations without a purpose or to
 * dashboards and auditors, the query limits, the ID-number lookup budget, the signed identity
 * and request id on every department request, the departments' reported reads taken out of
 * their answers, and the access log written before the answer leaves (or the answer withheld).
 *
 * Imported as `@jiuye/gateway/duties` by the Hive Gateway plugin (hive-plugin/): nothing here
 * loads @apollo/gateway (the query planner) at run time.
 */
export { createCallerVerifier, forwardedIdentity, personalDataRefusal, personalTypesIn, type Caller, type HeaderReader } from './auth';
export { forbiddenTextIn } from './text-guard';
export { correlationIdFrom } from './correlation';
export { describeError, formatGatewayError } from './errors';
export { DEFAULT_QUERY_LIMITS, limitRules, LimitExceededError, tokenLimitError, batchLimitError, type QueryLimits } from './limits';
export { AccessLogStore, type DepartmentAccess } from './audit/access-log';
export { appendAccessLog, chargeIdNumberLookups, type LoggedContext } from './audit/access-log-plugin';
export { LookupBudget } from './audit/lookup-budget';
export { residenceAuthority } from './audit/villages';
export { AUDIT_SUBGRAPH_NAME } from './audit/audit-subgraph';
export { takeAccessReads } from './department/access-reads';
export { forwardIdentity } from './department/identity-headers';
export { InFlightLimit } from './load-shedding';
export type { GatewayContext } from './context';
