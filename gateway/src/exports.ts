import type { IncomingMessage, ServerResponse } from 'node:http';
import { correlationIdOf } from './correlation';
import { Readable, Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { once } from 'node:events';
import {
  EXPORT_FRAMING,
  EXPORT_FRAMING_HEADER,
  HttpError,
  INTERNAL_IDENTITY_HEADER,
  readFrames,
  serviceUrl,
  personAccessRefusal,
  scopeKind,
  signInternalIdentity,
  type ExportedPerson,
  type Logger,
  type RequestIdentity,
} from '@jiuye/common';
import { forwardedIdentity, type Caller } from './auth';
import type { AccessLogStore, DepartmentAccess } from './audit/access-log';

export const EXPORTS_PREFIX = '/exports/';
const PASSED_HEADERS = ['content-type', 'content-disposition', 'cache-control'];

/**
 * GET /exports/… at the gateway: the user's token and purpose are checked here as for any
 * person-level query (dashboards and accounts without a purpose are refused before anything
 * is called), then the request goes to the situation service with the signed identity and its
 * streamed file comes back through without being held in memory. The situation service frames
 * it (common/src/export/frames.ts): each page's people reach the access log before the bytes of
 * that page leave, so a download broken off at any point has logged everyone it delivered. If
 * the log cannot be written, nothing more leaves: before the first byte the answer is 503
 * ACCESS_LOG_UNAVAILABLE, after it the download is broken off (an xlsx without its end cannot
 * be opened; of a CSV, the pages already logged are what got out).
 */
export function exportsProxy(situationUrl: () => string | undefined, signingKey: string, logger: Logger, accessLog: AccessLogStore) {
  return {
    prefix: EXPORTS_PREFIX,
    async handle(request: IncomingMessage, response: ServerResponse, url: URL, requestId: string, caller: Caller): Promise<void> {
      const identity = forwardedIdentity(caller, requestId);
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
      if (upstream.status !== 200 || !upstream.body) {
        // A refusal (bad kind, foreign region …): the situation service's own answer, as it is.
        response.statusCode = upstream.status;
        passHeaders(upstream, response);
        return void response.end(Buffer.from(await upstream.arrayBuffer()));
      }
      const operation = `export ${url.pathname}${url.search}`.slice(0, 200);
      await relayLoggedDownload({ request, response, upstream, abort, identity, operation, accessLog, logger, requestId, subgraph: 'situation', what: 'export' });
    },
  };
}

export interface LoggedDownload {
  request: IncomingMessage;
  response: ServerResponse;
  /** A 200 answer framed people-before-bytes (EXPORT_FRAMING). */
  upstream: Response;
  abort: AbortController;
  identity: RequestIdentity;
  /** What the access log names as the operation. */
  operation: string;
  accessLog: AccessLogStore;
  logger: Logger;
  requestId: string;
  /** The service that answered about the people (the access log's subgraph). */
  subgraph: string;
  /** How logs and errors name the download: export, rejected-rows file … */
  what: string;
}

/**
 * Passes a framed download (common/src/export/frames.ts) on to the client, each page's people in
 * the access log before any byte after them: the exports and an import's rejected-rows file
 * (导入失败明细, the rows as typed). Before the first byte a log failure answers 503
 * ACCESS_LOG_UNAVAILABLE; after it the download is broken off.
 */
export async function relayLoggedDownload(download: LoggedDownload): Promise<void> {
  const { request, response, upstream, abort, identity, operation, accessLog, logger, requestId, subgraph, what } = download;
  if (upstream.headers.get(EXPORT_FRAMING_HEADER) !== EXPORT_FRAMING) {
    abort.abort(new Error('not a framed download'));
    throw new HttpError(502, `the ${subgraph} service answered a download in a form this gateway does not read`, 'SUBGRAPH_UNAVAILABLE', { department: subgraph });
  }
  // The request id is the gateway's own; the client's x-request-id is kept beside it (hole 9).
  const correlationId = correlationIdOf(request) ?? null;
  const body = Readable.fromWeb(upstream.body as import('node:stream/web').ReadableStream);
  try {
    await relay(body, response, upstream, (people, fields) =>
      accessLog.append(
        identity,
        operation,
        people.map((person) => downloadRead(subgraph, person, fields)),
        { correlationId },
      ),
    );
  } catch (error) {
    abort.abort(error);
    body.destroy();
    if (error instanceof AccessLogRefused) {
      logger.error({ requestId, error: error.reason.message }, `${what}: the access log could not be written; the download is broken off`);
      // Nothing has left yet: say why, as a GraphQL answer would. Otherwise the client sees a broken download.
      if (!response.headersSent)
        throw new HttpError(503, `The access log could not be written, so the ${what} is withheld; quote the request id to the operators`, 'ACCESS_LOG_UNAVAILABLE');
    } else if (!response.destroyed) {
      // The file broke off upstream (or was malformed): break it here too rather than hand over a truncated file as whole.
      logger.warn({ requestId, error: (error as Error).message }, `${what}: the download broke off`);
    }
    response.destroy(error as Error);
  }
}

function passHeaders(upstream: Response, response: ServerResponse): void {
  for (const name of PASSED_HEADERS) {
    const value = upstream.headers.get(name);
    if (value) response.setHeader(name, value);
  }
}

/** The access log's write failed: the bytes after the people it was to hold must not leave. */
class AccessLogRefused extends Error {
  constructor(readonly reason: Error) {
    super('the access log could not be written');
  }
}

/** One person of a download as the access log records them: read by the service that framed it, the downloaded columns. */
function downloadRead(subgraph: string, [workerId, householdCode, villageCode]: ExportedPerson, fields: string[]): DepartmentAccess {
  return { subgraph, ...(workerId ? { workerId } : householdCode ? { householdCode } : {}), villageCode, fields };
}

/** Frames read ahead of the client while earlier pages are being logged (a few MB of file at most). */
const READ_AHEAD_FRAMES = 32;
/** Pages whose append may be under way at once (the log's group commit writes them together). */
const APPENDS_IN_FLIGHT = 8;

/**
 * Passes the framed stream on to the client as the file: each page's people are appended to the
 * access log, and no byte that came after them is written before that append (and every earlier
 * one) succeeded. Reading runs a little ahead of writing (READ_AHEAD_FRAMES, APPENDS_IN_FLIGHT),
 * so the situation service keeps producing while a page is logged; beyond that the client's
 * backpressure holds the reading, and with it the situation service, and nothing holds the file.
 * Resolves when the END frame arrived and the response was ended; rejects when the stream broke
 * off or was malformed, the client went away, or the log refused (AccessLogRefused).
 */
async function relay(body: Readable, response: ServerResponse, upstream: Response, log: (people: ExportedPerson[], fields: string[]) => Promise<unknown>): Promise<void> {
  let fields: string[] | null = null;
  /** Settles once every page announced so far is in the log; rejects with the first refusal. */
  let logged: Promise<unknown> = Promise.resolve();
  const inFlight: Promise<unknown>[] = [];
  const startFile = () => {
    if (response.headersSent) return;
    response.statusCode = 200;
    passHeaders(upstream, response);
  };
  // Writes in order, each chunk once the pages announced before it are logged.
  const sink = new Writable({
    objectMode: true,
    highWaterMark: READ_AHEAD_FRAMES,
    write({ after, bytes }: { after: Promise<unknown>; bytes: Buffer }, _encoding, callback) {
      after.then(() => {
        if (response.destroyed) return callback(new Error('the client went away'));
        startFile();
        if (response.write(bytes)) return callback();
        const onDrain = () => (response.off('close', onClose), callback());
        const onClose = () => (response.off('drain', onDrain), callback(new Error('the client went away')));
        response.once('drain', onDrain);
        response.once('close', onClose);
      }, callback);
    },
    final(callback) {
      logged.then(() => {
        startFile();
        response.end(() => callback());
      }, callback);
    },
  });
  const failed = new Promise<never>((_, reject) => sink.once('error', reject));
  failed.catch(() => undefined); // observed through wait() and finished()
  const wait = (promise: Promise<unknown>) => Promise.race([promise, failed]);
  for await (const frame of readFrames(body)) {
    if (sink.errored) throw sink.errored;
    if (response.destroyed) throw new Error('the client went away');
    switch (frame.type) {
      case 'head':
        fields = frame.head.fields;
        break;
      case 'people': {
        if (!fields) throw new Error('export stream: people before the head frame');
        // Appends commit in the order they were asked for: waiting for the oldest frees a place.
        if (inFlight.length >= APPENDS_IN_FLIGHT) await wait(inFlight.shift()!);
        const append = log(frame.people, fields).catch((error: Error) => Promise.reject(response.destroyed ? error : new AccessLogRefused(error)));
        append.catch(() => undefined); // observed through `logged`
        inFlight.push(append);
        logged = Promise.all([logged, append]).then(() => undefined);
        logged.catch(() => undefined); // observed through the sink
        break;
      }
      case 'data':
        if (!sink.write({ after: logged, bytes: frame.bytes })) await wait(once(sink, 'drain'));
        break;
      case 'end':
        sink.end();
        await finished(sink);
        return;
    }
  }
  throw new Error('export stream: it ended before the file was complete');
}
