import type { ApolloServerPlugin } from '@apollo/server';
import type { ErrorCode, Logger, RequestIdentity } from '@jiuye/common';
import type { AccessLogStore, DepartmentAccess } from './access-log';
import { idNumberLookups, lookupReads, type IdNumberLookup } from './id-lookups';
import { rateLimited, type LookupBudget } from './lookup-budget';

export interface LoggedContext {
  requestId: string;
  /** The client's own x-request-id, if it sent one (logged beside the gateway's request id). */
  correlationId?: string;
  identity?: RequestIdentity;
  /** This operation's reads: given a fresh array per operation (see requestDidStart). */
  reads: DepartmentAccess[];
  /** This operation's lookups by ID number, charged and waiting to be logged with their outcome. */
  lookups?: IdNumberLookup[];
}

/**
 * Writes what the departments reported reading into the access log before the answer leaves
 * the gateway. If the log cannot be written, the person-level data does not leave either: the
 * answer becomes ACCESS_LOG_UNAVAILABLE without data.
 *
 * Reads are kept per operation. Apollo Server runs the operations of a batched request with
 * shallow copies of one context, so an array made in context() would be shared by all of them
 * (and the first to finish used to empty it under the others' feet); each operation gets its
 * own array here, on its own copy, before any department is called.
 *
 * Lookups by ID number (id-lookups.ts) are charged against the account's budget once the
 * operation is resolved — over budget, RATE_LIMITED before any department is called — and
 * logged with their outcome, found or not, next to what the departments reported.
 */
export function accessLogPlugin(store: AccessLogStore, logger: Logger, lookups: { budget: LookupBudget; pseudonymKey: string }): ApolloServerPlugin<LoggedContext> {
  return {
    async requestDidStart({ contextValue }) {
      contextValue.reads = [];
      contextValue.lookups = undefined;
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          const identity = contextValue.identity;
          if (!identity || !operation) return;
          const found = idNumberLookups(schema, document, operation, request.variables);
          if (found.length === 0) return;
          const refusal = lookups.budget.charge(identity.subject, found.length);
          if (refusal) {
            logger.warn(
              { requestId: contextValue.requestId, staff: identity.subject, lookups: found.length, max: lookups.budget.perMinute },
              'lookups by ID number refused: over the account budget',
            );
            throw rateLimited(found.length, lookups.budget, refusal);
          }
          contextValue.lookups = found;
        },
        async willSendResponse({ response, contextValue, operationName }) {
          const { reads, identity, requestId, correlationId } = contextValue;
          if (!identity) return;
          // Lookups count once the operation ran (data present, even null); refused before that, nothing was looked up.
          if (contextValue.lookups?.length && response.body.kind === 'single' && 'data' in response.body.singleResult) {
            reads.push(...lookupReads(contextValue.lookups, response.body.singleResult, lookups.pseudonymKey));
          }
          if (!reads.length) return;
          try {
            await store.append(identity, operationName ?? null, reads, { correlationId: correlationId ?? null });
          } catch (error) {
            logger.error({ requestId, error: (error as Error).message }, 'access log append failed: person-level answer withheld');
            if (response.body.kind === 'single') {
              response.body.singleResult = {
                data: null,
                errors: [
                  {
                    message: 'The access log could not be written, so person-level data is withheld; quote the request id to the operators',
                    extensions: { code: 'ACCESS_LOG_UNAVAILABLE' satisfies ErrorCode, requestId },
                  },
                ],
              };
              response.http.status = 503;
            }
          }
        },
      };
    },
  };
}
