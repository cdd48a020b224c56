import type { ServerResponse } from 'node:http';
import {
  badInput,
  contentDisposition,
  EXPORT_FORMATS,
  EXPORT_FRAMING,
  EXPORT_FRAMING_HEADER,
  FramedExport,
  isLocalDate,
  parseExportFormat,
  todayInChina,
  writeExport,
  type ExportedPerson,
  type ExportFormat,
  type ExportSheet,
} from '@jiuye/common';
import type { SituationContext } from '../context';
import { zeroEmploymentBatches } from '../household/zero-employment.service';
import { resolveAsOf } from '../history/as-of';
import type { HouseholdRecord } from '../household/zero-employment.types';
import { resolveRegion } from '../region/region.service';
import type { Region } from '../region/region.types';
import { RosterKindVocabulary, type RosterKind } from '../roster/roster-kinds';
import { checkNoServiceWithinDays, rosterBatches } from '../roster/roster.service';
import { conflictColumns, loggedFields, rosterColumns, taskColumns, warningColumns, zeroEmploymentColumns } from './export.columns';
import { regionTaskBatches, type TaskWithPerson } from '../task/task.service';
import { TaskKindVocabulary, TaskStatusVocabulary } from '../task/task.types';
import { warningBatches } from '../warning/warning.service';
import { EarlyWarning } from '../warning/warning.types';
import { conflictBatches } from '../conflict/conflict.service';
import { Conflict } from '../conflict/conflict.types';
import { AGGREGATE_EXPORT_PREFIX, handleAggregateExport } from '../target/assessment.export';

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

/** What a path asks for: /exports/roster.xlsx?kind=POOR_LABOURERS&region=530113101 or /exports/zero-employment.csv?region=… */
async function plan(context: SituationContext, url: URL): Promise<{ view: string; plan: Plan; format: ExportFormat; region: Region; asOf: string | null }> {
  const match = /^\/exports\/([a-z-]+)\.([a-z]+)$/.exec(url.pathname);
  if (!match) throw badInput('path', 'expected /exports/roster.xlsx|csv?kind=…&region=…, or zero-employment, warnings, conflicts or tasks .xlsx|csv?region=…');
  const [, view, extension] = match;
  const format = parseExportFormat(extension, 'format');
  context.access.requirePersonAccess();
  const region = await resolveRegion(context.loaders, context.access, url.searchParams.get('region'), 'person');
  // Rosters and zero-employment households also as of the end of a past day (history/as-of.ts).
  const asOfParameter = url.searchParams.get('asOf');
  if (asOfParameter !== null && !isLocalDate(asOfParameter)) throw badInput('asOf', 'expected a date written YYYY-MM-DD');
  const asOf = await resolveAsOf(context.loaders.sql, asOfParameter);
  if (asOf && view !== 'roster' && view !== 'zero-employment') throw badInput('asOf', 'only the roster and zero-employment exports answer as of a past day');
  // 一人一案: the roster's filter "no service in the last N days", as the query takes it.
  const daysParameter = url.searchParams.get('noServiceWithinDays');
  if (daysParameter !== null && view !== 'roster') throw badInput('noServiceWithinDays', 'only the roster export takes noServiceWithinDays');
  // Digits only (Number('') is 0, Number('1e2') is 100): anything else is refused by the same check as the query's.
  const noServiceWithinDays = daysParameter === null ? null : checkNoServiceWithinDays(/^[0-9]{1,6}$/.test(daysParameter) ? Number(daysParameter) : NaN);
  const today = asOf?.day ?? todayInChina();
  const sql = context.loaders.sql;
  const sheet = <Row extends object>(title: string, columns: ExportSheet<Row & { row: number }>['columns'], rows: AsyncIterable<Row[]>): ExportSheet<any> => ({
    title,
    preamble: [`${title}（${region.name} ${region.code}）`, `导出时间：${new Date().toISOString()}；数据日期：${today}`],
    columns,
    rows: numbered(rows),
  });
  const planned = (plan: Plan) => ({ view, plan, format, region, asOf: asOf?.day ?? null });
  switch (view) {
    case 'roster': {
      const kind = url.searchParams.get('kind');
      if (!kind || !(RosterKindVocabulary.values as string[]).includes(kind)) {
        throw badInput('kind', `expected one of ${RosterKindVocabulary.values.join(', ')}`);
      }
      const label = RosterKindVocabulary.labels[kind as RosterKind].replace(/^[^：]*：/, '');
      const title = noServiceWithinDays === null ? label : `${label}（近${noServiceWithinDays}天无服务记录）`;
      const columns = rosterColumns(context.access, today);
      const batches = rosterBatches(sql, kind as RosterKind, region, asOf, noServiceWithinDays);
      return planned({ kind, sheet: sheet(title, columns, batches), subjectOf: itself });
    }
    case 'zero-employment':
      return planned({
        kind: null,
        sheet: sheet('零就业家庭名单', zeroEmploymentColumns(context.access), zeroEmploymentBatches(sql, region, asOf)),
        subjectOf: (h: HouseholdRecord) => ({ worker_id: null, household_code: h.code, village_code: h.village_code }),
      });
    case 'warnings':
      return planned({
        kind: null,
        sheet: sheet(
          '预警清单',
          warningColumns(context.access),
          mapped(warningBatches(sql, region), (row) => new EarlyWarning(row.warning, row.person)),
        ),
        subjectOf: ofRecord,
      });
    case 'conflicts':
      return planned({
        kind: null,
        sheet: sheet(
          '数据比对冲突清单',
          conflictColumns(context.access),
          mapped(conflictBatches(sql, region, { status: null }), (row) => new Conflict(row.conflict, row.person)),
        ),
        subjectOf: ofRecord,
      });
    case 'tasks': {
      // 区域任务 with the tasks query's filters (status, kind, assignee, overdue), to the day drawn for.
      const filter = <T extends string>(name: string, values: readonly T[]): T | null => {
        const value = url.searchParams.get(name);
        if (value === null) return null;
        if (!(values as readonly string[]).includes(value)) throw badInput(name, `expected one of ${values.join(', ')}`);
        return value as T;
      };
      const status = filter('status', TaskStatusVocabulary.values);
      const kind = filter('kind', TaskKindVocabulary.values);
      const overdue = filter('overdue', ['true', 'false'] as const);
      const assignee = url.searchParams.get('assignee');
      const batches = regionTaskBatches(sql, { region, status, kind, assignee, overdue: overdue === null ? null : overdue === 'true' }, today);
      return planned({
        kind: null,
        sheet: sheet('任务清单', taskColumns(context.access, today), batches),
        subjectOf: ({ task }: TaskWithPerson) => ({ worker_id: task.worker_id, household_code: task.household_code, village_code: task.village_code }),
      });
    }
    default:
      throw badInput('path', `no export named ${view}; available: roster, zero-employment, warnings, conflicts, tasks`);
  }
}

