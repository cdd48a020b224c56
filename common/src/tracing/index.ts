import { tracingSettings } from './settings';
import type { StartedTracing } from './sdk';

export { tracingSettings, type TracingSettings, type TraceExporterKind } from './settings';

let started: StartedTracing | null = null;

/**
 * Starts OpenTelemetry tracing for one service (`jiuye-<service>` unless OTEL_SERVICE_NAME says
 * otherwise) when the OTEL_* variables ask for it, before anything traced is loaded: each service's
 * src/tracing.ts, the first import of its main.ts. Off, it loads nothing but this file.
 */
export function startTracing(service: string): boolean {
  let settings;
  try {
    settings = tracingSettings(service);
  } catch (error) {
    console.error(`${service} cannot start. ${(error as Error).message}`);
    process.exit(1);
  }
  if (!settings || started) return started !== null;
  // Required here, not imported above: with tracing off the SDK and its instrumentations never load.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startSdk } = require('./sdk') as typeof import('./sdk');
  started = startSdk(settings);
  return true;
}

/** Flushes and stops the tracer provider (tests, graceful stops). */
export async function stopTracing(): Promise<void> {
  await started?.shutdown();
  started = null;
}

/** Whether this process started tracing (the logger then adds trace ids to its lines). */
export function tracingStarted(): boolean {
  return started !== null;
}
