import type { IncomingMessage, ServerResponse } from 'node:http';
import { once } from 'node:events';
import type { Department } from '../departments';
import { contentDisposition } from '../export/formats';
import { EXPORT_FRAMING, EXPORT_FRAMING_HEADER, FramedExport, type ExportedPerson } from '../export/frames';
import { notFound } from '../errors';
import { HttpError, readBodyBytes } from '../http';
import type { SubgraphContext } from '../subgraph';
import { findImportRun, rejectedRowsOf, runImport, type ImportKind } from './engine';
import { DEFAULT_IMPORT_LIMITS, ImportFileError, type ImportLimits } from './limits';
import { writeRejectedRows } from './rejected';
import { IMPORT_STREAM_CONTENT_TYPE, type ImportStreamLine } from './stream';

/** One importable kind of a department, as its endpoint serves it. */
export interface ImportEndpointKind<TLoaders> {
  /** Checks that the caller may import this kind (throws FORBIDDEN / PURPOSE_REQUIRED) and builds it for the request's scope. */
  build(context: SubgraphContext<TLoaders>): ImportKind<string, unknown>;
  /** What the access log records as read and written for each person of a batch, e.g. Worker.sixClarities. */
  fields: string[];
}

export interface ImportEndpointOptions {
  department: Department;
  limits?: ImportLimits;
  batchSize?: number;
}

const REJECTED_PATH = /^runs\/([0-9a-f-]{36})\/rejected\.xlsx$/;

/**
 * A department's import endpoint (SubgraphModule.imports), behind the gateway's signed identity:
 *   POST /imports/<kind>?dryRun=1&fileName=…  the file as the body → NDJSON: start, a progress line
 *       per committed batch (with its people, for the gateway's access log), then the report;
 *   GET  /imports/runs/<id>/rejected.xlsx      导入失败明细 of a run, to the account that ran it or
 *       the department's staff of its county; anyone else gets the NOT_FOUND a missing run gets.
 *       The file carries personal data (the rows as typed), so it is framed as an export is
 *       (common/src/export/frames.ts): the people its rows are about come before its bytes, and
 *       the gateway logs them before it passes the file on.
 * A file refused whole (unreadable, a required column missing, beyond the limits) answers 400
 * before anything is written but the run's absence.
 */
export function importEndpoint<TLoaders>(kinds: Record<string, ImportEndpointKind<TLoaders>>, options: ImportEndpointOptions) {
  const limits = options.limits ?? DEFAULT_IMPORT_LIMITS;
  return {
    async handle(context: SubgraphContext<TLoaders>, request: IncomingMessage, url: URL, response: ServerResponse): Promise<void> {
      const path = url.pathname.slice('/imports/'.length);
      const rejected = REJECTED_PATH.exec(path);
      if (request.method === 'GET') {
        if (!rejected) throw new HttpError(404, 'not found: GET /imports/runs/<id>/rejected.xlsx');
        return sendRejected(context, options.department, rejected[1], response, (kindName) => (Object.hasOwn(kinds, kindName) ? kinds[kindName].fields : []));
      }
      const kind = Object.hasOwn(kinds, path) ? kinds[path] : undefined;
      if (!kind) throw new HttpError(404, `no import of that kind here; ${options.department} imports: ${Object.keys(kinds).join(', ')}`, 'NOT_FOUND');
      const built = kind.build(context);
      const bytes = await readBodyBytes(request, limits.maxBytes);
      const dryRun = ['1', 'true'].includes(url.searchParams.get('dryRun') ?? '');
      const fileName = (url.searchParams.get('fileName') ?? 'upload').slice(0, 200);
      const { identity, logger, requestId } = context;
      // The gateway logs each batch's people as it passes the line on: when it (or its client) goes away, no further batch is started.
      let gone = false;
      response.on('close', () => (gone = !response.writableFinished));
      const write = async (line: ImportStreamLine) => {
        if (gone) throw new ClientGone();
        if (!response.headersSent) {
          response.statusCode = 200;
          response.setHeader('content-type', IMPORT_STREAM_CONTENT_TYPE);
          response.setHeader('cache-control', 'no-store');
        }
        if (!response.write(JSON.stringify(line) + '\n')) await Promise.race([once(response, 'drain'), once(response, 'close')]);
      };
      try {
        const report = await runImport(context.em, built, {
          fileName,
          bytes,
          dryRun,
          account: identity.subject,
          region: identity.region ?? null,
          limits,
          batchSize: options.batchSize,
          onBatch: ({ done, total, counts, groupCounts, people, lookups }) =>
            write({ type: 'progress', done, total, counts, ...(groupCounts ? { groupCounts } : {}), people, fields: kind.fields, lookups }),
        });
        logger.info({ requestId, staff: identity.subject, runId: report.runId, kind: report.kind, dryRun, counts: report.counts }, 'import finished');
        await write({ type: 'report', report });
        response.end();
      } catch (error) {
        if (error instanceof ImportFileError) {
          if (!response.headersSent) throw new HttpError(400, error.message, 'BAD_USER_INPUT', { reason: error.reason, ...error.details });
          await write({ type: 'error', message: error.message, code: 'BAD_USER_INPUT' });
          return void response.end();
        }
        if (error instanceof ClientGone) return void logger.warn({ requestId, staff: identity.subject }, 'import stopped: the caller went away; the batches before are written');
        if (!response.headersSent) throw error;
        // Batches already committed stay (each whole); the run is marked failed. The cause goes to the log, not the client.
        logger.error({ requestId, error: (error as Error).message }, 'import broke off');
        await write({
          type: 'error',
          message: 'the import broke off; the batches reported so far are written. Run the same file again to complete it',
          code: 'INTERNAL_SERVER_ERROR',
        });
        response.end();
      }
    },
  };
}

