/**
 * Whether this process traces, read from the standard OpenTelemetry variables. Off unless an OTLP
 * endpoint (OTEL_EXPORTER_OTLP_ENDPOINT / OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) or an exporter
 * (OTEL_TRACES_EXPORTER=otlp|console) is named; OTEL_SDK_DISABLED=true or OTEL_TRACES_EXPORTER=none
 * turn it off whatever else is set. This file loads nothing: when tracing is off, no SDK is ever required.
 */
export type TraceExporterKind = 'otlp' | 'console';

/** How OTLP travels: protobuf over HTTP (the OpenTelemetry default) or JSON over HTTP; gRPC is not built in. */
export type OtlpProtocol = 'http/protobuf' | 'http/json';

export interface TracingSettings {
  exporter: TraceExporterKind;
  protocol: OtlpProtocol;
  serviceName: string;
  /**
   * Whether a request's incoming W3C traceparent (and baggage) is continued. The gateway faces
   * clients: off unless OTEL_TRUST_INCOMING_TRACE=on (a trusted edge proxy starts the traces), so a
   * client can neither force sampling nor put its spans into our traces. The subgraphs are called
   * by the gateway (and by each other): they continue its trace.
   */
  trustIncomingTrace: boolean;
}

type Env = Record<string, string | undefined>;

const set = (value: string | undefined): value is string => value !== undefined && value.trim() !== '';

export function tracingSettings(service: string, env: Env = process.env): TracingSettings | null {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return null;
  const named = env.OTEL_TRACES_EXPORTER?.split(',')
    .map((value) => value.trim().toLowerCase())
    .filter(Boolean);
  let exporter: TraceExporterKind;
  if (named?.length) {
    if (named.includes('none')) return null;
    for (const kind of named) {
      if (kind !== 'otlp' && kind !== 'console') throw new Error(`OTEL_TRACES_EXPORTER: "${kind}" is not supported (otlp, console or none)`);
    }
    exporter = named[0] as TraceExporterKind;
  } else if (set(env.OTEL_EXPORTER_OTLP_ENDPOINT) || set(env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT)) {
    exporter = 'otlp';
  } else {
    return null;
  }
  const protocol = (env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL || env.OTEL_EXPORTER_OTLP_PROTOCOL || 'http/protobuf').trim().toLowerCase();
  if (exporter === 'otlp' && protocol !== 'http/protobuf' && protocol !== 'http/json') {
    throw new Error(`OTEL_EXPORTER_OTLP_PROTOCOL: "${protocol}" is not supported (http/protobuf or http/json; for gRPC, send to a collector that forwards it)`);
  }
  const serviceName = set(env.OTEL_SERVICE_NAME) ? env.OTEL_SERVICE_NAME.trim() : `jiuye-${service}`;
  const trust = (env.OTEL_TRUST_INCOMING_TRACE ?? '').trim().toLowerCase();
  if (trust !== '' && trust !== 'on' && trust !== 'off') throw new Error(`OTEL_TRUST_INCOMING_TRACE: expected on or off, got "${trust.slice(0, 20)}"`);
  const trustIncomingTrace = service === 'gateway' ? trust === 'on' : trust !== 'off';
  return { exporter, protocol: protocol as OtlpProtocol, serviceName, trustIncomingTrace };
}
