import type { ServerResponse } from 'node:http';
import { badInput, contentDisposition, EXPORT_FORMATS, parseExportFormat, todayInChina, writeExport, type ExportColumn } from '@jiuye/common';
import type { SituationContext } from '../context';
import { rankedCounty } from '../ranking/ranking.service';
import { assessment } from './assessment.service';
import type { AssessmentRow } from './target.types';

/** Where the situation service serves aggregate tables: under its downloads prefix, apart from the person-level exports (the gateway's /reports/ proxy calls it). */
export const AGGREGATE_EXPORT_PREFIX = '/exports/aggregate/';

type Line = AssessmentRow & { group: string };

const rate = (value: number | null) => (value === null ? null : Math.round(value * 10000) / 10000);

/** 季度考核通报 columns, Chinese headers; an empty cell: no target set, or a figure withheld (dashboards). */
export const ASSESSMENT_COLUMNS: ExportColumn<Line>[] = [
  { header: '类别', value: (r) => r.group },
  { header: '名称', width: 28, value: (r) => r.name },
  { header: '代码', width: 14, value: (r) => (r.group === '乡镇' ? r.key : null) },
  { header: '帮扶村数', kind: 'number', value: (r) => r.villageCodes.length },
  { header: '年度目标', kind: 'number', value: (r) => r.yearTarget },
  { header: '季度目标', kind: 'number', value: (r) => r.quarterTarget },
  { header: '本季度完成', kind: 'number', value: (r) => r.quarterActual.value },
  { header: '季度完成率', kind: 'number', value: (r) => rate(r.quarterRate) },
  { header: '年累计完成', kind: 'number', value: (r) => r.yearToDate.value },
  { header: '年度完成率', kind: 'number', value: (r) => rate(r.yearRate) },
  { header: '稳岗人数', kind: 'number', value: (r) => r.retention.numerator },
  { header: '稳岗基数', kind: 'number', value: (r) => r.retention.denominator },
  { header: '稳岗率', kind: 'number', value: (r) => rate(r.retention.value) },
  { header: '名次', kind: 'number', value: (r) => r.rank },
];

/**
 * GET /exports/aggregate/assessment.xlsx?county=…&quarter=… — the quarterly assessment as the
 * xlsx a county circulates (通报): the same table as Query.assessment, for the same accounts (any
 * account of the county, dashboards with their suppressed cells). Aggregates only: no person is
 * read, so the file is not framed for the access log; the export itself is recorded in export_log.
 */
export async function handleAggregateExport(context: SituationContext, url: URL, response: ServerResponse): Promise<void> {
  const match = /^\/exports\/aggregate\/([a-z-]+)\.([a-z]+)$/.exec(url.pathname);
  if (!match || match[1] !== 'assessment') throw badInput('path', 'expected /reports/assessment.xlsx?county=…&quarter=YYYY-Qn');
  const format = parseExportFormat(match[2], 'format');
  const county = await rankedCounty(context.loaders, context.access, context.identity.region, url.searchParams.get('county'));
  const sql = context.loaders.sql;
  const threshold = context.identity.department === 'dashboard' ? context.config.suppressionThreshold : null;
  const table = await assessment(sql, county, url.searchParams.get('quarter') ?? '', threshold);
  const lines: Line[] = [...table.townships.map((r) => ({ ...r, group: '乡镇' })), ...table.units.map((r) => ({ ...r, group: '挂包责任单位' }))];
  const logged = await sql.one<{ id: number }>(
    `insert into export_log (staff, department, purpose, request_id, view, kind, region, format) values ($1, $2, $3, $4, 'assessment', $5, $6, $7) returning id`,
    [context.identity.subject, context.identity.department, context.identity.purpose ?? '', context.requestId, table.quarter, county.code, format],
  );
  const title = '转移就业季度考核通报';
  response.statusCode = 200;
  response.setHeader('content-type', EXPORT_FORMATS[format].contentType);
  response.setHeader('content-disposition', contentDisposition(`${title}_${county.code}_${table.quarter}.${EXPORT_FORMATS[format].extension}`));
  response.setHeader('cache-control', 'no-store');
  try {
    const result = await writeExport(
      format,
      {
        title,
        preamble: [
          `${county.name}${table.label}转移就业考核通报（${county.code}）`,
          `导出时间：${new Date().toISOString()}；数据日期：${todayInChina()}；完成率 = 完成数 ÷ 目标；空白：未下达目标${threshold === null ? '' : `，或小于${threshold}的数已抑制`}`,
        ],
        columns: ASSESSMENT_COLUMNS,
        rows: [lines],
      },
      response,
    );
    await sql.rows(`update export_log set rows = $2, finished_at = now(), outcome = 'COMPLETED' where id = $1`, [logged!.id, result.rows]);
  } catch (error) {
    response.destroy(error as Error);
    await sql.rows(`update export_log set finished_at = now(), outcome = 'FAILED' where id = $1`, [logged!.id]).catch(() => undefined);
    context.logger.error({ requestId: context.requestId, view: 'assessment', error: (error as Error).message }, 'export failed');
  }
}
