import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID, timingSafeEqual } from 'node:crypto';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { userFacingCode, type ErrorCode } from './errors';
import type { Logger } from './logger';
import { DEFAULT_HOST } from './deployment';
import { attachRequestRecord, logRequest, newRequestRecord, summarise, type RequestSummary, type ServiceMetrics } from './metrics';

/**
 * A small HTTP front for Apollo Server: /graphql, plus /health (the process is up) and
 * /ready (its dependencies answer) for container health checks. Kept in-house because the
 * standalone server has no health routes and the Express integration brings a framework
 * we do not otherwise need.
 */
/**
 * The routes and hooks of the front. `TCaller` is what authenticate() returns: the front hands it,
 * typed, to the context builder, the routes and the downloads of the same request (no side
 * channel keyed by the request). A front without authenticate() hands them `undefined`.
 */
interface HttpRoutes<TContext extends BaseContext, TCaller> {
  port: number;
  host?: string;
  logger: Logger;
  /** Builds the per-request context; receives the request id every log line and error carries, and the caller authenticate() returned. */
  context(request: IncomingMessage, requestId: string, caller: TCaller): Promise<TContext>;
  ready?: () => Promise<void>;
  maxBodyBytes?: number;
  /**
   * GET /stats: counters for benchmarks (not served in production); authenticated like /graphql
   * (subgraphs: the gateway's signed identity; the gateway: a bearer token).
   */
  stats?: () => unknown;
  /** Extra POST routes with a JSON body (e.g. the internal access-check endpoint). */
  routes?: Record<string, (request: IncomingMessage, body: unknown, requestId: string, caller: TCaller) => Promise<unknown>>;
  /** GET routes answering JSON without authentication (the gateway's /auth/config: how the web signs in, read before any token exists). */
  publicRoutes?: Record<string, () => Promise<unknown>>;
  /** Downloads (and uploads) under a path prefix: the situation service's exports, the departments' imports; authenticated like /graphql, streamed by the handler. */
  downloads?: DownloadRoute<TCaller> | DownloadRoute<TCaller>[];
  /**
   * Whether an incoming x-request-id becomes this request's id (default true: a subgraph takes
   * the gateway's). The gateway sets false: a client must not choose the id the access log and
   * the departments' logs carry; it reads the client's header itself as a correlation id.
   */
  trustRequestId?: boolean;
  /**
   * Runs first for every request (the gateway's web front: CORS, the app's static files, the
   * development sign-in). Returns true when it answered the request; false lets the routes above run.
   */
  front?: (request: IncomingMessage, response: ServerResponse, url: URL) => Promise<boolean>;
  /** GET /metrics (Prometheus text) from this registry; none (METRICS=off): no such route. */
  metrics?: ServiceMetrics | null;
  /** When set, /metrics requires `Authorization: Bearer <token>` (METRICS_TOKEN). */
  metricsToken?: string;
  /** The caller's department for the request's log line (never the subject's). */
  departmentOf?: (caller: TCaller) => string | undefined;
  /** Sees every finished request (the gateway counts exports and imports). */
  observe?: (summary: RequestSummary) => void;
  /** How long close() waits for requests under way before dropping their connections (default 10 s). */
  shutdownTimeoutMs?: number;
}

/**
 * Runs before any GraphQL work (and before /stats, routes and downloads); throwing HttpError (401
 * for a missing or invalid identity) answers the request with that status and a GraphQL-shaped
 * error body. Required unless the caller type admits `undefined`.
 */
type Authentication<TCaller> = undefined extends TCaller
  ? { authenticate?: (request: IncomingMessage, requestId: string) => Promise<TCaller> }
  : { authenticate: (request: IncomingMessage, requestId: string) => Promise<TCaller> };

export type HttpOptions<TContext extends BaseContext, TCaller = undefined> = HttpRoutes<TContext, TCaller> & Authentication<TCaller>;

export interface DownloadRoute<TCaller = undefined> {
  /** e.g. '/exports/' */
  prefix: string;
  /** GET unless listed; a POST handler reads (and limits) the request body itself (imports). */
  methods?: readonly ('GET' | 'POST')[];
  handle(request: IncomingMessage, response: ServerResponse, url: URL, requestId: string, caller: TCaller): Promise<void>;
}

