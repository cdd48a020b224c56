import type { Logger } from '../logger';
import type { RequestRecord } from './request-record';

/** One request as its log line and the HTTP observers see it; no body, no variables, no query string. */
export interface RequestSummary {
  method: string;
  /** The URL path without the query string (a GET /graphql carries its variables there). */
  path: string;
  /** GraphQL operation names (bounded like the metrics' labels); several for a batch. */
  operations: string[];
  status: number;
  durationMs: number;
  requestId: string;
  /** The caller's department (not the subject's); absent before authentication. */
  department?: string;
  errorCodes: string[];
  /** The response ended before it was complete (client gone, connection dropped). */
  aborted: boolean;
}

/** Probes answer every few seconds: their lines go to debug. */
const PROBE_PATHS = new Set(['/health', '/ready', '/metrics']);

export function summarise(
  request: { method?: string },
  path: string,
  status: number,
  started: bigint,
  requestId: string,
  record: RequestRecord,
  department: string | undefined,
  aborted: boolean,
): RequestSummary {
  return {
    method: request.method ?? 'GET',
    path,
    operations: [...record.operations],
    status,
    durationMs: Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10,
    requestId,
    ...(department ? { department } : {}),
    errorCodes: [...new Set(record.errorCodes)],
    aborted,
  };
}

/** The request's one log line: structured, through the service's logger (and its redaction). */
export function logRequest(logger: Logger, summary: RequestSummary): void {
  const { operations, errorCodes, aborted, ...rest } = summary;
  const line = {
    ...rest,
    ...(operations.length ? { operation: operations.join(',') } : {}),
    ...(errorCodes.length ? { errorCodes } : {}),
    ...(aborted ? { aborted } : {}),
  };
  if (PROBE_PATHS.has(summary.path)) logger.debug(line, 'request');
  else logger.info(line, 'request');
}
