import * as ExcelJS from 'exceljs';
import { checkColumns, toCell, type Cell } from './cells';
import { Destination } from './destination';
import type { ExportColumn, ExportColumnKind, ExportResult, ExportSheet } from './types';

/** Excel's limits: rows per sheet, characters per cell, characters per sheet name. */
export const XLSX_MAX_ROWS = 1_048_576;
const MAX_CELL_TEXT = 32_767;
const MAX_SHEET_NAME = 31;
const DATE_FORMAT = 'yyyy-mm-dd';
/** Bytes waiting in front of the compressor before the writer stops pulling rows. */
const HIGH_WATER = 1024 * 1024;
/** Compressed bytes archiver holds before it stops taking more from the compressor. */
const ARCHIVE_HIGH_WATER = 64 * 1024;

/**
 * A sheet name Excel accepts: at most 31 characters, none of []:*?/\, not starting or ending
 * with an apostrophe, not empty, not the reserved 'History'.
 */
export function xlsxSheetName(title: string): string {
  let name = Array.from(
    title
      // eslint-disable-next-line no-control-regex -- control characters are not allowed in a sheet name
      .replace(/[\u0000-\u001f[\]:*?/\\]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  )
    .slice(0, MAX_SHEET_NAME)
    .join('');
  name = name.replace(/^'+|'+$/g, '').trim();
  if (name === '' || name.toLowerCase() === 'history') return 'Sheet1';
  return name;
}

/** Width in Excel's character units: CJK and full-width characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += (char.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1;
  return width;
}

function defaultWidth(header: string, kind: ExportColumnKind | undefined): number {
  return Math.min(60, Math.max(kind === 'date' ? 12 : 10, displayWidth(header) + 2));
}

/** Lone surrogates and U+FFFE/U+FFFF are not XML; exceljs drops other control characters itself. */
const NOT_XML = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\uFFFE\uFFFF]/g;

function xlsxText(text: string): string {
  const clean = text.replace(NOT_XML, '');
  return clean.length > MAX_CELL_TEXT ? clean.slice(0, MAX_CELL_TEXT) : clean;
}

function xlsxValue(cell: Cell): string | number | Date | null {
  switch (cell.kind) {
    case 'empty':
      return null;
    case 'number':
      return cell.number;
    case 'date':
      // exceljs turns a Date into a serial day in UTC: UTC midnight is the whole calendar day.
      return new Date(`${cell.day}T00:00:00Z`);
    case 'text':
      return xlsxText(cell.text);
  }
}

