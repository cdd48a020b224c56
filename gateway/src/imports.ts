import type { IncomingMessage, ServerResponse } from 'node:http';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import {
  DEFAULT_IMPORT_LIMITS,
  forbidden,
  HttpError,
  IMPORT_STREAM_CONTENT_TYPE,
  IMPORTS_PREFIX,
  INTERNAL_IDENTITY_HEADER,
  personAccessRefusal,
  readBodyBytes,
  scopeKind,
  serviceUrl,
  signInternalIdentity,
  SUBGRAPH_NAMES,
  type ImportStreamLine,
  type Logger,
} from '@jiuye/common';
import { forwardedIdentity, type Caller } from './auth';
import type { AccessLogStore, DepartmentAccess } from './audit/access-log';
import type { LookupBudget } from './audit/lookup-budget';
import { correlationIdOf } from './correlation';
import { relayLoggedDownload } from './exports';

/** Departments that keep records of their own (the read model imports nothing). */
const IMPORTING = new Set<string>(SUBGRAPH_NAMES.filter((name) => name !== 'situation'));

/**
 * POST /imports/<department>/<kind>?dryRun=1&fileName=… and GET /imports/<department>/runs/<id>/rejected.xlsx
 * at the gateway, beside /exports/: the user's token and purpose are checked as for any
 * person-level request, and only that department's own staff of a region who may write
 * (not viewers, dashboards, auditors, partner cities or institutions) get through; the
 * department checks again, and decides the scope row by row. The body is limited to the
 * import's file size. The department answers NDJSON; each progress line names the people its
 * batch read or wrote, and they are appended to the access log before the line is passed on
 * (without them). If the log cannot be written, the stream is broken off: the batches already
 * committed stay, and the client is told to run the same file again.
 * Rows answered "registered outside your scope" (registerWorker's ALREADY_REGISTERED, which
 * tells that a number is registered) are lookups by ID number: logged as lookups, and charged
 * to the account's lookup budget like the ID numbers of a GraphQL operation (audit/id-lookups.ts);
 * over the budget, the stream is broken off before the line that carries them. The department
 * stops a run after 20 such answers whatever the budget (common/src/import/engine.ts).
 * The rejected-rows file (导入失败明细) holds the refused rows as typed: the department frames it
 * as an export, and each row's person is in the access log before the file's bytes leave
 * (exports.ts, relayLoggedDownload); a log that cannot be written withholds the file.
 */
