import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { authenticatedAs, INTERNAL_IDENTITY_HEADER, personAccessRefusal, scopeKind, signInternalIdentity, type Logger, type RequestIdentity } from '@jiuye/common';
import type { Caller } from './auth';

export const EXPORTS_PREFIX = '/exports/';
const PASSED_HEADERS = ['content-type', 'content-disposition', 'cache-control'];

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.statusCode = status;
  response.setHeader('content-type', 'application/json; charset=utf-8');
  response.end(JSON.stringify(body));
}

/**
 * GET /exports/… at the gateway: the user's token and purpose are checked here as for any
 * person-level query (dashboards and accounts without a purpose are refused before anything
 * is called), then the request goes to the situation service with the signed identity and its
 * streamed file comes back through without being held in memory.
 */
export function exportsProxy(situationUrl: () => string | undefined, signingKey: string, logger: Logger) {
  return {
    prefix: EXPORTS_PREFIX,
    async handle(request: IncomingMessage, response: ServerResponse, url: URL, requestId: string): Promise<void> {
      const caller = authenticatedAs<Caller>(request)!;
      const identity: RequestIdentity = { ...caller.identity, ...(caller.purpose ? { purpose: caller.purpose } : {}), requestId };
      const refusal = personAccessRefusal(identity, scopeKind(identity));
      if (refusal) return sendJson(response, 403, { errors: [{ message: refusal.message, extensions: { ...refusal.extensions, requestId } }] });
      const base = situationUrl();
      if (!base) return sendJson(response, 503, { errors: [{ message: 'exports are served by the situation read model, which is not configured', extensions: { code: 'SUBGRAPH_UNAVAILABLE', requestId } }] });
      const target = base.replace(/\/graphql$/, '') + url.pathname + url.search;
      let upstream: Response;
      // The situation service must start answering within 30 s; the download itself may take as
      // long as the file needs (a county's xlsx at 10^6 rows takes about a minute).
      const abort = new AbortController();
      const headersTimeout = setTimeout(() => abort.abort(new Error('no answer within 30 s')), 30_000);
      response.on('close', () => abort.abort(new Error('the client went away')));
      try {
        upstream = await fetch(target, {
          headers: { [INTERNAL_IDENTITY_HEADER]: await signInternalIdentity(identity, signingKey), 'x-request-id': requestId },
          signal: abort.signal,
        });
      } catch (error) {
        logger.warn({ requestId, error: (error as Error).message }, 'export: the situation service does not answer');
        return sendJson(response, 503, { errors: [{ message: 'the situation read model does not answer; try again shortly', extensions: { code: 'SUBGRAPH_UNAVAILABLE', department: 'situation', requestId } }] });
      } finally {
        clearTimeout(headersTimeout);
      }
      response.statusCode = upstream.status;
      for (const name of PASSED_HEADERS) {
        const value = upstream.headers.get(name);
        if (value) response.setHeader(name, value);
      }
      if (!upstream.body) return void response.end();
      const body = Readable.fromWeb(upstream.body as import('node:stream/web').ReadableStream);
      await new Promise<void>((resolve) => {
        body.on('error', (error) => {
          // The file broke off upstream: break it here too rather than hand over a truncated file as whole.
          logger.warn({ requestId, error: error.message }, 'export: the download broke off');
          response.destroy(error);
          resolve();
        });
        response.on('close', () => {
          body.destroy();
          resolve();
        });
        body.pipe(response);
      });
    },
  };
}
