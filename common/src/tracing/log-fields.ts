import { isSpanContextValid, trace } from '@opentelemetry/api';

/** pino mixin: the active span's ids on every line logged inside a traced request, so a log line leads to its trace. */
export function traceLogFields(): Record<string, string> {
  const context = trace.getActiveSpan()?.spanContext();
  return context && isSpanContextValid(context) ? { trace_id: context.traceId, span_id: context.spanId } : {};
}
