import { createReadStream, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The built web app (web/dist) on the gateway's origin: hashed assets cached for a year, the
 * HTML never cached, the app's routes answered with index.html (the app routes in the browser),
 * never a path of the API. Paths are resolved inside the root only.
 */

/** Paths the app never answers: the graph and its HTTP routes. */
export const API_PREFIXES = ['/graphql', '/exports', '/imports', '/reports', '/health', '/ready', '/metrics', '/stats', '/auth/'] as const;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/**
 * What the app's pages may load: only this origin. ECharts and GraphiQL set inline styles
 * (style-src 'unsafe-inline'); charts export to data:/blob: images; GraphiQL's CSS embeds icons as data: URLs.
 */
export function contentSecurityPolicy(connectOrigins: readonly string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    // The identity provider's origin, when OIDC is configured: the page exchanges the code at its token endpoint.
    ["connect-src 'self'", ...connectOrigins].join(' '),
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

export function isApiPath(pathname: string): boolean {
  return API_PREFIXES.some((prefix) => pathname === prefix.replace(/\/$/, '') || pathname.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`));
}

/** The file under root a URL path names, or null when it would leave root (.., encoded slashes, NUL). */
export function resolveInside(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\') || decoded.split('/').some((segment) => segment === '..')) return null;
  const file = path.resolve(root, `.${decoded}`);
  return file === root || file.startsWith(root + path.sep) ? file : null;
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

export interface StaticSite {
  /** Whether web/dist was found at start. */
  available: boolean;
  /** Answers GET/HEAD for the app; false when the request is not the app's. */
  serve(request: IncomingMessage, response: ServerResponse, url: URL): boolean;
}

/** `appRoute(pathname)`: whether a path without a file is one of the app's routes (answered with index.html). */
export function staticSite(rootDir: string, appRoute: (pathname: string) => boolean, connectOrigins: readonly string[] = []): StaticSite {
  const policy = contentSecurityPolicy(connectOrigins);
  const root = path.resolve(rootDir);
  const index = path.join(root, 'index.html');
  const available = existsSync(index);
  return {
    available,
    serve(request, response, url) {
      if (!available || (request.method !== 'GET' && request.method !== 'HEAD') || isApiPath(url.pathname)) return false;
      const file = resolveInside(root, url.pathname);
      if (file === null) {
        send(response, 400, 'text/plain; charset=utf-8', 'bad path');
        return true;
      }
      if (url.pathname !== '/' && isFile(file)) {
        const hashed = url.pathname.startsWith('/assets/');
        sendFile(request, response, file, hashed ? 'public, max-age=31536000, immutable' : 'no-cache', policy);
        return true;
      }
      if (path.extname(url.pathname) === '' && appRoute(url.pathname)) {
        sendFile(request, response, index, 'no-cache', policy);
        return true;
      }
      send(response, 404, 'text/plain; charset=utf-8', 'not found');
      return true;
    },
  };
}

function securityHeaders(response: ServerResponse, html: boolean, policy = CONTENT_SECURITY_POLICY): void {
  response.setHeader('x-content-type-options', 'nosniff');
  response.setHeader('referrer-policy', 'no-referrer');
  if (html) {
    response.setHeader('content-security-policy', policy);
    response.setHeader('x-frame-options', 'DENY');
  }
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  securityHeaders(response, false);
  response.statusCode = status;
  response.setHeader('content-type', type);
  response.setHeader('cache-control', 'no-cache');
  response.end(body);
}

function sendFile(request: IncomingMessage, response: ServerResponse, file: string, cacheControl: string, policy: string): void {
  const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  securityHeaders(response, type.startsWith('text/html'), policy);
  response.statusCode = 200;
  response.setHeader('content-type', type);
  response.setHeader('content-length', statSync(file).size);
  response.setHeader('cache-control', cacheControl);
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  createReadStream(file)
    .on('error', () => response.destroy())
    .pipe(response);
}
