import { badInput } from '../errors';
import { writeCsv } from './csv';
import type { ExportResult, ExportSheet } from './types';
import { writeXlsx } from './xlsx';

export const EXPORT_FORMATS = {
  csv: { contentType: 'text/csv; charset=utf-8', extension: 'csv', write: writeCsv },
  xlsx: {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extension: 'xlsx',
    write: writeXlsx,
  },
} as const;

export type ExportFormat = keyof typeof EXPORT_FORMATS;

/** Reads a requested format (query parameter or argument); anything else is a BAD_USER_INPUT naming `field`. */
export function parseExportFormat(value: unknown, field = 'format'): ExportFormat {
  if (typeof value === 'string' && Object.prototype.hasOwnProperty.call(EXPORT_FORMATS, value.toLowerCase())) {
    return value.toLowerCase() as ExportFormat;
  }
  throw badInput(field, `expected one of ${Object.keys(EXPORT_FORMATS).join(', ')}`);
}

/** Writes `sheet` in `format` to `out`; see writeCsv / writeXlsx for streaming and failure. */
export function writeExport<Row>(format: ExportFormat, sheet: ExportSheet<Row>, out: NodeJS.WritableStream): Promise<ExportResult> {
  return EXPORT_FORMATS[format].write(sheet, out);
}

/** RFC 5987 value-chars: encodeURIComponent leaves ' ( ) * unescaped, which attr-char does not allow. */
function encodeExtValue(text: string): string {
  return encodeURIComponent(text).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * Content-Disposition for a download (RFC 6266): `filename*=UTF-8''…` carries the Chinese name,
 * `filename="…"` an ASCII fallback for old clients (non-ASCII runs become '_'; a name left with
 * no letters or digits becomes 'export' + its extension). Control characters, quotes and path
 * separators never reach the header.
 */
export function contentDisposition(fileName: string): string {
  const name =
    fileName
      // eslint-disable-next-line no-control-regex -- strips control characters from a file name on purpose
      .replace(/[\u0000-\u001f\u007f]/g, '')
      .replace(/[/\\]/g, '_')
      .trim() || 'export';
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 && /^\.[A-Za-z0-9]{1,8}$/.test(name.slice(dot)) ? name.slice(dot) : '';
  const base = extension ? name.slice(0, dot) : name;
  let asciiBase = base
    .replace(/[^\x20-\x7e]+/g, '_')
    .replace(/["%;\\]/g, '_')
    .replace(/_+/g, '_')
    .replace(/^[_\s.-]+|[_\s.-]+$/g, '');
  if (!/[A-Za-z0-9]/.test(asciiBase)) asciiBase = 'export';
  return `attachment; filename="${asciiBase}${extension}"; filename*=UTF-8''${encodeExtValue(name)}`;
}
