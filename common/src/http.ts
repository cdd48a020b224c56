import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import type { Logger } from './logger';

/**
 * A small HTTP front for Apollo Server: /graphql, plus /health (the process is up) and
 * /ready (its dependencies answer) for container health checks. Kept in-house because the
 * standalone server has no health routes and the Express integration brings a framework
 * we do not otherwise need.
 */
export interface HttpOptions<TContext extends BaseContext> {
  port: number;
  host?: string;
  logger: Logger;
  /** Builds the per-request context; receives the request id every log line and error carries. */
  context(request: IncomingMessage, requestId: string): Promise<TContext>;
  ready?: () => Promise<void>;
  maxBodyBytes?: number;
}

export interface RunningHttpServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function readBody(request: IncomingMessage, limit: number): Promise<string> {
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
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.statusCode = status;
  response.setHeader('content-type', 'application/json; charset=utf-8');
  response.end(JSON.stringify(body));
}

export async function serveGraphQL<TContext extends BaseContext>(
  server: ApolloServer<TContext>,
  options: HttpOptions<TContext>,
): Promise<RunningHttpServer> {
  const limit = options.maxBodyBytes ?? 1_000_000;
  const sockets = new Set<import('node:net').Socket>();

  const httpServer = http.createServer(async (request, response) => {
    const requestId = (request.headers['x-request-id'] as string | undefined)?.slice(0, 64) || randomUUID();
    response.setHeader('x-request-id', requestId);
    const url = new URL(request.url ?? '/', 'http://localhost');
    try {
      if (url.pathname === '/health') return sendJson(response, 200, { status: 'ok' });
      if (url.pathname === '/ready') {
        await options.ready?.();
        return sendJson(response, 200, { status: 'ready' });
      }
      if (url.pathname !== '/graphql' && url.pathname !== '/') {
        return sendJson(response, 404, { error: 'not found: the API is at /graphql' });
      }
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
        context: () => options.context(request, requestId),
      });
      for (const [key, value] of result.headers) response.setHeader(key, value);
      response.statusCode = result.status ?? 200;
      if (result.body.kind === 'complete') {
        response.end(result.body.string);
      } else {
        for await (const chunk of result.body.asyncIterator) response.write(chunk);
        response.end();
      }
    } catch (error) {
      if (error instanceof HttpError) return sendJson(response, error.status, { error: error.message });
      options.logger.error({ err: error, requestId, path: url.pathname }, 'request failed');
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
    httpServer.listen(options.port, options.host ?? '0.0.0.0', () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  return {
    url: `http://localhost:${port}/graphql`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        httpServer.close(() => resolve());
        httpServer.closeIdleConnections();
        setTimeout(() => sockets.forEach((s) => s.destroy()), 2_000).unref();
      }),
  };
}