class ClientGone extends Error {
  constructor() {
    super('the caller went away');
  }
}

async function sendRejected<TLoaders>(
  context: SubgraphContext<TLoaders>,
  department: Department,
  runId: string,
  response: ServerResponse,
  fieldsOf: (kind: string) => string[],
): Promise<void> {
  const { identity, access, em } = context;
  access.requireDepartment(department, 'imports');
  const run = await findImportRun(em, runId);
  // The account that ran it, or its county's staff (a region of at most six digits that holds the run's).
  const county = identity.region && identity.region.length <= 6 && identity.role !== 'village_assistant' ? identity.region : null;
  const allowed = run !== null && (run.account === identity.subject || (county !== null && (run.region ?? '').startsWith(county)));
  const rows = await rejectedRowsOf(em, allowed ? runId : '00000000-0000-0000-0000-000000000000');
  if (!run || !allowed) throw notFound('import run');
  const bytes = await writeRejectedRows(run.labels, rows);
  // Whom the file's rows describe: each row's person as its cells told at import; a row that
  // identifies nobody still counts as a read in the run's region. Rows whose cells the
  // retention cleared carry no personal data and no entry.
  const people: ExportedPerson[] = rows
    .filter((row) => row.cells.length > 0)
    .map((row): ExportedPerson => (row.person && (row.person[0] || row.person[1]) ? row.person : [null, null, run.region ?? '']));
  response.statusCode = 200;
  response.setHeader('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  response.setHeader('content-disposition', contentDisposition(`导入失败明细-${run.fileName.replace(/\.[^.]*$/, '')}.xlsx`));
  response.setHeader('cache-control', 'no-store');
  response.setHeader(EXPORT_FRAMING_HEADER, EXPORT_FRAMING);
  const framed = new FramedExport(response);
  framed.head({ fields: ['ImportRow.cells', ...fieldsOf(run.kind)] });
  // In pieces well below the frame limit (a run may reject 200,000 rows).
  for (let start = 0; start < people.length; start += 5000) framed.people(people.slice(start, start + 5000));
  for (let start = 0; start < bytes.length; start += 1 << 20) {
    const chunk = bytes.subarray(start, start + (1 << 20));
    await new Promise<void>((resolve, reject) => framed.out.write(chunk, (error) => (error ? reject(error) : resolve())));
  }
  framed.finish(rows.length);
}
