import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GatewayConfig, Logger } from '@jiuye/common';
import { applyCors } from './cors';
import { answerDevAccounts, devSignInEnabled } from './dev-accounts';
import { staticSite } from './static-files';

export { CONTENT_SECURITY_POLICY, contentSecurityPolicy, isApiPath, resolveInside } from './static-files';
export { devSignInEnabled } from './dev-accounts';

/** The app's routes (web/src/routes.tsx); a path under one of them is answered with index.html. */
export const APP_ROUTES = ['/', '/signin', '/dashboard', '/workbench', '/partner', '/graphiql'] as const;

function appRoute(graphiql: boolean) {
  return (pathname: string) =>
    APP_ROUTES.some((route) => route !== '/' && (pathname === route || pathname.startsWith(`${route}/`)) && (graphiql || route !== '/graphiql')) || pathname === '/';
}

/**
 * The gateway's web front, run before the graph's routes: CORS for the allow-list, the
 * development sign-in, and the built app (static files, SPA fallback). Without web settings
 * (tests that do not need it) the gateway serves the graph only.
 */
export function webFront(config: GatewayConfig, logger: Logger): ((request: IncomingMessage, response: ServerResponse, url: URL) => Promise<boolean>) | undefined {
  const web = config.web;
  if (!web) return undefined;
  const allowed = new Set(web.corsOrigins);
  const site = staticSite(web.root, appRoute(web.graphiql), config.oidc ? [new URL(config.oidc.issuer).origin] : []);
  if (!site.available) logger.warn({ webRoot: web.root }, 'web app not found (no index.html under WEB_ROOT): serving the graph only; build it with npm run build -w web');
  const signIn = devSignInEnabled(config);
  return async (request, response, url) => {
    if (applyCors(allowed, request, response, url)) return true;
    if (url.pathname === '/auth/dev-accounts' && signIn && request.method === 'GET') {
      await answerDevAccounts(config, response);
      return true;
    }
    return site.serve(request, response, url);
  };
}
