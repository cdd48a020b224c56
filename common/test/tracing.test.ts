import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { makeIdNumber } from '@jiuye/common';
import { RedactingSpanExporter } from '../src/tracing/redact';
import { tracingSettings } from '../src/tracing/settings';

/**
 * Tracing's switches (common/src/tracing/settings.ts) and what a span may carry out of the process
 * (redact.ts), on the real SDK with its in-memory exporter behind the redacting one. The whole
 * trace across processes is tests/tracing.test.ts.
 */
const ID_NUMBER = makeIdNumber('530113', '1990-04-01', 17);
const PHONE = '13912345678';

describe('tracing settings', () => {
  it('is off unless an OTLP endpoint or an exporter is named', () => {
    expect(tracingSettings('hr', {})).toBeNull();
    expect(tracingSettings('hr', { OTEL_EXPORTER_OTLP_ENDPOINT: '' })).toBeNull();
    expect(tracingSettings('hr', { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toEqual({
      exporter: 'otlp',
      protocol: 'http/protobuf',
      serviceName: 'jiuye-hr',
      trustIncomingTrace: true,
    });
    expect(tracingSettings('gateway', { OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces', OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' })).toEqual({
      exporter: 'otlp',
      protocol: 'http/json',
      serviceName: 'jiuye-gateway',
      trustIncomingTrace: false,
    });
    expect(tracingSettings('civil', { OTEL_TRACES_EXPORTER: 'console' })).toEqual({
      exporter: 'console',
      protocol: 'http/protobuf',
      serviceName: 'jiuye-civil',
      trustIncomingTrace: true,
    });
    // A protocol variable alone turns nothing on (and is not checked while tracing is off).
    expect(tracingSettings('hr', { OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' })).toBeNull();
  });

  it('respects OTEL_SERVICE_NAME, OTEL_TRACES_EXPORTER=none and OTEL_SDK_DISABLED', () => {
    expect(tracingSettings('hr', { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_SERVICE_NAME: 'county-hr' })?.serviceName).toBe('county-hr');
    expect(tracingSettings('hr', { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_TRACES_EXPORTER: 'none' })).toBeNull();
    expect(tracingSettings('hr', { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_SDK_DISABLED: 'true' })).toBeNull();
  });

  it("the gateway starts its own traces unless OTEL_TRUST_INCOMING_TRACE=on; the subgraphs continue their caller's", () => {
    const on = { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318' };
    expect(tracingSettings('gateway', on)?.trustIncomingTrace).toBe(false);
    expect(tracingSettings('gateway', { ...on, OTEL_TRUST_INCOMING_TRACE: 'on' })?.trustIncomingTrace).toBe(true);
    expect(tracingSettings('gateway', { ...on, OTEL_TRUST_INCOMING_TRACE: 'off' })?.trustIncomingTrace).toBe(false);
    expect(tracingSettings('situation', on)?.trustIncomingTrace).toBe(true);
    expect(tracingSettings('hr', { ...on, OTEL_TRUST_INCOMING_TRACE: 'off' })?.trustIncomingTrace).toBe(false);
    expect(() => tracingSettings('gateway', { ...on, OTEL_TRUST_INCOMING_TRACE: 'yes' })).toThrow('OTEL_TRUST_INCOMING_TRACE: expected on or off, got "yes"');
  });

  it('names an exporter or a protocol it does not have', () => {
    expect(() => tracingSettings('hr', { OTEL_TRACES_EXPORTER: 'zipkin' })).toThrow('OTEL_TRACES_EXPORTER: "zipkin" is not supported (otlp, console or none)');
    expect(() => tracingSettings('hr', { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4317', OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' })).toThrow(
      'OTEL_EXPORTER_OTLP_PROTOCOL: "grpc" is not supported (http/protobuf or http/json; for gRPC, send to a collector that forwards it)',
    );
  });

  it('exports by OTLP http/protobuf by default: a span started in a traced process reaches the endpoint as protobuf', async () => {
    const received: { path?: string; type?: string; body: Buffer }[] = [];
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push({ path: request.url, type: request.headers['content-type'], body: Buffer.concat(chunks) });
        response.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const tracing = JSON.stringify(path.resolve(__dirname, '../dist/tracing/index.js'));
      const script = `const t = require(${tracing}); t.startTracing('hr');
        require('@opentelemetry/api').trace.getTracer('probe').startSpan('probe-span-jiuye').end();
        t.stopTracing().then(() => console.log('stopped'));`;
      const child = spawn(process.execPath, ['-e', script], {
        cwd: path.resolve(__dirname, '..'),
        env: { PATH: process.env.PATH ?? '', OTEL_EXPORTER_OTLP_ENDPOINT: endpoint },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
      await new Promise((resolve) => child.once('exit', resolve));
      expect(output.trim()).toBe('stopped');
      expect(received).toHaveLength(1);
      expect(received[0]).toMatchObject({ path: '/v1/traces', type: 'application/x-protobuf' });
      // Protobuf carries strings as they are: the service and span names are in the bytes, and it is not JSON.
      expect(received[0].body.includes(Buffer.from('jiuye-hr'))).toBe(true);
      expect(received[0].body.includes(Buffer.from(`probe-span-jiuye`))).toBe(true);
      expect(received[0].body.subarray(0, 1).toString()).not.toBe('{');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('off, a service loads no OpenTelemetry SDK at all; on, it does', () => {
    const loaded = (env: Record<string, string>) => {
      const script = `require(${JSON.stringify(path.resolve(__dirname, '../dist/tracing/index.js'))}).startTracing('hr');
        console.log(Object.keys(require.cache).filter((file) => file.includes('@opentelemetry')).length)`;
      const run = spawnSync(process.execPath, ['-e', script], { env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8' });
      expect(run.stderr).toBe('');
      return Number(run.stdout.trim());
    };
    expect(loaded({})).toBe(0);
    expect(loaded({ OTEL_TRACES_EXPORTER: 'none', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9' })).toBe(0);
    expect(loaded({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9' })).toBeGreaterThan(0);
  });
});

describe('what a span may carry out of the process', () => {
  const memory = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(new RedactingSpanExporter(memory))] });
  const tracer = provider.getTracer('test');
  afterEach(() => memory.reset());
  afterAll(() => provider.shutdown());

  function exported(name: string, attributes: Record<string, string | number | string[]>, kind = SpanKind.INTERNAL, error?: Error) {
    const span = tracer.startSpan(name, { kind, attributes });
    if (error) {
      span.recordException(error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
    }
    span.end();
    const [found] = memory.getFinishedSpans();
    return found;
  }

  it('SQL: no statement text (MikroORM inlines the values) and no parameters; the operation stays', () => {
    const span = exported('pg.query:SELECT jiuye_hr', {
      'db.system.name': 'postgresql',
      'db.statement': `select * from worker where id_number = '${ID_NUMBER}'`,
      'db.query.text': `select * from worker where phone = '${PHONE}'`,
      'db.postgresql.values': [ID_NUMBER],
      'db.query.parameter.0': ID_NUMBER,
      'db.namespace': 'jiuye_hr',
    });
    expect(span.name).toBe('pg.query:SELECT jiuye_hr');
    expect(span.attributes).toEqual({ 'db.system.name': 'postgresql', 'db.namespace': 'jiuye_hr' });
  });

  it('URLs lose their query string, the caller its address; the path stays', () => {
    const span = exported(
      'GET',
      {
        'url.full': `http://gateway/exports/roster.csv?kind=POOR_LABOURERS&idNumber=${ID_NUMBER}`,
        'http.url': `http://gateway/graphql?query={worker(idNumber:"${ID_NUMBER}"){name}}`,
        'http.target': `/graphql?variables={"phone":"${PHONE}"}`,
        'url.query': `idNumber=${ID_NUMBER}`,
        'url.path': '/exports/roster.csv',
        'client.address': '203.0.113.7',
        'net.peer.ip': '203.0.113.7',
        'http.request.header.authorization': ['Bearer x'],
      },
      SpanKind.SERVER,
    );
    expect(span.attributes).toEqual({
      'url.full': 'http://gateway/exports/roster.csv',
      'http.url': 'http://gateway/graphql',
      'http.target': '/graphql',
      'url.path': '/exports/roster.csv',
    });
  });

  it('ID numbers and phones left anywhere else (attributes, exception events, status) are scrubbed', () => {
    const span = exported(
      `lookup ${ID_NUMBER}`,
      { 'graphql.source': `worker(idNumber: "${ID_NUMBER}")`, note: [`call ${PHONE}`, 'plain'] },
      SpanKind.INTERNAL,
      new Error(`duplicate key: id_number ${ID_NUMBER}, phone ${PHONE}`),
    );
    const text = JSON.stringify({ name: span.name, attributes: span.attributes, events: span.events, status: span.status });
    expect(text).not.toContain(ID_NUMBER);
    expect(text).not.toContain(PHONE);
    expect(span.attributes['graphql.source']).toBe('worker(idNumber: "[id-number]")');
    expect(span.events[0].attributes?.['exception.message']).toBe('duplicate key: id_number [id-number], phone [phone]');
    expect(span.status).toEqual({ code: SpanStatusCode.ERROR, message: 'duplicate key: id_number [id-number], phone [phone]' });
    // The copy keeps the span's identity: it still belongs to its trace.
    expect(span.spanContext().traceId).toMatch(/^[0-9a-f]{32}$/);
  });
});
