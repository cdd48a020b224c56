import { scrubPersonalData, type Logger } from './logger';

/** What one knex warning may keep: its first line, no quoted literal (a value from SQL), no ID number or phone, 300 characters. */
export function scrubKnexMessage(message: unknown): string {
  const text = message instanceof Error ? `${message.name}: ${message.message}` : typeof message === 'string' ? message : 'knex reported a non-text message';
  const firstLine = text.split('\n', 1)[0] ?? '';
  return scrubPersonalData(firstLine.replace(/'(?:[^']|'')*'?/g, "'*'").replace(/\$\d+|\b\d{6,}\b/g, '*')).slice(0, 300);
}

/**
 * knex's `log` option: its warnings ("Connection Error: …" when the database drops a connection,
 * pool validation failures, deprecations) as JSON lines of the service's pino logger, scrubbed,
 * instead of coloured console.log text; without a logger they are dropped (the tools that open a
 * database without one print their own progress).
 */
export function knexLog(logger: Logger | undefined): Record<'debug' | 'warn' | 'error' | 'deprecate', (message: unknown) => void> {
  const log = (level: 'debug' | 'warn' | 'error') => (message: unknown) => logger?.[level]({ source: 'knex' }, scrubKnexMessage(message));
  return { debug: log('debug'), warn: log('warn'), error: log('error'), deprecate: (message: unknown) => logger?.debug({ source: 'knex' }, scrubKnexMessage(message)) };
}