export interface RunningHttpServer {
  url: string;
  port: number;
  /** From now on /ready answers 503 (draining); everything else is still served until close(). */
  drain(): void;
  readonly draining: boolean;
  /** Stops listening, lets the requests under way finish (up to shutdownTimeoutMs), then drops the connections. */
  close(): Promise<void>;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code?: ErrorCode,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** The HTTP status of a user-facing GraphQL error thrown by a download or a route (before any byte is sent). */
const STATUS_OF_CODE: Partial<Record<ErrorCode, number>> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, PURPOSE_REQUIRED: 403, NOT_FOUND: 404, CONFLICT: 409 };

/** Another path on the service whose GraphQL endpoint is `graphqlUrl` (…/graphql → …/ready, …/exports/…). */
export function serviceUrl(graphqlUrl: string, path: string): string {
  return graphqlUrl.replace(/\/graphql$/, '') + path;
}

function readBody(request: IncomingMessage, limit: number): Promise<string> {
  return readBodyBytes(request, limit).then((bytes) => bytes.toString('utf8'));
}

/** The request body as bytes, refused with 413 (and the connection dropped) beyond `limit`. */
export function readBodyBytes(request: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new HttpError(413, `request body is larger than ${limit} bytes`));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/** `Authorization: Bearer <token>`, compared in constant time. */
function bearerMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(/^Bearer (.+)$/.exec(header ?? '')?.[1] ?? '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.statusCode = status;
  response.setHeader('content-type', 'application/json; charset=utf-8');
  response.end(JSON.stringify(body));
}

