import { diag, DiagConsoleLogger, DiagLogLevel } from '@opentelemetry/api';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { GraphQLInstrumentation } from '@opentelemetry/instrumentation-graphql';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';
import { detectResources, envDetector, resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, ConsoleSpanExporter, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { OutgoingOnlyPropagator } from './propagation';
import { RedactingSpanExporter } from './redact';
import type { TracingSettings } from './settings';

/**
 * The OpenTelemetry SDK, required only when tracing is on (./index.ts). The instrumentations hook
 * require(), so this runs before the service loads http, pg or graphql: the first import of each
 * service's main.ts. W3C traceparent is the default propagator: the gateway's fetches to the
 * subgraphs (undici) carry it, the subgraphs' HTTP servers continue it, and pg spans hang under
 * the GraphQL resolver spans that ran them.
 */

/** Probes and scrapes: no span for them. */
const UNTRACED_PATHS = new Set(['/ready', '/live', '/health', '/healthz', '/metrics', '/favicon.ico']);

export interface StartedTracing {
  shutdown(): Promise<void>;
}

function exporterFor(settings: TracingSettings): SpanExporter {
  if (settings.exporter === 'console') return new RedactingSpanExporter(new ConsoleSpanExporter());
  // The OTLP exporters read OTEL_EXPORTER_OTLP_(TRACES_)ENDPOINT, _HEADERS, _TIMEOUT and _COMPRESSION themselves.
  /* eslint-disable @typescript-eslint/no-require-imports -- only the chosen exporter is loaded */
  const { OTLPTraceExporter } = (
    settings.protocol === 'http/json' ? require('@opentelemetry/exporter-trace-otlp-http') : require('@opentelemetry/exporter-trace-otlp-proto')
  ) as typeof import('@opentelemetry/exporter-trace-otlp-http');
  /* eslint-enable @typescript-eslint/no-require-imports */
  return new RedactingSpanExporter(new OTLPTraceExporter());
}

export function startSdk(settings: TracingSettings): StartedTracing {
  if (process.env.OTEL_LOG_LEVEL)
    diag.setLogger(new DiagConsoleLogger(), { logLevel: DiagLogLevel[process.env.OTEL_LOG_LEVEL.toUpperCase() as keyof typeof DiagLogLevel] ?? DiagLogLevel.WARN });
  const resource = resourceFromAttributes({ 'service.name': settings.serviceName, 'service.namespace': 'jiuye' }).merge(detectResources({ detectors: [envDetector] }));
  const provider = new NodeTracerProvider({ resource, spanProcessors: [new BatchSpanProcessor(exporterFor(settings))] });
  // Untrusted callers (the gateway's clients): their traceparent starts nothing; every request is a new trace, sampled by our sampler.
  provider.register(
    settings.trustIncomingTrace
      ? {}
      : { propagator: new OutgoingOnlyPropagator(new CompositePropagator({ propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()] })) },
  );
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request) => UNTRACED_PATHS.has((request.url ?? '').split('?')[0]),
        // Outgoing node:http requests only inside a traced request (the gateway's fetches are undici's).
        requireParentforOutgoingSpans: true,
      }),
      new UndiciInstrumentation({ requireParentforSpans: true }),
      // allowValues false: literals in the recorded document become "*"; variables are never recorded.
      new GraphQLInstrumentation({ allowValues: false, mergeItems: true, ignoreTrivialResolveSpans: true }),
      // No parameter values; SQL text is dropped by the redacting exporter (MikroORM inlines values into it).
      new PgInstrumentation({ enhancedDatabaseReporting: false, requireParentSpan: true, ignoreConnectSpans: true }),
    ],
  });
  // A stopping service exits soon after SIGTERM: send what is buffered meanwhile (best effort).
  const flush = () => void provider.forceFlush().catch(() => undefined);
  process.once('SIGTERM', flush);
  process.once('SIGINT', flush);
  return { shutdown: () => provider.shutdown() };
}