/**
 * GET /exports/…: the same access rules as the graph (department staff of the region with a
 * purpose), streamed in keyset batches of 500 rows so that a county export holds one batch in
 * memory. Every export is recorded in export_log (who, purpose, view, region, rows, outcome).
 *
 * The answer is the gateway's framed stream (common/src/export/frames.ts): what each person's
 * entry in the access log names (the exported columns), then per page the page's people before
 * the bytes of its rows, and END once the file is whole. The gateway logs each page's people
 * before it passes on the bytes that follow them, so a download broken off at any point has
 * logged at least everyone it delivered.
 */
export async function handleExport(context: SituationContext, url: URL, response: ServerResponse): Promise<void> {
  // Aggregate tables (the quarterly assessment), reached through the gateway's /reports/: no people, no framing.
  if (url.pathname.startsWith(AGGREGATE_EXPORT_PREFIX)) return handleAggregateExport(context, url, response);
  // A bad path, kind or region, or a refused account, throws before any byte is sent (common/src/http.ts answers it).
  const {
    view,
    plan: { kind, sheet, subjectOf },
    format,
    region,
    asOf,
  } = await plan(context, url);
  const sql = context.loaders.sql;
  const logged = await sql.one<{ id: number }>(
    `insert into export_log (staff, department, purpose, request_id, view, kind, region, format, as_of) values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
    [context.identity.subject, context.identity.department, context.identity.purpose ?? '', context.requestId, view, kind, region.code, format, asOf],
  );
  const fileName = `${sheet.title}_${region.code}_${asOf ?? todayInChina()}.${EXPORT_FORMATS[format].extension}`;
  response.statusCode = 200;
  response.setHeader('content-type', EXPORT_FORMATS[format].contentType);
  response.setHeader('content-disposition', contentDisposition(fileName));
  response.setHeader('cache-control', 'no-store');
  response.setHeader(EXPORT_FRAMING_HEADER, EXPORT_FRAMING);
  const framed = new FramedExport(response);
  try {
    framed.head({ fields: loggedFields(sheet.columns) });
    // The first page is read (and its people announced) before the writer writes a byte.
    const rows = await announced(sheet.rows as AsyncIterable<any[]>, subjectOf, framed);
    const result = await writeExport(format, { ...sheet, rows }, framed.out);
    framed.finish(result.rows);
    await sql.rows(`update export_log set rows = $2, finished_at = now(), outcome = 'COMPLETED' where id = $1`, [logged!.id, result.rows]);
  } catch (error) {
    // Headers are gone: the only honest signal left is a broken download (no END frame).
    response.destroy(error as Error);
    await sql.rows(`update export_log set finished_at = now(), outcome = 'FAILED' where id = $1`, [logged!.id]).catch(() => undefined);
    context.logger.error({ requestId: context.requestId, view, error: (error as Error).message }, 'export failed');
  }
}

/**
 * The pages, each announced (its people in a PEOPLE frame) when the writer asks for it, before
 * any of its rows reach the writer. The first page is read and announced before this resolves.
 */
async function announced<T>(batches: AsyncIterable<T[]>, subjectOf: (row: T) => ExportedSubject, framed: FramedExport): Promise<AsyncIterable<T[]>> {
  const iterator = batches[Symbol.asyncIterator]();
  const announce = async (): Promise<IteratorResult<T[]>> => {
    const next = await iterator.next();
    if (!next.done) {
      framed.people(
        next.value.map((row): ExportedPerson => {
          const subject = subjectOf(row);
          return [subject.worker_id, subject.worker_id ? null : subject.household_code, subject.village_code];
        }),
      );
    }
    return next;
  };
  const first = await announce();
  return (async function* () {
    let next = first;
    try {
      while (!next.done) {
        yield next.value;
        next = await announce();
      }
    } finally {
      if (!next.done) await iterator.return?.();
    }
  })();
}