export async function serveGraphQL<TContext extends BaseContext, TCaller = undefined>(
  server: ApolloServer<TContext>,
  options: HttpOptions<TContext, TCaller>,
): Promise<RunningHttpServer> {
  const limit = options.maxBodyBytes ?? 1_000_000;
  // Without authenticate(), TCaller admits undefined (Authentication): the cast is that case.
  const authenticateCaller = (request: IncomingMessage, requestId: string): Promise<TCaller> =>
    options.authenticate ? options.authenticate(request, requestId) : Promise.resolve(undefined as TCaller);
  const sockets = new Set<import('node:net').Socket>();
  const downloads = options.downloads ? [options.downloads].flat() : [];
  let draining = false;
  let closing = false;
  let inFlight = 0;
  /** Called when the last request under way has ended (close() waits on it). */
  let onIdle: (() => void) | null = null;

  const httpServer = http.createServer(async (request, response) => {
    const started = process.hrtime.bigint();
    const requestId = (options.trustRequestId === false ? undefined : (request.headers['x-request-id'] as string | undefined)?.slice(0, 64)) || randomUUID();
    response.setHeader('x-request-id', requestId);
    if (closing) response.setHeader('connection', 'close');
    const url = new URL(request.url ?? '/', 'http://localhost');
    const record = newRequestRecord();
    let department: string | undefined;
    inFlight += 1;
    response.once('close', () => {
      inFlight -= 1;
      const summary = summarise(request, url.pathname, response.statusCode, started, requestId, record, department, !response.writableFinished);
      logRequest(options.logger, summary);
      options.observe?.(summary);
      if (inFlight === 0) onIdle?.();
    });
    const authenticate = async (request: IncomingMessage, requestId: string): Promise<TCaller> => {
      const caller = await authenticateCaller(request, requestId);
      department = options.departmentOf?.(caller);
      return caller;
    };
    try {
      if (options.front && (await options.front(request, response, url))) return;
      if (url.pathname === '/health') return sendJson(response, 200, { status: 'ok' });
      if (url.pathname === '/ready') {
        // Draining (after SIGTERM): load balancers stop sending new work; requests still arriving are served.
        if (draining) return sendJson(response, 503, { status: 'draining' });
        await options.ready?.();
        return sendJson(response, 200, { status: 'ready' });
      }
      if (url.pathname === '/metrics' && options.metrics) {
        if (request.method !== 'GET') return sendJson(response, 405, { error: 'GET only' });
        if (options.metricsToken && !bearerMatches(request.headers.authorization, options.metricsToken)) {
          response.setHeader('www-authenticate', 'Bearer');
          return sendJson(response, 401, { error: 'metrics: the bearer token (METRICS_TOKEN) is missing or wrong' });
        }
        const text = await options.metrics.text();
        response.statusCode = 200;
        response.setHeader('content-type', options.metrics.contentType());
        response.setHeader('cache-control', 'no-store');
        return void response.end(text);
      }
      const publicRoute = options.publicRoutes && Object.hasOwn(options.publicRoutes, url.pathname) ? options.publicRoutes[url.pathname] : undefined;
      if (publicRoute) {
        if (request.method !== 'GET') return sendJson(response, 405, { error: 'GET only' });
        response.setHeader('cache-control', 'no-cache');
        return sendJson(response, 200, await publicRoute());
      }
      // Never without authentication: a server given no authenticate() has no /stats.
      if (url.pathname === '/stats' && options.stats && options.authenticate) {
        await authenticate(request, requestId);
        return sendJson(response, 200, options.stats());
      }
      const download = downloads.find((d) => url.pathname.startsWith(d.prefix));
      if (download) {
        const methods = download.methods ?? ['GET'];
        if (!methods.includes(request.method as 'GET' | 'POST')) return sendJson(response, 405, { error: `${methods.join(' or ')} only` });
        const caller = await authenticate(request, requestId);
        return await download.handle(request, response, url, requestId, caller);
      }
      const route = options.routes?.[url.pathname];
      if (route) {
        if (request.method !== 'POST') return sendJson(response, 405, { error: 'POST only' });
        const caller = await authenticate(request, requestId);
        const text = await readBody(request, limit);
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          return sendJson(response, 400, { error: 'the request body is not valid JSON' });
        }
        return sendJson(response, 200, await route(request, parsed, requestId, caller));
      }
      if (url.pathname !== '/graphql' && url.pathname !== '/') {
        return sendJson(response, 404, { error: 'not found: the API is at /graphql' });
      }
      const caller = await authenticate(request, requestId);
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(request.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      let body: unknown;
      if (request.method === 'POST') {
        const text = await readBody(request, limit);
        if ((headers.get('content-type') ?? '').includes('application/json')) {
          try {
            body = text.length ? JSON.parse(text) : undefined;
          } catch {
            return sendJson(response, 400, { errors: [{ message: 'the request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
          }
        } else body = text;
      }
      const result = await server.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: request.method?.toUpperCase() ?? 'GET', headers, search: url.search, body },
        context: async () => attachRequestRecord(await options.context(request, requestId, caller), record),
      });
      for (const [key, value] of result.headers) response.setHeader(key, value);
      response.statusCode = result.status ?? 200;
      if (result.body.kind === 'complete') {
        response.end(result.body.string);
      } else {
        for await (const chunk of result.body.asyncIterator) response.write(chunk);
        response.end();
      }
    } catch (caught) {
      // Downloads and routes use the resolvers' checks (badInput, forbidden …): their errors answer
      // with the matching status and the same GraphQL-shaped body as an HttpError.
      const code = caught instanceof GraphQLError && !response.headersSent ? userFacingCode(caught) : undefined;
      const error =
        code !== undefined
          ? (({ code: _code, ...extensions }) => new HttpError(STATUS_OF_CODE[code] ?? 400, (caught as GraphQLError).message, code, extensions))(
              (caught as GraphQLError).extensions,
            )
          : caught;
      if (error instanceof HttpError) {
        if (error.code) record.errorCodes.push(error.code);
        if (error.code) {
          return sendJson(response, error.status, { errors: [{ message: error.message, extensions: { code: error.code, ...error.extensions, requestId } }] });
        }
        return sendJson(response, error.status, { error: error.message });
      }
      options.logger.error({ err: error, requestId, path: url.pathname }, 'request failed');
      record.errorCodes.push('INTERNAL_SERVER_ERROR');
      if (!response.headersSent) sendJson(response, url.pathname === '/ready' ? 503 : 500, { error: 'internal error', requestId });
      else response.end();
    }
  });
  httpServer.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  httpServer.keepAliveTimeout = 65_000;

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    // Loopback unless the configuration says otherwise (HOST): see common/src/deployment.ts.
    httpServer.listen(options.port, options.host ?? DEFAULT_HOST, () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  const shutdownTimeoutMs = options.shutdownTimeoutMs ?? 10_000;
  return {
    url: `http://localhost:${port}/graphql`,
    port,
    drain() {
      draining = true;
    },
    get draining() {
      return draining;
    },
    close: () =>
      new Promise<void>((resolve) => {
        draining = true;
        closing = true;
        httpServer.close(() => resolve());
        httpServer.closeIdleConnections();
        // Kept-alive connections of finished requests would hold close() open: dropped once nothing is under way.
        const dropAll = () => sockets.forEach((s) => s.destroy());
        if (inFlight === 0) dropAll();
        else onIdle = dropAll;
        setTimeout(dropAll, shutdownTimeoutMs).unref();
      }),
  };
}
