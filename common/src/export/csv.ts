import { checkColumns, toCell, type Cell } from './cells';
import { Destination } from './destination';
import type { ExportColumn, ExportResult, ExportSheet } from './types';

const BOM = '\uFEFF';
const CRLF = '\r\n';
/** Characters of CSV text gathered before one write; keeps write() calls few and chunks small. */
const CHUNK = 64 * 1024;
/** What spreadsheet programs read as the start of a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One CSV field (RFC 4180). Text that a spreadsheet would run as a formula gets a leading
 * apostrophe; numbers and dates never start with one of those characters except a minus sign,
 * and a negative number is not a formula, so they are written as they are.
 */
export function csvField(cell: Cell): string {
  switch (cell.kind) {
    case 'empty':
      return '';
    case 'number':
      return String(cell.number);
    case 'date':
      return cell.day;
    case 'text': {
      const text = FORMULA_START.test(cell.text) ? `'${cell.text}` : cell.text;
      return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    }
  }
}

function textRecord(texts: readonly string[]): string {
  return texts.map((text) => csvField({ kind: 'text', text })).join(',') + CRLF;
}

/**
 * Streams a sheet as CSV: UTF-8 with a BOM (so Excel in China reads the Chinese headers), CRLF
 * line ends, RFC 4180 quoting, dates as YYYY-MM-DD, the preamble lines as one-field records
 * above the header. Waits for 'drain' whenever `out` asks, so at most one batch of rows and
 * one 64 KB chunk are held; each batch is written out before the next is pulled. Ends `out` on success.
 *
 * Failure: when the row source throws (or a value does not fit its column's kind, or `out`
 * errors or closes early), the returned promise rejects with that error. `out` is then left
 * as it is — neither ended nor destroyed — because a half-written file must not look complete:
 * the caller decides (an HTTP route destroys the response so the client sees an aborted download).
 */
export async function writeCsv<Row>(sheet: ExportSheet<Row>, out: NodeJS.WritableStream): Promise<ExportResult> {
  const columns: readonly ExportColumn<Row>[] = sheet.columns;
  checkColumns(columns);
  const destination = new Destination(out);
  try {
    let chunk = BOM;
    for (const line of sheet.preamble ?? []) chunk += textRecord([line]);
    chunk += textRecord(columns.map((column) => column.header));
    let rows = 0;
    for await (const batch of sheet.rows) {
      for (const row of batch) {
        rows += 1;
        let line = '';
        for (let c = 0; c < columns.length; c++) {
          const column = columns[c];
          if (c > 0) line += ',';
          line += csvField(toCell(column, column.value(row), rows));
        }
        chunk += line + CRLF;
        if (chunk.length >= CHUNK) {
          await destination.write(chunk);
          chunk = '';
        }
      }
      // A batch's rows leave before the next batch is pulled (the gateway logs each batch's
      // people just before the batch is pulled, and holds the bytes after them until then).
      if (chunk) {
        await destination.write(chunk);
        chunk = '';
      }
    }
    if (chunk) await destination.write(chunk);
    await destination.end();
    return { rows };
  } finally {
    destination.dispose();
  }
}
