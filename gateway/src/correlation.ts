import type { IncomingMessage } from 'node:http';

/**
 * A run of 11 or more digits: what a mobile number (11), an ID number (15 or 17 + check digit)
 * or a bank card looks like. A client's request id is free text the access log would keep, so a
 * value holding one is not kept at all (a rare UUID whose last group is all digits loses its
 * correlation too; nothing else does).
 */
const PERSONAL_NUMBER = /\d{11,}/;

/** The client's x-request-id, if it is a plain token (printable ASCII, at most 64 characters, no personal number); else none. */
export function correlationIdOf(request: IncomingMessage): string | undefined {
  const header = request.headers['x-request-id'];
  return correlationIdFrom(Array.isArray(header) ? header[0] : header);
}

/** The same, from the header's value (engine-neutral: the Hive plugin reads a Fetch Request). */
export function correlationIdFrom(header: string | null | undefined): string | undefined {
  const value = header?.trim();
  return value && /^[\x21-\x7e]{1,64}$/.test(value) && !PERSONAL_NUMBER.test(value) ? value : undefined;
}
