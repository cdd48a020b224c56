// The first import of audit/main.ts: tracing (when OTEL_* asks for it) hooks require() before http, pg and graphql load.
import { startTracing } from '@jiuye/common/tracing';

startTracing('audit');
