/**
 * What one HTTP request learned on its way, for its log line (request-log.ts): the GraphQL
 * operations it carried and the error codes it answered. The HTTP front makes one per request
 * and hangs it on the GraphQL context under a symbol; the GraphQL plugin fills it in.
 */
export interface RequestRecord {
  operations: string[];
  errorCodes: string[];
}

export const REQUEST_RECORD = Symbol.for('jiuye.requestRecord');

export function newRequestRecord(): RequestRecord {
  return { operations: [], errorCodes: [] };
}

/** The record of the request a GraphQL context belongs to, if the HTTP front made one. */
export function requestRecordOf(context: unknown): RequestRecord | undefined {
  return context && typeof context === 'object' ? ((context as Record<symbol, unknown>)[REQUEST_RECORD] as RequestRecord | undefined) : undefined;
}

/** Hangs the record on the context (kept by Apollo Server's shallow copies for batched operations). */
export function attachRequestRecord<T extends object>(context: T, record: RequestRecord): T {
  Object.defineProperty(context, REQUEST_RECORD, { value: record, enumerable: true });
  return context;
}
