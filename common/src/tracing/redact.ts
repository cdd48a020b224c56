import type { Attributes, AttributeValue } from '@opentelemetry/api';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';
import type { ExportResult } from '@opentelemetry/core';
import { scrubPersonalData } from '../scrub-personal-data';

/**
 * What a span may carry out of the process. The instrumentations record more than this platform
 * may keep: MikroORM inlines every parameter into the SQL text it sends (a worker's ID number,
 * name and phone would sit in db.statement), a GET /graphql or an export URL carries its query
 * string, and the server spans name the caller's address. So every span is copied through this
 * filter before the exporter sees it: those attributes are dropped, query strings cut from URLs,
 * and what remains (exception messages and stacks included) has ID numbers and phones scrubbed.
 */
const DROPPED = new Set([
  // SQL text, old and new semantic conventions, and any parameter values
  'db.statement',
  'db.query.text',
  'db.postgresql.values',
  'db.postgresql.plan',
  // query strings (the URL attributes below keep their path only)
  'url.query',
  // who called: the user's (or the proxy's) address
  'http.client_ip',
  'client.address',
  'net.peer.ip',
  'net.sock.peer.addr',
  'network.peer.address',
]);
const DROPPED_PREFIXES = ['db.query.parameter.', 'graphql.variables.', 'http.request.header.', 'http.response.header.'];
/** URL-shaped attributes kept without their query string. */
const WITHOUT_QUERY = new Set(['http.url', 'http.target', 'url.full', 'url.original']);

const withoutQuery = (url: string) => url.replace(/[?#].*$/s, '');

function cleanValue(key: string, value: AttributeValue): AttributeValue {
  if (typeof value === 'string') return scrubPersonalData(WITHOUT_QUERY.has(key) ? withoutQuery(value) : value);
  if (Array.isArray(value)) return value.map((item) => (typeof item === 'string' ? scrubPersonalData(item) : item)) as AttributeValue;
  return value;
}

export function redactAttributes(attributes: Attributes): Attributes {
  const kept: Attributes = {};
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || DROPPED.has(key) || DROPPED_PREFIXES.some((prefix) => key.startsWith(prefix))) continue;
    kept[key] = cleanValue(key, value);
  }
  return kept;
}

/** A copy of the span with its name, attributes, status message and events filtered. */
export function redactSpan(span: ReadableSpan): ReadableSpan {
  return {
    name: scrubPersonalData(span.name),
    kind: span.kind,
    spanContext: () => span.spanContext(),
    parentSpanContext: span.parentSpanContext,
    startTime: span.startTime,
    endTime: span.endTime,
    status: span.status.message === undefined ? span.status : { ...span.status, message: scrubPersonalData(span.status.message) },
    attributes: redactAttributes(span.attributes),
    links: span.links.map((link) => ({ ...link, attributes: link.attributes && redactAttributes(link.attributes) })),
    events: span.events.map((event) => ({ ...event, name: scrubPersonalData(event.name), attributes: event.attributes && redactAttributes(event.attributes) })),
    duration: span.duration,
    ended: span.ended,
    resource: span.resource,
    instrumentationScope: span.instrumentationScope,
    droppedAttributesCount: span.droppedAttributesCount,
    droppedEventsCount: span.droppedEventsCount,
    droppedLinksCount: span.droppedLinksCount,
  };
}

/** Wraps the real exporter: it only ever sees redacted copies. */
export class RedactingSpanExporter implements SpanExporter {
  constructor(private readonly inner: SpanExporter) {}

  export(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void): void {
    this.inner.export(spans.map(redactSpan), resultCallback);
  }

  shutdown(): Promise<void> {
    return this.inner.shutdown();
  }

  forceFlush(): Promise<void> {
    return this.inner.forceFlush?.() ?? Promise.resolve();
  }
}
