import http from 'node:http';
import https from 'node:https';
import type { RemoteGraphQLDataSource } from '@apollo/gateway';

type Fetcher = RemoteGraphQLDataSource['fetcher'];

/** Connections kept open to each department (per gateway process); more requests queue for one. */
export const DEPARTMENT_SOCKETS = 64;
const IDLE_SOCKET_MS = 30_000;

/** Header values as node:http gives them, read like fetch's Headers (what @apollo/gateway reads: content-type, cache-control). */
export class DepartmentHeaders {
  constructor(private readonly values: http.IncomingHttpHeaders) {}

  get(name: string): string | null {
    const value = this.values[name.toLowerCase()];
    if (value === undefined) return null;
    return Array.isArray(value) ? value.join(', ') : value;
  }

  has(name: string): boolean {
    return this.values[name.toLowerCase()] !== undefined;
  }
}

/** The part of fetch's Response that RemoteGraphQLDataSource and failures.ts read, over a body already received. */
export class DepartmentResponse {
  readonly headers: DepartmentHeaders;

  constructor(
    readonly url: string,
    readonly status: number,
    readonly statusText: string,
    headers: http.IncomingHttpHeaders,
    private readonly body: Buffer,
  ) {
    this.headers = new DepartmentHeaders(headers);
  }

  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }

  async text(): Promise<string> {
    return this.body.toString('utf8');
  }

  async json(): Promise<unknown> {
    return JSON.parse(this.body.toString('utf8'));
  }
}

/**
 * The gateway's HTTP client to its departments: node:http with keep-alive agents (one pool of
 * DEPARTMENT_SOCKETS per department origin), the whole request written at once (headers and body,
 * Content-Length known), the body read into one buffer. Instead of fetch (undici), whose WHATWG
 * layers (Request, Headers, an AbortSignal per call, the body as a stream written chunk by chunk)
 * cost the gateway more CPU per department call than the call's own JSON. Failures look as
 * fetch's do to failures.ts: the deadline is a 'TimeoutError', no connection a TypeError
 * 'fetch failed' with the cause.
 */
export function departmentFetcher(timeoutMs: number): Fetcher {
  const agents = {
    // An idle connection is closed after IDLE_SOCKET_MS, before the department's own keep-alive timeout (65 s) could close it under a request.
    'http:': new http.Agent({ keepAlive: true, maxSockets: DEPARTMENT_SOCKETS, scheduling: 'lifo', timeout: IDLE_SOCKET_MS }),
    'https:': new https.Agent({ keepAlive: true, maxSockets: DEPARTMENT_SOCKETS, scheduling: 'lifo', timeout: IDLE_SOCKET_MS }),
  };
  const send = (url: string, init?: { method?: string; headers?: Record<string, string>; body?: string }): Promise<DepartmentResponse> =>
    new Promise((resolve, reject) => {
      const target = new URL(url);
      const client = target.protocol === 'https:' ? https : target.protocol === 'http:' ? http : null;
      if (!client) {
        reject(new TypeError('fetch failed', { cause: new Error(`unsupported protocol ${target.protocol}`) }));
        return;
      }
      const body = init?.body === undefined ? undefined : Buffer.from(init.body, 'utf8');
      const headers: Record<string, string | number> = { ...(init?.headers ?? {}) };
      if (body) headers['content-length'] = body.length;
      let settled = false;
      const fail = (error: Error) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        reject(error);
      };
      const request = client.request(target, { method: init?.method ?? 'GET', headers, agent: agents[target.protocol as 'http:' | 'https:'] }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', (error) => fail(new TypeError('fetch failed', { cause: error })));
        response.on('close', () => {
          if (!response.complete) fail(new TypeError('fetch failed', { cause: new Error('the connection closed before the answer was complete') }));
        });
        response.on('end', () => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          resolve(new DepartmentResponse(url, response.statusCode ?? 0, response.statusMessage ?? '', response.headers, Buffer.concat(chunks)));
        });
      });
      const timer = setTimeout(() => {
        const error = new Error(`the department did not answer within ${timeoutMs} ms`);
        error.name = 'TimeoutError';
        fail(error);
        request.destroy(error);
      }, timeoutMs);
      request.on('error', (error) => fail(new TypeError('fetch failed', { cause: error })));
      request.end(body);
    });
  return send as unknown as Fetcher;
}
