import { GraphQLError, type GraphQLErrorOptions } from 'graphql';

/**
 * Every `extensions.code` a client of the platform can get, subgraphs and gateway alike: the one
 * list, so that a constructor, a check or a status table naming a code is type-checked against it.
 */

/**
 * Errors a user can act on: they reach the client as they are (with their field and reason);
 * everything else is masked by the server (see subgraph.ts, gateway/src/errors.ts) and logged
 * with a request id. The GRAPHQL_ and other upper-case codes from OPERATION_RESOLUTION_FAILURE
 * on are Apollo Server's own for a request it could not read.
 */
export const USER_FACING_ERROR_CODES = [
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'PURPOSE_REQUIRED',
  'RATE_LIMITED',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
] as const;
/** The gateway's refusals of a request over a limit (gateway/src/limits.ts names which). */
export const LIMIT_ERROR_CODES = ['QUERY_TOO_DEEP', 'TOO_MANY_ALIASES', 'TOO_MANY_TOKENS', 'QUERY_TOO_COSTLY', 'TOO_MANY_OPERATIONS'] as const;
/** Failures the user can only report (with the request id) or wait out. */
export const OPERATOR_ERROR_CODES = ['INTERNAL_SERVER_ERROR', 'SUBGRAPH_UNAVAILABLE', 'ACCESS_LOG_UNAVAILABLE', 'OVERLOADED'] as const;

export const ERROR_CODES = [...USER_FACING_ERROR_CODES, ...LIMIT_ERROR_CODES, ...OPERATOR_ERROR_CODES] as const;
export type UserFacingErrorCode = (typeof USER_FACING_ERROR_CODES)[number];
export type LimitErrorCode = (typeof LIMIT_ERROR_CODES)[number];
export type ErrorCode = (typeof ERROR_CODES)[number];

/** A GraphQL error whose code is one of ERROR_CODES. */
export function codedError(message: string, code: ErrorCode, extensions: Record<string, unknown> = {}, options: Omit<GraphQLErrorOptions, 'extensions'> = {}): GraphQLError {
  return new GraphQLError(message, { ...options, extensions: { code, ...extensions } });
}

/** The `extensions.code` of an error (a GraphQLError or a formatted one), if it has one. */
export function errorCodeOf(error: unknown): string | undefined {
  const code = (error as { extensions?: { code?: unknown } } | null | undefined)?.extensions?.code;
  return typeof code === 'string' ? code : undefined;
}

export function hasErrorCode(error: unknown, code: ErrorCode): boolean {
  return errorCodeOf(error) === code;
}

/**
 * Errors a user can act on carry a code and the argument or input field that was wrong.
 * Anything else is masked by the server (see subgraph.ts) and logged with a request id.
 */
export function badInput(field: string, message: string, reason?: string): GraphQLError {
  return codedError(`${field}: ${message}`, 'BAD_USER_INPUT', { field, ...(reason ? { reason } : {}) });
}

export function notFound(what: string, field?: string): GraphQLError {
  return codedError(`${what} was not found`, 'NOT_FOUND', field ? { field } : {});
}

export function conflict(field: string, message: string): GraphQLError {
  return codedError(`${field}: ${message}`, 'CONFLICT', { field });
}

/** Collects every problem of an input before failing, so one round trip shows them all. */
export class InputProblems {
  private readonly problems: { field: string; message: string; reason?: string }[] = [];

  add(field: string, message: string, reason?: string): this {
    this.problems.push(reason ? { field, message, reason } : { field, message });
    return this;
  }

  check(condition: boolean, field: string, message: string, reason?: string): this {
    if (!condition) this.add(field, message, reason);
    return this;
  }

  get empty(): boolean {
    return this.problems.length === 0;
  }

  /** The problems so far, for a caller that reports them another way (a spreadsheet import's row report). */
  list(): readonly { field: string; message: string; reason?: string }[] {
    return this.problems;
  }

  throwIfAny(): void {
    if (this.empty) return;
    const [first] = this.problems;
    throw codedError(this.problems.map((p) => `${p.field}: ${p.message}`).join('; '), 'BAD_USER_INPUT', {
      field: first.field,
      ...(first.reason ? { reason: first.reason } : {}),
      problems: this.problems,
    });
  }
}

const USER_FACING = new Set<string>(USER_FACING_ERROR_CODES);

/** The user-facing code of an error, or undefined for an error the server masks. */
export function userFacingCode(error: unknown): UserFacingErrorCode | undefined {
  const code = errorCodeOf(error);
  return code !== undefined && USER_FACING.has(code) ? (code as UserFacingErrorCode) : undefined;
}

export function isUserFacing(error: unknown): boolean {
  return userFacingCode(error) !== undefined;
}
