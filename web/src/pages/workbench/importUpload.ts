import { currentSession } from '../../auth/session';
import { MAX_IMPORT_BYTES } from './importKinds';

/** What an import reports (common/src/import/engine.ts ImportReport): counts and the refused lines, never their cells. */
export interface ImportCounts {
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
}
export interface RejectedLine {
  line: number;
  column: string | null;
  reason: string;
}
export interface ImportReport {
  runId: string;
  kind: string;
  fileName: string;
  sha256: string;
  dryRun: boolean;
  format: string;
  encoding: string | null;
  counts: ImportCounts;
  unknownColumns: string[];
  rejected: RejectedLine[];
  rejectedTruncated: boolean;
  groupCounts?: ImportCounts & { groups?: number };
}
export interface ImportProgress {
  done: number;
  total: number;
  counts?: ImportCounts;
}

/** A file refused before or while importing, in Chinese for the form. */
export class ImportRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportRefused';
  }
}

type Refusal = { message?: string; extensions?: { code?: string; reason?: string; missing?: string[]; column?: string; maxRows?: number } };

const REASONS: Record<string, (error: Refusal) => string> = {
  TOO_LARGE: () => `文件超过 ${MAX_IMPORT_BYTES / 1048576} MB，请拆分后分批导入`,
  TOO_MANY_ROWS: (error) => `文件行数超过上限${error.extensions?.maxRows ? ` ${error.extensions.maxRows} 行` : ''}，请拆分后分批导入`,
  ZIP_BOMB: () => '该 xlsx 文件解压后过大或结构异常，已拒绝；请另存为正常的 xlsx 或 CSV',
  NOT_A_SPREADSHEET: () => '文件无法读取：只接受 xlsx（Excel 2007 及以后）或 CSV；旧版 .xls 请另存为 .xlsx',
  NO_HEADER: () => '未找到表头行：请使用县级表格的列名（中文）或接口字段名',
  MISSING_COLUMNS: (error) => `缺少必填列：${(error.extensions?.missing ?? []).join('、') || '（见说明）'}`,
  DUPLICATE_COLUMN: (error) => `列「${error.extensions?.column ?? ''}」出现了两次`,
  EMPTY: () => '文件为空或没有数据行',
  REGISTERED_ELSEWHERE: () => '本文件中登记在本辖区以外的身份证号过多，导入已停止；请由县级统一导入',
};

const CODES: Record<string, string> = {
  FORBIDDEN: '无权导入',
  PURPOSE_REQUIRED: '请先声明使用目的',
  UNAUTHENTICATED: '登录已失效，请重新登录',
  RATE_LIMITED: '本辖区以外的身份证号过多，超出每分钟查询限额，导入已中断；请由县级统一导入',
  ACCESS_LOG_UNAVAILABLE: '访问日志暂时无法写入，导入已中断；已提交的批次已写入，请稍后用同一文件重新导入以补全',
  INTERNAL_SERVER_ERROR: '导入中断：已提交的批次已写入，请用同一文件重新导入以补全',
  SUBGRAPH_UNAVAILABLE: '业务系统暂时无法连接，请稍后再试',
  NOT_FOUND: '没有这种导入',
};

/** The Chinese text for a refusal: the file's problem by its reason, else the code's, with the server's detail. */
export function refusalText(error: Refusal, status?: number): string {
  const reason = error.extensions?.reason;
  if (reason && REASONS[reason]) return REASONS[reason](error);
  if (status === 413) return REASONS.TOO_LARGE(error);
  const code = error.extensions?.code;
  if (code && CODES[code]) return `${CODES[code]}${error.message && code === 'FORBIDDEN' ? `（${error.message}）` : ''}`;
  return `导入被拒绝${status ? `（HTTP ${status}）` : ''}${error.message ? `：${error.message}` : ''}`;
}

/** Checked before sending: the type by its name and the size, so an obviously wrong file never leaves the page. */
export function checkFile(file: File): string | null {
  const name = file.name.toLowerCase();
  if (name.endsWith('.xls')) return '不支持旧版 .xls 文件，请在 Excel 中另存为 .xlsx（Excel 2007 及以后）或 CSV';
  if (!name.endsWith('.xlsx') && !name.endsWith('.csv')) return '只能导入 xlsx 或 CSV 文件';
  if (file.size === 0) return REASONS.EMPTY({});
  if (file.size > MAX_IMPORT_BYTES) return REASONS.TOO_LARGE({});
  return null;
}

/**
 * POST /imports/<department>/<kind>?dryRun=1&fileName=… with the account's token and purpose
 * (like exportFile.ts), reading the NDJSON answer as it comes: onProgress per committed batch,
 * the report at the end. A refusal (before or during the stream) throws ImportRefused.
 */
export async function uploadImport(
  options: { department: string; kind: string; file: File; dryRun: boolean; purpose: string; signal?: AbortSignal },
  onProgress: (progress: ImportProgress) => void,
): Promise<ImportReport> {
  const { department, kind, file, dryRun, purpose, signal } = options;
  const token = currentSession()?.token;
  const query = new URLSearchParams({ fileName: file.name, ...(dryRun ? { dryRun: '1' } : {}) });
  let response: Response;
  try {
    response = await fetch(`/imports/${encodeURIComponent(department)}/${encodeURIComponent(kind)}?${query}`, {
      method: 'POST',
      body: file,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'x-purpose': purpose, 'content-type': 'application/octet-stream' },
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ImportRefused('网络错误：无法连接到服务器，请稍后再试');
  }
  if (response.status !== 200 || !response.body || !(response.headers.get('content-type') ?? '').startsWith('application/x-ndjson')) {
    const body = (await response.json().catch(() => null)) as { errors?: Refusal[] } | null;
    throw new ImportRefused(refusalText(body?.errors?.[0] ?? {}, response.status));
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  let report: ImportReport | null = null;
  for (;;) {
    const { value, done } = await reader.read();
    if (value) buffered += value;
    const lines = buffered.split('\n');
    buffered = done ? '' : (lines.pop() ?? '');
    for (const text of lines) {
      if (!text.trim()) continue;
      const line = JSON.parse(text) as
        | { type: 'start'; total: number }
        | { type: 'progress'; done: number; total: number; counts: ImportCounts }
        | { type: 'report'; report: ImportReport }
        | { type: 'error'; message: string; code: string };
      if (line.type === 'start') onProgress({ done: 0, total: line.total });
      else if (line.type === 'progress') onProgress({ done: line.done, total: line.total, counts: line.counts });
      else if (line.type === 'report') report = line.report;
      else throw new ImportRefused(refusalText({ message: line.message, extensions: { code: line.code } }));
    }
    if (done) break;
  }
  if (!report) throw new ImportRefused('连接在导入报告之前中断：已提交的批次已写入，请用同一文件重新导入以补全');
  return report;
}