/** 1 → A, 27 → AA. */
function columnLetter(index: number): string {
  let letters = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** The parts of exceljs's streaming writer (4.4) the writer reaches into for backpressure. */
interface StreamingInternals {
  /** archiver instance, piped into `out` */
  zip: NodeJS.ReadableStream & NodeJS.EventEmitter & { abort(): unknown };
}
/** readable-stream 2 (archiver's) has no writableLength / writableNeedDrain, only _writableState. */
interface WritableInternals extends NodeJS.EventEmitter {
  writableLength?: number;
  writableNeedDrain?: boolean;
  _writableState?: { length: number; needDrain: boolean };
}
interface SheetStreamInternals {
  /** exceljs's StreamBuf pipes into archiver's PassThrough for the sheet's zip entry, from the start */
  pipes?: WritableInternals[];
}

/** The stream the sheet's XML is written into, or an error naming what changed in exceljs. */
function sheetEntryInput(worksheet: unknown): WritableInternals {
  const entry = ((worksheet as { stream?: SheetStreamInternals }).stream?.pipes ?? [])[0];
  const backlog = entry?.writableLength ?? entry?._writableState?.length;
  if (!entry || typeof backlog !== 'number') {
    // Without this the writer would still work but buffer the whole sheet: fail loudly instead.
    throw new Error('export: exceljs streaming internals changed (sheet stream pipes); backpressure cannot be applied');
  }
  return entry;
}

/**
 * exceljs's sheet stream writes into the zip entry without looking at write()'s answer, so on
 * its own it buffers the whole sheet whenever the compressor or `out` is slower than the rows
 * come (measured: ~450 bytes a row, all of it held). The writer therefore watches the entry's
 * input and stops pulling rows while more than HIGH_WATER bytes wait there; everything after it
 * (compressor, archiver, `out`) is ordinary streams with their own backpressure.
 */
async function relievePressure(entry: WritableInternals, destination: Destination): Promise<void> {
  const length = entry.writableLength ?? entry._writableState?.length ?? 0;
  const needDrain = entry.writableNeedDrain ?? entry._writableState?.needDrain ?? false;
  if (length > HIGH_WATER && needDrain) await destination.until(entry, 'drain');
}

/**
 * Streams a sheet as xlsx with exceljs's streaming writer: one worksheet, the preamble lines
 * in column A above a bold, frozen, filterable header row, column widths, numbers as numbers,
 * dates as real dates shown yyyy-mm-dd, text as inline strings (no shared-string table, which
 * would grow with the rows). Each row is committed as it is added, and rows are pulled only as
 * fast as `out` takes the compressed bytes. Ends `out` on success. A sheet holds at most
 * 1,048,576 rows (preamble and header included); beyond that the writer rejects — export CSV.
 *
 * Failure: when the row source throws (or a value does not fit its column's kind, or `out`
 * errors or closes early), the returned promise rejects with that error. The zip is detached
 * from `out` first, and `out` is neither ended nor destroyed: a truncated file must not look
 * complete, and the caller decides (an HTTP route destroys the response).
 */
export async function writeXlsx<Row>(sheet: ExportSheet<Row>, out: NodeJS.WritableStream): Promise<ExportResult> {
  const columns: readonly ExportColumn<Row>[] = sheet.columns;
  checkColumns(columns);
  const preamble = sheet.preamble ?? [];
  const headerRow = preamble.length + 1;
  const destination = new Destination(out);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out as unknown as import('stream').Stream,
    useStyles: true,
    useSharedStrings: false,
    creator: '就业扶贫',
    lastModifiedBy: '就业扶贫',
    // archiver's own buffer in front of `out` (1 MB by default, compressed: ~100,000 small rows)
    zip: { highWaterMark: ARCHIVE_HIGH_WATER },
  } as Partial<ExcelJS.stream.xlsx.WorkbookStreamWriterOptions>);
  const zip = (workbook as unknown as StreamingInternals).zip;
  let zipFailure: Error | undefined;
  zip.on('error', (error: Error) => (zipFailure ??= error));
  try {
    const worksheet = workbook.addWorksheet(xlsxSheetName(sheet.title), {
      views: [{ state: 'frozen', xSplit: 0, ySplit: headerRow }],
      autoFilter: `A${headerRow}:${columnLetter(columns.length)}${headerRow}`,
    } as Partial<ExcelJS.AddWorksheetOptions>);
    worksheet.columns = columns.map((column) => ({
      width: column.width ?? defaultWidth(column.header, column.kind),
      ...(column.kind === 'date' ? { style: { numFmt: DATE_FORMAT } } : {}),
    }));
    const entry = sheetEntryInput(worksheet);

    for (const line of preamble) worksheet.addRow([xlsxText(line)]).commit();
    const header = worksheet.addRow(columns.map((column) => xlsxText(column.header)));
    header.font = { bold: true };
    header.commit();

    let rows = 0;
    const values: (string | number | Date | null)[] = new Array(columns.length);
    for await (const batch of sheet.rows) {
      for (const row of batch) {
        rows += 1;
        if (headerRow + rows > XLSX_MAX_ROWS) {
          throw new Error(`export "${sheet.title}": more than ${XLSX_MAX_ROWS - headerRow} data rows do not fit one xlsx sheet; export CSV`);
        }
        for (let c = 0; c < columns.length; c++) values[c] = xlsxValue(toCell(columns[c], columns[c].value(row), rows));
        const added = worksheet.addRow(values);
        for (let c = 0; c < columns.length; c++) {
          // dates in a column without kind 'date' (kind taken from the value) get the format per cell
          if (values[c] instanceof Date && columns[c].kind !== 'date') added.getCell(c + 1).numFmt = DATE_FORMAT;
        }
        added.commit();
        if (zipFailure) throw zipFailure;
        await relievePressure(entry, destination);
      }
      destination.throwIfFailed();
    }
    worksheet.commit();
    // exceljs ends `out` itself once the zip is complete; wait for that (or for its failure).
    await Promise.race([workbook.commit(), destination.end(true)]);
    await destination.end(true);
    if (zipFailure) throw zipFailure;
    return { rows };
  } catch (error) {
    // Detach first so that aborting the archive cannot end `out` and make it look complete.
    zip.unpipe(out);
    try {
      zip.abort();
    } catch {
      // the archive is being abandoned; its own errors no longer matter
    }
    throw error;
  } finally {
    destination.dispose();
  }
}
