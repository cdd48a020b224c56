import type { RequestIdentity } from '@jiuye/common';
import type { Caller } from './auth';
import type { DepartmentAccess } from './audit/access-log';
import type { IdNumberLookup } from './audit/id-lookups';

/** One GraphQL request's context at the gateway: built by the HTTP front, read by the plugins and the department sources. */
export interface GatewayContext {
  requestId: string;
  caller?: Caller;
  /** The identity the departments receive: the caller's, with purpose and request id. */
  identity?: RequestIdentity;
  /** The client's own x-request-id, if any: logged as the correlation id, never as the request id. */
  correlationId?: string;
  /** What the departments said this operation read, for the access log (one array per operation: accessLogPlugin). */
  reads: DepartmentAccess[];
  /** This operation's lookups by ID number (accessLogPlugin). */
  lookups?: IdNumberLookup[];
  /** The signed identity header, made once per request. */
  signedIdentity?: Promise<string>;
  signingKey: string;
}
