/**
 * Whether this process traces, read from the standard OpenTelemetry variables. Off unless an OTLP
 * endpoint (OTEL_EXPORTER_OTLP_ENDPOINT / OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) or an exporter
 * (OTEL_TRACES_EXPORTER=otlp|console) is named; OTEL_SDK_DISABLED=true or OTEL_TRACES_EXPORTER=none
 * turn it off whatever else is set. This file loads nothing: when tracing is off, no SDK is ever required.
 */
export type TraceExporterKind = 'otlp' | 'console';

export interface TracingSettings {
  exporter: TraceExporterKind;
  serviceName: string;
}

type Env = Record<string, string | undefined>;

const set = (value: string | undefined): value is string => value !== undefined && value.trim() !== '';

export function tracingSettings(service: string, env: Env = process.env): TracingSettings | null {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return null;
  const serviceName = set(env.OTEL_SERVICE_NAME) ? env.OTEL_SERVICE_NAME.trim() : `jiuye-${service}`;
  const named = env.OTEL_TRACES_EXPORTER?.split(',')
    .map((value) => value.trim().toLowerCase())
    .filter(Boolean);
  if (named?.length) {
    if (named.includes('none')) return null;
    for (const kind of named) {
      if (kind !== 'otlp' && kind !== 'console') throw new Error(`OTEL_TRACES_EXPORTER: "${kind}" is not supported (otlp, console or none)`);
    }
    return { exporter: named[0] as TraceExporterKind, serviceName };
  }
  if (set(env.OTEL_EXPORTER_OTLP_ENDPOINT) || set(env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT)) return { exporter: 'otlp', serviceName };
  return null;
}
