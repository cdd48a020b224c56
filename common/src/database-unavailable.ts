import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { departmentTitle, type SubgraphName } from './departments';
import type { ErrorCode } from './errors';
import type { Logger } from './logger';

/** Socket failures: the server refused, reset, or cannot be found or reached. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE']);
/** PostgreSQL's: shutting down (57P01 admin, 57P02 crash), starting (57P03), too many connections (53300); class 08 connection exceptions. */
const SERVER_CODES = new Set(['57P01', '57P02', '57P03', '53300']);
/**
 * What pg, its pool and knex say when a connection is gone or cannot be had. knex puts the
 * statement before a failed query's message ("select … - Connection terminated unexpectedly"):
 * the anchored ones also match after that " - ".
 */
const MESSAGES = [
  /(?:^| - )Connection terminated/,
  /Connection ended unexpectedly/,
  /timeout exceeded when trying to connect/i,
  // pg's own connectionTimeoutMillis (DB_CONNECT_TIMEOUT_MS): the server accepted TCP but did not answer the start-up.
  /(?:^| - )timeout expired$/,
  /Timeout acquiring a connection/i,
  /Client has encountered a connection error/,
  // knex, for the statements of a transaction whose connection died under it (PostgreSQL
  // restarted mid-mutation; found by npm run chaos): the transaction was rolled back by the server.
  /(?:^| - )Transaction query already complete/,
];
/** MESSAGES' causes, index for index. */
const MESSAGE_CAUSES = ['terminated', 'terminated', 'connect-timeout', 'connect-timeout', 'acquire-timeout', 'connection-error', 'terminated'];

/**
 * Whether an error means the service's database cannot be reached now (stopped, restarting, the
 * network down), as opposed to a query that failed: the causes are followed (cause, MikroORM's
 * previous, GraphQL's originalError and thrownValue).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  return databaseUnavailableCause(error) !== null;
}

/**
 * Why the database cannot be had, for the operators' log (never sent to a caller): the code or
 * the kind of message that matched — 'acquire-timeout' (every pooled connection busy for
 * DB_ACQUIRE_TIMEOUT_MS), 'connect-timeout' (DB_CONNECT_TIMEOUT_MS), 'terminated', a network
 * code (ECONNREFUSED…) or a PostgreSQL SQLSTATE (53300 too many connections, 57P01…). Null when
 * the error is not one of these.
 */
export function databaseUnavailableCause(error: unknown): string | null {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current != null && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const { code, message, name } = current as { code?: unknown; message?: unknown; name?: unknown };
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || SERVER_CODES.has(code) || /^08/.test(code))) return code;
    if (name === 'ConnectionException') return 'connection-exception';
    if (typeof message === 'string') {
      const index = MESSAGES.findIndex((pattern) => pattern.test(message));
      if (index >= 0) return MESSAGE_CAUSES[index];
    }
    // thrownValue: graphql-js wraps a thrown value that is not an Error of its realm (NonErrorThrown).
    const next = current as { cause?: unknown; previous?: unknown; originalError?: unknown; thrownValue?: unknown };
    current = next.cause ?? next.previous ?? next.originalError ?? next.thrownValue;
  }
  return null;
}

/**
 * A field that failed because this department's database cannot be reached: SUBGRAPH_UNAVAILABLE
 * naming the department (as the gateway says for a department it cannot reach), not an internal
 * error; the gateway passes it on and the rest of the answer stands. Null for any other error.
 */
export function databaseUnavailableError(department: SubgraphName, formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError | null {
  if (!isDatabaseUnavailable(unwrapResolverError(error))) return null;
  return {
    message: `the ${departmentTitle(department)} department (${department}) cannot reach its database; its fields are empty in this answer, try again shortly`,
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: 'SUBGRAPH_UNAVAILABLE' satisfies ErrorCode, department, reason: 'DATABASE_UNAVAILABLE' },
  };
}

/**
 * The operators' record of fields answered DATABASE_UNAVAILABLE: the first at once, then at most
 * one warning per `everyMs` with the count per cause since the last (an outage fails every field
 * of every request; one line each would flood the log). Causes only: no statement, no value.
 */
export function databaseUnavailableLog(logger: Pick<Logger, 'warn'>, department: SubgraphName, everyMs = 10_000, now: () => number = Date.now): (error: unknown) => void {
  let loggedAt = -Infinity;
  let pending: Record<string, number> = {};
  return (error) => {
    const cause = databaseUnavailableCause(unwrapResolverError(error)) ?? 'unknown';
    pending[cause] = (pending[cause] ?? 0) + 1;
    if (now() - loggedAt < everyMs) return;
    loggedAt = now();
    logger.warn({ department, causes: pending }, 'fields answered SUBGRAPH_UNAVAILABLE: the database cannot be had');
    pending = {};
  };
}
