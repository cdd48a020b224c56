import type { ServerResponse } from 'node:http';
import { badInput, contentDisposition, HttpError, EXPORT_FORMATS, parseExportFormat, todayInChina, writeExport, type ExportFormat, type ExportSheet } from '@jiuye/common';
import type { SituationContext } from '../context';
import { zeroEmploymentBatches, type HouseholdRecord } from '../household/zero-employment';
import type { Sql } from '../db';
import { resolveRegion, type Region } from '../region/region';
import { RosterKindVocabulary, type RosterKind } from '../roster/roster-kinds';
import { rosterBatches } from '../roster/roster.service';
import { conflictColumns, rosterColumns, warningColumns, zeroEmploymentColumns } from './export.columns';
import { warningBatches } from '../warning/warning.service';
import { EarlyWarning } from '../warning/warning.types';
import { conflictBatches } from '../conflict/conflict.service';
import { Conflict } from '../conflict/conflict.types';

export const EXPORT_PREFIX = '/exports/';

function numbered<T extends object>(batches: AsyncIterable<T[]>): AsyncIterable<(T & { row: number })[]> {
  return (async function* () {
    let row = 0;
    for await (const batch of batches) yield batch.map((item) => Object.assign(item, { row: ++row }));
  })();
}

async function* mapped<T, U>(batches: AsyncIterable<T[]>, map: (item: T) => U): AsyncIterable<U[]> {
  for await (const batch of batches) yield batch.map(map);
}

interface Plan {
  /** roster's kind, else null */
  kind: string | null;
  sheet: ExportSheet<any>;
  /** Who a row is about, for the access log. */
  subjectOf(row: any): ExportedSubject;
}

interface ExportedSubject {
  worker_id: string | null;
  household_code: string | null;
  village_code: string;
}

/** Rows that carry their subject's keys themselves (roster rows; warnings and conflicts in their record). */
const itself = (row: ExportedSubject) => row;
const ofRecord = (row: { record: ExportedSubject }) => row.record;

export const EXPORT_PEOPLE_PATH = '/internal/export-people';
const EXPORT_PEOPLE_PAGE = 5000;

/** What a path asks for: /exports/roster.xlsx?kind=POOR_LABOURERS&region=530113101 or /exports/zero-employment.csv?region=… */
async function plan(context: SituationContext, url: URL): Promise<{ view: string; plan: Plan; format: ExportFormat; region: Region }> {
  const match = /^\/exports\/([a-z-]+)\.([a-z]+)$/.exec(url.pathname);
  if (!match) throw badInput('path', 'expected /exports/roster.xlsx|csv?kind=…&region=…, or zero-employment, warnings or conflicts .xlsx|csv?region=…');
  const [, view, extension] = match;
  const format = parseExportFormat(extension, 'format');
  context.access.requirePersonAccess();
  const region = await resolveRegion(context.loaders, context.access, url.searchParams.get('region'), 'person');
  const today = todayInChina();
  const sql = context.loaders.sql;
  const sheet = <Row extends object>(title: string, columns: ExportSheet<Row & { row: number }>['columns'], rows: AsyncIterable<Row[]>): ExportSheet<any> => ({
    title,
    preamble: [`${title}（${region.name} ${region.code}）`, `导出时间：${new Date().toISOString()}；数据日期：${today}`],
    columns,
    rows: numbered(rows),
  });
  const planned = (plan: Plan) => ({ view, plan, format, region });
  switch (view) {
    case 'roster': {
      const kind = url.searchParams.get('kind');
      if (!kind || !(RosterKindVocabulary.values as string[]).includes(kind)) {
        throw badInput('kind', `expected one of ${RosterKindVocabulary.values.join(', ')}`);
      }
      const title = RosterKindVocabulary.labels[kind as RosterKind].replace(/^[^：]*：/, '');
      const columns = rosterColumns(context.access, today);
      return planned({ kind, sheet: sheet(title, columns, rosterBatches(sql, kind as RosterKind, region)), subjectOf: itself });
    }
    case 'zero-employment':
      return planned({
        kind: null,
        sheet: sheet('零就业家庭名单', zeroEmploymentColumns(context.access), zeroEmploymentBatches(sql, region)),
        subjectOf: (h: HouseholdRecord) => ({ worker_id: null, household_code: h.code, village_code: h.village_code }),
      });
    case 'warnings':
      return planned({
        kind: null,
        sheet: sheet('预警清单', warningColumns(context.access), mapped(warningBatches(sql, region), (row) => new EarlyWarning(row.warning, row.person))),
        subjectOf: ofRecord,
      });
    case 'conflicts':
      return planned({
        kind: null,
        sheet: sheet('数据比对冲突清单', conflictColumns(context.access), mapped(conflictBatches(sql, region, { status: null }), (row) => new Conflict(row.conflict, row.person))),
        subjectOf: ofRecord,
      });
    default:
      throw badInput('path', `no export named ${view}; available: roster, zero-employment, warnings, conflicts`);
  }
}

