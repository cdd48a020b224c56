import { readCsv } from './csv';
import { mapHeader, type HeaderMap, type ImportColumn } from './columns';
import { DEFAULT_IMPORT_LIMITS, ImportFileError, type ImportLimits } from './limits';
import type { RawCell, SheetRow } from './sheet';
import { readXlsx } from './xlsx';

export type SpreadsheetFormat = 'xlsx' | 'csv';

/** A file read and its header mapped: the data rows, each with its line, and where each column is. */
export interface ReadSpreadsheet<K extends string> {
  format: SpreadsheetFormat;
  /** utf-8, gb18030, utf-16le … for CSV. */
  encoding: string | null;
  header: HeaderMap<K>;
  rows: SheetRow[];
}

/** The row's cells by column key (undefined for a column the file does not have). */
export function valuesOf<K extends string>(header: HeaderMap<K>, row: SheetRow): Record<K, RawCell | undefined> {
  const values = {} as Record<K, RawCell | undefined>;
  for (const [key, index] of Object.entries(header.index) as [K, number][]) values[key] = row.cells[index] ?? null;
  return values;
}

/**
 * Reads an uploaded spreadsheet, whatever its name says: a zip is an xlsx, an OLE file an old
 * .xls (refused: save it as xlsx), anything else CSV text. Limits are checked before reading.
 */
export async function readSpreadsheet<K extends string>(
  bytes: Buffer,
  columns: readonly ImportColumn<K>[],
  limits: ImportLimits = DEFAULT_IMPORT_LIMITS,
): Promise<ReadSpreadsheet<K>> {
  if (bytes.length > limits.maxBytes)
    throw new ImportFileError(`the file is larger than ${Math.round(limits.maxBytes / 1048576)} MB; split it`, 'TOO_LARGE', { maxBytes: limits.maxBytes });
  if (bytes.length === 0) throw new ImportFileError('the file is empty', 'EMPTY');
  let format: SpreadsheetFormat;
  let encoding: string | null = null;
  let all: SheetRow[];
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    format = 'xlsx';
    all = await readXlsx(bytes, limits);
  } else if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new ImportFileError('old .xls workbooks are not read: save the file as .xlsx (Excel 2007 or later) or as CSV', 'NOT_A_SPREADSHEET');
  } else {
    format = 'csv';
    const csv = readCsv(bytes, limits);
    all = csv.rows;
    encoding = csv.encoding;
  }
  const header = mapHeader(all, columns);
  const rows = all.slice(header.headerRows);
  if (rows.length > limits.maxRows) throw new ImportFileError(`the file has more than ${limits.maxRows} rows; split it`, 'TOO_MANY_ROWS', { maxRows: limits.maxRows });
  return { format, encoding, header, rows };
}
