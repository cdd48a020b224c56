import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * CORS for dashboards hosted on another site (CORS_ORIGINS): an exact-match allow-list for
 * /graphql (POST, GET), the exports and the aggregate reports (GET). An origin not on the list gets no CORS header at
 * all (the browser then refuses to hand the answer to its page); never `*`. Tokens travel in the
 * authorization header, not in cookies, so credentials are not allowed.
 */
const ALLOWED_HEADERS = 'authorization, content-type, x-purpose, x-request-id, apollo-require-preflight';

function methodsFor(pathname: string): string | null {
  if (pathname === '/graphql') return 'GET, POST';
  if (pathname.startsWith('/exports/') || pathname.startsWith('/reports/')) return 'GET';
  return null;
}

/** Sets the CORS headers of an allowed cross-origin request; answers its preflight. Returns true when the request was answered (a preflight). */
export function applyCors(allowed: ReadonlySet<string>, request: IncomingMessage, response: ServerResponse, url: URL): boolean {
  const methods = methodsFor(url.pathname);
  if (methods === null) return false;
  const origin = request.headers.origin;
  response.setHeader('vary', 'Origin');
  const permitted = typeof origin === 'string' && allowed.has(origin.toLowerCase());
  if (request.method === 'OPTIONS') {
    if (permitted) {
      response.setHeader('access-control-allow-origin', origin);
      response.setHeader('access-control-allow-methods', methods);
      response.setHeader('access-control-allow-headers', ALLOWED_HEADERS);
      response.setHeader('access-control-max-age', '600');
    }
    response.statusCode = 204;
    response.end();
    return true;
  }
  if (permitted) {
    response.setHeader('access-control-allow-origin', origin);
    response.setHeader('access-control-expose-headers', 'x-request-id, content-disposition');
  }
  return false;
}
