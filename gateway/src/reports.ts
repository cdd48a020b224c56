import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { HttpError, INTERNAL_IDENTITY_HEADER, serviceUrl, signInternalIdentity, type Logger } from '@jiuye/common';
import { forwardedIdentity, type Caller } from './auth';

export const REPORTS_PREFIX = '/reports/';
/** Where the situation service serves aggregate tables (subgraphs/situation/src/target/assessment.export.ts). */
const SITUATION_AGGREGATE_PREFIX = '/exports/aggregate/';
const PASSED_HEADERS = ['content-type', 'content-disposition', 'cache-control'];

/**
 * GET /reports/… at the gateway: aggregate tables as files (the quarterly assessment,
 * /reports/assessment.xlsx?county=…&quarter=…). Authenticated like /graphql and ruled like the
 * aggregate queries they copy (Query.assessment: any account of the county, dashboards included,
 * no purpose needed; the situation service applies the region rule and the suppression). They
 * name no person, so nothing goes to the access log and the file passes straight through.
 */
export function reportsProxy(situationUrl: () => string | undefined, signingKey: string, logger: Logger) {
  return {
    prefix: REPORTS_PREFIX,
    async handle(_request: IncomingMessage, response: ServerResponse, url: URL, requestId: string, caller: Caller): Promise<void> {
      const name = url.pathname.slice(REPORTS_PREFIX.length);
      if (!/^[a-z-]+\.[a-z]+$/.test(name)) throw new HttpError(404, 'no such report; available: /reports/assessment.xlsx?county=…&quarter=YYYY-Qn', 'NOT_FOUND');
      const base = situationUrl();
      if (!base) throw new HttpError(503, 'reports are served by the situation read model, which is not configured', 'SUBGRAPH_UNAVAILABLE');
      const identity = forwardedIdentity(caller, requestId);
      let upstream: Response;
      try {
        upstream = await fetch(serviceUrl(base, SITUATION_AGGREGATE_PREFIX + name + url.search), {
          headers: { [INTERNAL_IDENTITY_HEADER]: await signInternalIdentity(identity, signingKey), 'x-request-id': requestId },
          signal: AbortSignal.timeout(60_000),
        });
      } catch (error) {
        logger.warn({ requestId, error: (error as Error).message }, 'report: the situation service does not answer');
        throw new HttpError(503, 'the situation read model does not answer; try again shortly', 'SUBGRAPH_UNAVAILABLE', { department: 'situation' });
      }
      response.statusCode = upstream.status;
      for (const header of PASSED_HEADERS) {
        const value = upstream.headers.get(header);
        if (value) response.setHeader(header, value);
      }
      if (!upstream.body) return void response.end();
      try {
        await pipeline(Readable.fromWeb(upstream.body as import('node:stream/web').ReadableStream), response);
      } catch (error) {
        // The file broke off (upstream or the client went away): the response is already under way, so it is broken off too.
        logger.warn({ requestId, error: (error as Error).message }, 'report: the download broke off');
        response.destroy(error as Error);
      }
    },
  };
}