/**
 * GET /exports/…: the same access rules as the graph (department staff of the region with a
 * purpose), streamed in keyset batches of 500 rows so that a county export holds one batch in
 * memory. Every export is recorded in export_log (who, purpose, view, region, rows).
 */
export async function handleExport(context: SituationContext, url: URL, response: ServerResponse): Promise<void> {
  // A bad path, kind or region, or a refused account, throws before any byte is sent (common/src/http.ts answers it).
  const { view, plan: { kind, sheet, subjectOf }, format, region } = await plan(context, url);
  const sql = context.loaders.sql;
  const logged = await sql.one<{ id: number }>(
    `insert into export_log (staff, department, purpose, request_id, view, kind, region, format) values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
    [context.identity.subject, context.identity.department, context.identity.purpose ?? '', context.requestId, view, kind, region.code, format],
  );
  const fileName = `${sheet.title}_${region.code}_${todayInChina()}.${EXPORT_FORMATS[format].extension}`;
  response.statusCode = 200;
  response.setHeader('content-type', EXPORT_FORMATS[format].contentType);
  response.setHeader('content-disposition', contentDisposition(fileName));
  response.setHeader('cache-control', 'no-store');
  response.setHeader('x-export-id', String(logged!.id));
  try {
    // The writer ends the response itself and resolves once it has finished.
    const result = await writeExport(format, { ...sheet, rows: recorded(sql, logged!.id, sheet.rows as AsyncIterable<any[]>, subjectOf) }, response);
    await sql.rows(`update export_log set rows = $2, finished_at = now(), outcome = 'COMPLETED' where id = $1`, [logged!.id, result.rows]);
  } catch (error) {
    // Headers are gone: the only honest signal left is a broken download.
    response.destroy(error as Error);
    await sql.rows(`update export_log set finished_at = now(), outcome = 'FAILED' where id = $1`, [logged!.id]).catch(() => undefined);
    context.logger.error({ requestId: context.requestId, view, error: (error as Error).message }, 'export failed');
  }
}

/** Notes who each batch is about (export_person) before the batch is written out. */
async function* recorded<T>(sql: Sql, exportId: number, batches: AsyncIterable<T[]>, subjectOf: (row: T) => ExportedSubject): AsyncGenerator<T[]> {
  for await (const batch of batches) {
    const subjects = batch.map(subjectOf);
    await sql.rows(
      `insert into export_person (export_id, worker_id, household_code, village_code)
       select $1, w, h, v from unnest($2::text[], $3::text[], $4::text[]) as s(w, h, v)`,
      [exportId, subjects.map((s) => s.worker_id), subjects.map((s) => s.household_code), subjects.map((s) => s.village_code)],
    );
    yield batch;
  }
}

/**
 * POST /internal/export-people {exportId, after}: who was in a completed export, a page at a
 * time, for the gateway's access log. Only the staff member who made the export may ask.
 */
export async function exportPeople(context: SituationContext, body: unknown): Promise<{ people: { workerId: string | null; householdCode: string | null; villageCode: string }[]; next: number | null }> {
  const { exportId, after } = (body ?? {}) as { exportId?: unknown; after?: unknown };
  if (typeof exportId !== 'number' || !Number.isInteger(exportId) || (after != null && (typeof after !== 'number' || !Number.isInteger(after)))) {
    throw new HttpError(400, 'exportId: expected the x-export-id of an export and the next value returned');
  }
  const sql = context.loaders.sql;
  const owner = await sql.one<{ staff: string }>(`select staff from export_log where id = $1 and request_id = $2`, [exportId, context.requestId]);
  if (!owner || owner.staff !== context.identity.subject) throw new HttpError(403, 'exportId: not an export of this request');
  const rows = await sql.rows<{ id: number; worker_id: string | null; household_code: string | null; village_code: string }>(
    `select id, worker_id, household_code, village_code from export_person where export_id = $1 and id > $2 order by id limit $3`,
    [exportId, after ?? 0, EXPORT_PEOPLE_PAGE],
  );
  return {
    people: rows.map((r) => ({ workerId: r.worker_id, householdCode: r.household_code, villageCode: r.village_code })),
    next: rows.length === EXPORT_PEOPLE_PAGE ? rows[rows.length - 1].id : null,
  };
}
