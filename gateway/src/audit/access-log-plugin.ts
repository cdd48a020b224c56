import type { ApolloServerPlugin } from '@apollo/server';
import type { DocumentNode, GraphQLError, GraphQLFormattedError, GraphQLSchema, OperationDefinitionNode } from 'graphql';
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
          if (!operation) return;
          const refusal = chargeIdNumberLookups(contextValue, schema, document, operation, request.variables, lookups.budget, logger);
          if (refusal) throw refusal;
        },
        async willSendResponse({ response, contextValue, operationName }) {
          if (response.body.kind !== 'single') {
            // Not the shape a query answer takes here; nothing to withhold, but the reads are still written.
            await appendAccessLog(store, logger, contextValue, operationName ?? null, null, lookups.pseudonymKey);
            return;
          }
          const withheld = await appendAccessLog(store, logger, contextValue, operationName ?? null, response.body.singleResult, lookups.pseudonymKey);
          if (withheld) {
            response.body.singleResult = withheld;
            response.http.status = 503;
          }
        },
      };
    },
  };
}

/**
 * Engine-neutral (our gateway's plugin above and the Hive plugin): the operation's lookups by ID
 * number charged against the account's budget before any department is called. Over budget: the
 * RATE_LIMITED error to answer with, nothing charged to the context; otherwise null, and the
 * lookups wait in `context.lookups` to be logged with their outcome.
 */
export function chargeIdNumberLookups(
  context: LoggedContext,
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | null | undefined,
  budget: LookupBudget,
  logger: Logger,
): GraphQLError | null {
  const identity = context.identity;
  if (!identity) return null;
  const found = idNumberLookups(schema, document, operation, variables ?? undefined);
  if (found.length === 0) return null;
  const refusal = budget.charge(identity.subject, found.length);
  if (refusal) {
    logger.warn({ requestId: context.requestId, staff: identity.subject, lookups: found.length, max: budget.perMinute }, 'lookups by ID number refused: over the account budget');
    return rateLimited(found.length, budget, refusal);
  }
  context.lookups = found;
  return null;
}

/**
 * Engine-neutral: writes the operation's reads (what the departments reported, and its lookups by
 * ID number with their outcome, read from `result`) before the answer leaves. Returns null when
 * the answer may leave as it is, or the ACCESS_LOG_UNAVAILABLE answer that replaces it (HTTP 503)
 * when the log could not be written.
 */
export async function appendAccessLog(
  store: AccessLogStore,
  logger: Logger,
  context: LoggedContext,
  operationName: string | null,
  result: { data?: unknown; errors?: readonly GraphQLFormattedError[] } | null,
  pseudonymKey: string,
): Promise<{ data: null; errors: GraphQLFormattedError[] } | null> {
  const { reads, identity, requestId, correlationId } = context;
  if (!identity) return null;
  // Lookups count once the operation ran (data present, even null); refused before that, nothing was looked up.
  if (context.lookups?.length && result && 'data' in result) reads.push(...lookupReads(context.lookups, result, pseudonymKey));
  if (!reads.length) return null;
  try {
    await store.append(identity, operationName, reads, { correlationId: correlationId ?? null });
    return null;
  } catch (error) {
    logger.error({ requestId, error: (error as Error).message }, 'access log append failed: person-level answer withheld');
    return {
      data: null,
      errors: [
        {
          message: 'The access log could not be written, so person-level data is withheld; quote the request id to the operators',
          extensions: { code: 'ACCESS_LOG_UNAVAILABLE' satisfies ErrorCode, requestId },
        },
      ],
    };
  }
}
