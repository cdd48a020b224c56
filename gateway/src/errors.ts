import type { ApolloServerPlugin, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, Kind, parse, type GraphQLFormattedError, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import { departmentTitle, hasErrorCode, isUserFacing, scrubPersonalData, SUBGRAPH_NAMES, type ErrorCode, type Logger, type SubgraphName } from '@jiuye/common';
import { LimitExceededError, tokenLimitError } from './limits';

/**
 * What a client of the gateway may see of an error, and what goes to the log instead.
 *
 * - A refused query (a limit) says which limit, the maximum and what was found.
 * - A department that cannot answer costs its own fields only: SUBGRAPH_UNAVAILABLE names the
 *   department and the fields, never its URL; the rest of the answer stands.
 * - Errors users can act on (BAD_USER_INPUT, NOT_FOUND, CONFLICT, …), from the gateway or from a
 *   department, pass through, without what @apollo/gateway may add for operators (the subgraph
 *   response with its URL, stack traces).
 * - Anything else is "Internal error" with the request id; the real error goes to the log.
 *
 * Every error a client gets carries `extensions.requestId` (also the x-request-id header, and
 * sent on to the departments, whose logs use the same id). ID numbers and phone numbers are
 * scrubbed from every message, as from every log line.
 */
export const SUBGRAPH_UNAVAILABLE = 'SUBGRAPH_UNAVAILABLE' satisfies ErrorCode;
export const INTERNAL_ERROR_MESSAGE = 'Internal error; quote the request id to the operators';

/** "人社 human resources" for each subgraph (common/src/departments.ts). */
export const DEPARTMENTS = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, departmentTitle(name)])) as Record<SubgraphName, string>;

export type UnavailableReason = 'TIMEOUT' | 'UNREACHABLE' | 'BAD_RESPONSE' | `HTTP_${number}`;

/** Keys @apollo/gateway or a careless subgraph may put in extensions that must not reach a client. */
const OPERATOR_ONLY_EXTENSIONS = ['stacktrace', 'exception', 'response'];

function reasonOf(error: unknown): UnavailableReason {
  const name = (error as Error | undefined)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return 'TIMEOUT';
  const status = (error as GraphQLError | undefined)?.extensions?.response as { status?: unknown } | undefined;
  if (typeof status?.status === 'number') return `HTTP_${status.status}`;
  // fetch's own failure (refused, reset, no such host); by name, as the error may come from another realm.
  if (name === 'TypeError' && (error as Error).message === 'fetch failed') return 'UNREACHABLE';
  return 'BAD_RESPONSE';
}

function describeReason(reason: UnavailableReason, timeoutMs: number): string {
  if (reason === 'TIMEOUT') return `did not answer within ${timeoutMs} ms`;
  if (reason === 'UNREACHABLE') return 'could not be reached';
  if (reason === 'BAD_RESPONSE') return 'sent an answer the gateway could not read';
  return `answered with HTTP status ${reason.slice('HTTP_'.length)}`;
}

/** Response names of the fields a subgraph fetch asked for: the root fields, or those of the entities. */
export function fieldsOfFetch(query: string | undefined): string[] {
  if (!query) return [];
  try {
    const operation = parse(query).definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    if (!operation) return [];
    const names = new Set<string>();
    const collect = (selectionSet: SelectionSetNode, entities: boolean) => {
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FIELD) {
          if (entities && selection.name.value === '_entities' && selection.selectionSet) collect(selection.selectionSet, false);
          else if (!selection.name.value.startsWith('__')) names.add((selection.alias ?? selection.name).value);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          collect(selection.selectionSet, entities);
        }
      }
    };
    collect(operation.selectionSet, true);
    return [...names];
  } catch {
    return [];
  }
}

/**
 * The error that stands for a department's missing fields. `path` is where the department's
 * answer would have gone (the entity, or the list of entities: a path stops before `@`, the
 * query planner's "every item"); for a root fetch of one field, that field.
 */
export function subgraphUnavailable(department: string, cause: unknown, options: { timeoutMs: number; path?: readonly (string | number)[]; query?: string }): GraphQLError {
  const reason = reasonOf(cause);
  const fields = fieldsOfFetch(options.query);
  let path = options.path ? [...options.path] : [];
  const every = path.indexOf('@');
  if (every >= 0) path = path.slice(0, every);
  if (path.length === 0 && fields.length === 1) path = [fields[0]];
  const label = DEPARTMENTS[department as SubgraphName] ?? department;
  return new GraphQLError(`the ${label} department (${department}) ${describeReason(reason, options.timeoutMs)}; its fields are empty in this answer`, {
    path: path.length ? path : undefined,
    originalError: cause instanceof Error ? cause : undefined,
    extensions: { code: SUBGRAPH_UNAVAILABLE, department, reason, fields },
  });
}

function isSubgraphUnavailable(error: unknown): boolean {
  return error instanceof GraphQLError && hasErrorCode(error, SUBGRAPH_UNAVAILABLE) && typeof error.extensions.department === 'string';
}

