import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { authenticatedAs, HttpError, INTERNAL_IDENTITY_HEADER, serviceUrl, personAccessRefusal, scopeKind, signInternalIdentity, type Logger, type RequestIdentity } from '@jiuye/common';
import type { Caller } from './auth';
import type { AccessLogStore, DepartmentAccess } from './audit/access-log';

const EXPORT_PEOPLE_PATH = '/internal/export-people';

export const EXPORTS_PREFIX = '/exports/';
const PASSED_HEADERS = ['content-type', 'content-disposition', 'cache-control'];

/**
 * GET /exports/… at the gateway: the user's token and purpose are checked here as for any
 * person-level query (dashboards and accounts without a purpose are refused before anything
 * is called), then the request goes to the situation service with the signed identity and its
 * streamed file comes back through without being held in memory. Every person in the file is
 * entered in the access log before the download is completed: if that fails, the download is
 * broken off (an xlsx without its end cannot be opened).
 */
export function exportsProxy(situationUrl: () => string | undefined, signingKey: string, logger: Logger, accessLog: AccessLogStore) {
  return {
    prefix: EXPORTS_PREFIX,
    async handle(request: IncomingMessage, response: ServerResponse, url: URL, requestId: string): Promise<void> {
      const caller = authenticatedAs<Caller>(request)!;
      const identity: RequestIdentity = { ...caller.identity, ...(caller.purpose ? { purpose: caller.purpose } : {}), requestId };
      const refusal = personAccessRefusal(identity, scopeKind(identity));
      if (refusal) throw refusal;
      const base = situationUrl();
      if (!base) throw new HttpError(503, 'exports are served by the situation read model, which is not configured', 'SUBGRAPH_UNAVAILABLE');
      const target = serviceUrl(base, url.pathname + url.search);
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
        throw new HttpError(503, 'the situation read model does not answer; try again shortly', 'SUBGRAPH_UNAVAILABLE', { department: 'situation' });
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
      const exportId = Number(upstream.headers.get('x-export-id'));
      const complete = await new Promise<boolean>((resolve) => {
        body.on('error', (error) => {
          // The file broke off upstream: break it here too rather than hand over a truncated file as whole.
          logger.warn({ requestId, error: error.message }, 'export: the download broke off');
          response.destroy(error);
          resolve(false);
        });
        response.on('close', () => {
          body.destroy();
          resolve(false);
        });
        body.on('end', () => resolve(true));
        body.pipe(response, { end: false });
      });
      if (!complete) return;
      if (upstream.status !== 200) return void response.end();
      try {
        await logExportedPeople(base, identity, signingKey, exportId, `export ${url.pathname}${url.search}`.slice(0, 200), accessLog);
        response.end();
      } catch (error) {
        logger.error({ requestId, error: (error as Error).message }, 'export: the access log could not be written; the download is broken off');
        response.destroy(error as Error);
      }
    },
  };
}

/** Reads who was in the export from the situation service and appends them to the access log, a page at a time. */
async function logExportedPeople(base: string, identity: RequestIdentity, signingKey: string, exportId: number, operation: string, accessLog: AccessLogStore): Promise<void> {
  if (!Number.isInteger(exportId) || exportId <= 0) throw new Error('the situation service did not name the export');
  const url = serviceUrl(base, EXPORT_PEOPLE_PATH);
  let after: number | null = null;
  for (;;) {
    const answer = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [INTERNAL_IDENTITY_HEADER]: await signInternalIdentity(identity, signingKey), 'x-request-id': identity.requestId },
      body: JSON.stringify({ exportId, after }),
      signal: AbortSignal.timeout(30_000),
    });
    if (!answer.ok) throw new Error(`the situation service refused the list of exported people (${answer.status})`);
    const page = (await answer.json()) as { people: { workerId: string | null; householdCode: string | null; villageCode: string }[]; next: number | null };
    const reads: DepartmentAccess[] = page.people.map((person) => ({
      subgraph: 'situation',
      ...(person.workerId ? { workerId: person.workerId } : {}),
      ...(person.householdCode && !person.workerId ? { householdCode: person.householdCode } : {}),
      villageCode: person.villageCode,
      fields: ['export'],
    }));
    await accessLog.append(identity, operation, reads);
    if (page.next === null) return;
    after = page.next;
  }
}
