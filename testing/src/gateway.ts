/** The gateway alone in process against tiny stand-in subgraphs (startGatewayOn, tinyServer, post): for gateway/test and the security tests that probe the gateway itself. */
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import pino from 'pino';
import { SUBGRAPH_NAMES, type GatewayConfig, type SubgraphName } from '@jiuye/common';
import { DEFAULT_QUERY_LIMITS, type DepartmentRequest, type GatewayContext, type RunningGateway } from '@jiuye/gateway';
import { gatewayEngine, startEngine, type GatewayEngine } from '@jiuye/testing/engine';
import { freshDatabaseUrl, TEST_INTERNAL_SIGNING_KEY, TEST_LOG_LEVEL, TEST_PSEUDONYM_KEY, TEST_SUBGRAPH_TIMEOUT_MS } from '@jiuye/testing/harness';
import { COUNTY_OFFICER, TEST_JWT, userHeaders, type TestPlatform } from '@jiuye/testing/platform';

/** What a gateway test reads back from one HTTP request. */
export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
  body: any;
}

let countyOfficer: Promise<Record<string, string>> | undefined;

/** A POST to a gateway as the county's hr officer (purpose: verification) unless headers say otherwise. */
export async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<RawResponse> {
  countyOfficer ??= userHeaders(COUNTY_OFFICER);
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await countyOfficer), ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: JSON.parse(text) };
}

/** Log lines a gateway wrote, parsed. */
export interface CapturedLog {
  logger: pino.Logger;
  lines: Record<string, any>[];
}

export function captureLog(): CapturedLog {
  const lines: Record<string, any>[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { logger, lines };
}

/**
 * One more gateway on a platform's subgraphs (cheaper than another platform): same committed
 * supergraph, with any subgraph URL, limit or setting overridden. Ours, or Hive with the plugin under GATEWAY_ENGINE=hive.
 */
export async function startGatewayOn(
  platform: TestPlatform,
  overrides: Omit<Partial<GatewayConfig>, 'subgraphUrls' | 'limits'> & {
    subgraphUrls?: Partial<Record<SubgraphName, string>>;
    limits?: Partial<GatewayConfig['limits']>;
  } = {},
  logger?: pino.Logger,
  engine: GatewayEngine = gatewayEngine(),
): Promise<RunningGateway> {
  const { subgraphUrls, limits, ...rest } = overrides;
  return startEngine(
    engine,
    {
      environment: 'test',
      logLevel: TEST_LOG_LEVEL,
      pseudonymKey: TEST_PSEUDONYM_KEY,
      internalSigningKey: TEST_INTERNAL_SIGNING_KEY,
      jwt: TEST_JWT,
      auditDatabaseUrl: platform.auditDatabaseUrl ?? freshDatabaseUrl('audit'),
      host: '127.0.0.1',
      port: 0,
      supergraphPath: path.resolve(__dirname, '../../schema/supergraph.graphql'),
      subgraphTimeoutMs: TEST_SUBGRAPH_TIMEOUT_MS,
      // The platform's audit service; a stand-in platform (tests/web) has none and keeps the supergraph's URL.
      ...(platform.audit ? { auditUrl: platform.audit.url } : {}),
      ...rest,
      subgraphUrls: { ...Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, platform.subgraphs[name].url])), ...subgraphUrls },
      limits: { ...DEFAULT_QUERY_LIMITS, ...limits },
    },
    logger ? { logger } : {},
  );
}

/** A port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface TinyServer {
  url: string;
  /** Requests received so far. */
  requests: number;
  /** Connections open now. */
  openConnections(): number;
  close(): Promise<void>;
}

/**
 * A local HTTP server standing in for a subgraph. Without a handler it accepts every request
 * and never answers (a hung department).
 */
export async function tinyServer(handler?: (body: string, response: http.ServerResponse, request: http.IncomingMessage) => void): Promise<TinyServer> {
  const sockets = new Set<net.Socket>();
  const state = { requests: 0 };
  const server = http.createServer((request, response) => {
    state.requests++;
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => handler?.(Buffer.concat(chunks).toString('utf8'), response, request));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    get requests() {
      return state.requests;
    },
    openConnections: () => sockets.size,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}

/** What must never be in a body a client gets: where things run, how they fail inside, whom they are about. */
export const LEAK_PATTERNS: [string, RegExp][] = [
  ['a URL', /https?:\/\//i],
  ['localhost', /localhost|127\.0\.0\.1/i],
  ['a stack frame', /\s{4}at /],
  ['SQL', /select |insert into|update \w+ set|delete from/i],
  ['an ID number', /\b\d{17}[\dXx]\b/],
];

export function leaksIn(text: string): string[] {
  return LEAK_PATTERNS.filter(([, pattern]) => pattern.test(text)).map(([what]) => what);
}

export async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A tiny department answering every request with this JSON body (after `delayMs`, if given), counting what it receives. */
export function jsonDepartment(answer: (body: any) => unknown, delayMs = 0): Promise<TinyServer> {
  return tinyServer((body, response) => {
    setTimeout(() => {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify(answer(JSON.parse(body))));
    }, delayMs);
  });
}

/** What @apollo/gateway hands a department data source for one fetch of an incoming operation. */
export function departmentRequest(
  query: string,
  context: Partial<GatewayContext> = {},
  options: { operation?: 'query' | 'mutation'; variables?: Record<string, unknown>; path?: (string | number)[] } = {},
): DepartmentRequest {
  const fullContext: GatewayContext = { requestId: 'request-1', reads: [], signingKey: TEST_INTERNAL_SIGNING_KEY, ...context };
  return {
    // GraphQLDataSourceRequestKind.INCOMING_OPERATION (the enum is not exported from the package root).
    kind: 'incoming operation' as Extract<DepartmentRequest, { incomingRequestContext: unknown }>['kind'],
    request: { query, ...(options.variables ? { variables: options.variables } : {}) },
    context: fullContext,
    incomingRequestContext: { operation: { operation: options.operation ?? 'query' } } as unknown as Extract<
      DepartmentRequest,
      { incomingRequestContext: unknown }
    >['incomingRequestContext'],
    ...(options.path ? { pathInIncomingRequest: options.path } : {}),
  };
}