/** The limit a refused request broke, from Apollo Server's wrapper (validation, parse) or the error itself. */
function limitOf(error: unknown): LimitExceededError | null {
  if (error instanceof LimitExceededError) return error;
  if (!(error instanceof GraphQLError)) return null;
  if (error.originalError instanceof LimitExceededError) return error.originalError;
  if (hasErrorCode(error, 'GRAPHQL_PARSE_FAILED')) return tokenLimitError(error.message);
  return null;
}

function without(extensions: Record<string, unknown> | undefined, keys: string[]): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(extensions ?? {})) if (!keys.includes(key)) kept[key] = value;
  return kept;
}

/** Apollo Server's formatError for the gateway. */
export function formatGatewayError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const limit = limitOf(error);
  if (limit) {
    return { message: limit.message, ...(formatted.locations ? { locations: formatted.locations } : {}), extensions: { ...limit.extensions } };
  }
  if (error instanceof GraphQLError && isSubgraphUnavailable(error)) {
    const { code, department, reason, fields } = error.extensions;
    return { message: scrubPersonalData(error.message), ...(formatted.path ? { path: formatted.path } : {}), extensions: { code, department, reason, fields } };
  }
  const original = unwrapResolverError(error);
  if (isUserFacing(error) || isUserFacing(original)) {
    return {
      ...formatted,
      message: scrubPersonalData(formatted.message),
      extensions: without(formatted.extensions as Record<string, unknown> | undefined, OPERATOR_ONLY_EXTENSIONS),
    };
  }
  return {
    message: INTERNAL_ERROR_MESSAGE,
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: 'INTERNAL_SERVER_ERROR' satisfies ErrorCode },
  };
}

/** The whole error for the log: stack, causes, and what a subgraph said (a plain object). Scrubbed. */
export function describeError(error: unknown): string {
  const parts: string[] = [];
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current != null && !seen.has(current) && parts.length < 6) {
    seen.add(current);
    if (current instanceof Error) {
      const extensions = current instanceof GraphQLError && Object.keys(current.extensions ?? {}).length ? ` ${JSON.stringify(current.extensions)}` : '';
      parts.push(`${current.stack ?? `${current.name}: ${current.message}`}${extensions}`);
      current = (current as { cause?: unknown }).cause ?? (current instanceof GraphQLError ? current.originalError : undefined);
    } else {
      parts.push(typeof current === 'object' ? JSON.stringify(current) : String(current));
      current = undefined;
    }
  }
  return scrubPersonalData(parts.join('\ncaused by: '));
}

function addRequestId(errors: readonly GraphQLFormattedError[] | undefined, requestId: string): GraphQLFormattedError[] | undefined {
  return errors?.map((error) => ({ ...error, extensions: { ...error.extensions, requestId } }));
}

/** Logs every error in full under the request id, and gives every error the client sees that id. */
export function gatewayErrorPlugin(logger: Logger): ApolloServerPlugin<{ requestId?: string }> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          const requestId = contextValue.requestId;
          for (const error of errors) {
            const limit = limitOf(error);
            if (limit) {
              logger.warn({ requestId, limit: limit.limit, max: limit.extensions.max, found: limit.extensions.found }, 'query refused by a limit');
            } else if (isSubgraphUnavailable(error)) {
              logger.warn(
                { requestId, department: error.extensions.department, reason: error.extensions.reason, path: error.path, error: describeError(error.originalError ?? error) },
                'department unavailable; its fields are empty',
              );
            } else if (!isUserFacing(error) && !isUserFacing(unwrapResolverError(error))) {
              logger.error(
                { requestId, path: error.path, serviceName: error.extensions?.serviceName, error: describeError(error) },
                'unexpected error (the client got "internal error")',
              );
            }
          }
        },
        async willSendResponse({ response, contextValue }: GraphQLRequestContextWillSendResponse<{ requestId?: string }>) {
          const requestId = contextValue.requestId;
          if (!requestId) return;
          if (response.body.kind === 'single') {
            const result = response.body.singleResult;
            if (result.errors) response.body.singleResult = { ...result, errors: addRequestId(result.errors, requestId) };
          } else {
            const initial = response.body.initialResult;
            if (initial.errors) response.body.initialResult = { ...initial, errors: addRequestId(initial.errors, requestId) };
          }
        },
      };
    },
  };
}

/**
 * For the few errors Apollo Server answers before a request starts (a refused batch, a GET
 * mutation): the request id in each error of a JSON body, unless it is already there.
 */
export function withRequestIdInBody(body: string, requestId: string): string {
  if (!body.includes('"errors"') || body.includes('"requestId"')) return body;
  try {
    const parsed = JSON.parse(body) as { errors?: GraphQLFormattedError[] };
    if (!parsed || !Array.isArray(parsed.errors)) return body;
    return JSON.stringify({ ...parsed, errors: addRequestId(parsed.errors, requestId) });
  } catch {
    return body;
  }
}