export function importsProxy(
  departmentUrl: (name: string) => string | undefined,
  signingKey: string,
  logger: Logger,
  accessLog: AccessLogStore,
  budget: LookupBudget,
  maxBytes = DEFAULT_IMPORT_LIMITS.maxBytes,
) {
  return {
    prefix: IMPORTS_PREFIX,
    methods: ['GET', 'POST'] as const,
    async handle(request: IncomingMessage, response: ServerResponse, url: URL, requestId: string, caller: Caller): Promise<void> {
      const identity = forwardedIdentity(caller, requestId);
      const kind = scopeKind(identity);
      const refusal = personAccessRefusal(identity, kind);
      if (refusal) throw refusal;
      const [department, ...rest] = url.pathname.slice(IMPORTS_PREFIX.length).split('/');
      if (!IMPORTING.has(department) || rest.length === 0)
        throw new HttpError(404, 'not found: POST /imports/<department>/<kind> or GET /imports/<department>/runs/<id>/rejected.xlsx');
      if (kind !== 'region')
        throw forbidden('imports are for department staff of a region; partner cities and institutions record their people through the graph', 'no-region-scope');
      if (identity.department !== department) throw forbidden(`only ${department} staff import ${department} records`, 'other-department');
      if (identity.role === 'viewer') throw forbidden('viewer accounts cannot write', 'read-only');
      const base = departmentUrl(department);
      if (!base) throw new HttpError(503, `the ${department} department is not configured`, 'SUBGRAPH_UNAVAILABLE', { department });
      const body = request.method === 'POST' ? await readBodyBytes(request, maxBytes) : undefined;
      const abort = new AbortController();
      response.on('close', () => abort.abort(new Error('the client went away')));
      let upstream: Response;
      try {
        upstream = await fetch(serviceUrl(base, `${IMPORTS_PREFIX}${rest.join('/')}${url.search}`), {
          method: request.method,
          body,
          headers: { [INTERNAL_IDENTITY_HEADER]: await signInternalIdentity(identity, signingKey), 'x-request-id': requestId, 'content-type': 'application/octet-stream' },
          signal: abort.signal,
        });
      } catch (error) {
        logger.warn({ requestId, error: (error as Error).message }, 'import: the department does not answer');
        throw new HttpError(503, `the ${department} department does not answer; try again shortly`, 'SUBGRAPH_UNAVAILABLE', { department });
      }
      const contentType = upstream.headers.get('content-type') ?? '';
      if (request.method === 'GET' && upstream.status === 200 && upstream.body) {
        // 导入失败明细: the rows as typed (names, ID numbers, phones) — logged person by person as an export is, before its bytes leave.
        const operation = `download ${url.pathname}`.slice(0, 200);
        return relayLoggedDownload({ request, response, upstream, abort, identity, operation, accessLog, logger, requestId, subgraph: department, what: 'rejected-rows file' });
      }
      if (upstream.status !== 200 || !upstream.body || !contentType.startsWith('application/x-ndjson')) {
        // A refusal: the department's answer as it is.
        response.statusCode = upstream.status;
        for (const name of ['content-type', 'content-disposition', 'cache-control']) {
          const value = upstream.headers.get(name);
          if (value) response.setHeader(name, value);
        }
        return void response.end(Buffer.from(await upstream.arrayBuffer()));
      }
      response.statusCode = 200;
      response.setHeader('content-type', IMPORT_STREAM_CONTENT_TYPE);
      response.setHeader('cache-control', 'no-store');
      // The path and whether it is a dry run; not the file name, which is the user's free text
      // (an office names files after people) and would sit in the access log in clear.
      const operation = `import ${url.pathname}${['1', 'true'].includes(url.searchParams.get('dryRun') ?? '') ? ' (dry run)' : ''}`.slice(0, 200);
      const correlationId = correlationIdOf(request) ?? null;
      const lines = createInterface({ input: Readable.fromWeb(upstream.body as import('node:stream/web').ReadableStream), crlfDelay: Infinity });
      for await (const text of lines) {
        if (!text.trim()) continue;
        const line = JSON.parse(text) as ImportStreamLine;
        if (line.type === 'progress') {
          const { people = [], fields = [], lookups = [], ...progress } = line;
          const reads: DepartmentAccess[] = people.map(({ workerId, householdCode, villageCode }) => ({
            subgraph: department,
            ...(workerId ? { workerId } : { householdCode }),
            villageCode,
            fields,
          }));
          for (const workerId of lookups) reads.push({ subgraph: department, workerId, fields: [`lookup:import:${department}`], lookup: 'found' });
          const overBudget = budget.charge(identity.subject, lookups.length);
          if (overBudget) {
            logger.warn(
              { requestId, staff: identity.subject, lookups: lookups.length, max: budget.perMinute },
              'import: lookups by ID number over the account budget; the stream is broken off',
            );
          }
          try {
            await accessLog.append(identity, operation, reads, { correlationId });
            if (overBudget) {
              abort.abort(new Error('over the lookup budget'));
              response.end(
                JSON.stringify({
                  type: 'error',
                  code: 'RATE_LIMITED',
                  message: `too many ID numbers registered outside your area: at most ${budget.perMinute} a minute per account; the import was broken off. The county office (县级) imports such lists`,
                }) + '\n',
              );
              return;
            }
          } catch (error) {
            logger.error({ requestId, error: (error as Error).message }, 'import: the access log could not be written; the stream is broken off');
            abort.abort(error);
            response.end(
              JSON.stringify({
                type: 'error',
                code: 'ACCESS_LOG_UNAVAILABLE',
                message: 'the access log could not be written; the import was broken off. Run the same file again later to complete it',
              }) + '\n',
            );
            return;
          }
          response.write(JSON.stringify(progress) + '\n');
        } else response.write(JSON.stringify(line) + '\n');
      }
      response.end();
    },
  };
}
