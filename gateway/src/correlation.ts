import type { IncomingMessage } from 'node:http';

/** The client's x-request-id, if it is a plain token (printable ASCII, at most 64 characters); else none. */
export function correlationIdOf(request: IncomingMessage): string | undefined {
  const header = request.headers['x-request-id'];
  const value = (Array.isArray(header) ? header[0] : header)?.trim();
  return value && /^[\x21-\x7e]{1,64}$/.test(value) ? value : undefined;
}
