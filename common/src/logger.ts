import pino, { type Logger } from 'pino';
import { tracingStarted } from './tracing';
import { traceLogFields } from './tracing/log-fields';

export type { Logger };
// Its own module, so that tracing's span redaction (tracing/redact.ts) uses it without loading the logger.
export { scrubPersonalData } from './scrub-personal-data';

/**
 * Personal data never reaches a log line: names, ID numbers and phone numbers are redacted
 * wherever they appear in a logged object, and GraphQL variables are never logged at all.
 */
const REDACTED_KEYS = ['idNumber', 'phone', 'name', 'variables', 'password', 'authorization'];
// The top-level "name" is pino's own (the service); a person's name only ever sits deeper.
const REDACT_PATHS = REDACTED_KEYS.flatMap((key) => (key === 'name' ? [] : [key])).concat(REDACTED_KEYS.flatMap((key) => [`*.${key}`, `*.*.${key}`]));

export function createLogger(service: string, level = 'info'): Logger {
  return pino({
    name: service,
    level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    // With tracing on, lines logged inside a traced request carry trace_id / span_id; off, lines are unchanged.
    ...(tracingStarted() ? { mixin: traceLogFields } : {}),
  });
}
