import type { GraphQLError, GraphQLFormattedError } from 'graphql';
import { subgraphUnavailable } from '../errors';
import type { DepartmentResponse, DepartmentStep } from './source';

/**
 * Whatever goes wrong on the way to a department and back (no connection, the deadline, a 5xx
 * or a 4xx without GraphQL errors, a body that is not JSON) becomes SUBGRAPH_UNAVAILABLE for that
 * department's fields, with the real error kept for the log (@apollo/gateway's own error would
 * carry the subgraph URL and response body); the query plan goes on with the other departments.
 * A 4xx with a GraphQL body is the department refusing what it was sent (a DivisionCode literal
 * its scalar rejects, say): its errors are the answer, not an outage.
 */
export function translateFailures(department: string, timeoutMs: number): DepartmentStep {
  return (next) => async (request) => {
    try {
      return await next(request);
    } catch (error) {
      const refusal = graphqlRefusal(error);
      if (refusal) return refusal as DepartmentResponse;
      throw subgraphUnavailable(department, error, {
        timeoutMs,
        path: 'pathInIncomingRequest' in request ? request.pathInIncomingRequest : undefined,
        query: request.request.query,
      });
    }
  };
}

/** The GraphQL body of a 4xx answer, as @apollo/gateway keeps it in the error it throws; null otherwise. */
export function graphqlRefusal(error: unknown): { data?: Record<string, unknown> | null; errors: GraphQLFormattedError[] } | null {
  const response = (error as GraphQLError | undefined)?.extensions?.response as { status?: unknown; body?: unknown } | undefined;
  if (typeof response?.status !== 'number' || response.status < 400 || response.status >= 500) return null;
  const body = response.body as { data?: unknown; errors?: unknown } | undefined;
  if (!body || typeof body !== 'object' || !Array.isArray(body.errors) || body.errors.length === 0) return null;
  const errors = body.errors.filter((e): e is GraphQLFormattedError => typeof e === 'object' && e !== null && typeof (e as { message?: unknown }).message === 'string');
  if (errors.length === 0) return null;
  return { errors, ...(body.data && typeof body.data === 'object' ? { data: body.data as Record<string, unknown> } : {}) };
}
