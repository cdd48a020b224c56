import { ImportFileError, type ImportLimits } from './limits';
import { isBlankRow, type SheetRow } from './sheet';
import { decodeText, type TextEncodingName } from './text';

/**
 * RFC 4180 CSV as offices produce it: quoted fields with doubled quotes and line breaks inside,
 * CRLF or LF, a comma or (UTF-16 "Unicode text") a tab between fields. Each record carries the
 * line it starts on; blank lines are skipped but still counted, so a line number in the report
 * is the one the official sees in a text editor.
 */
export function readCsv(bytes: Uint8Array, limits: Pick<ImportLimits, 'maxRows'>): { rows: SheetRow[]; encoding: TextEncodingName } {
  const { text, encoding } = decodeText(bytes);
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = encoding.startsWith('utf-16') || (firstLine.includes('\t') && !firstLine.includes(',')) ? '\t' : ',';
  const rows: SheetRow[] = [];
  let line = 1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const startLine = line;
    const cells: string[] = [];
    let field = '';
    let endOfRecord = false;
    while (!endOfRecord) {
      if (i >= n) {
        cells.push(field);
        break;
      }
      const char = text[i];
      if (char === '"' && field === '') {
        // A quoted field: up to the closing quote; "" inside is one quote; line breaks count.
        i++;
        for (;;) {
          if (i >= n) break;
          const c = text[i];
          if (c === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (c === '\n') line++;
          field += c;
          i++;
        }
        continue;
      }
      if (char === delimiter) {
        cells.push(field);
        field = '';
        i++;
      } else if (char === '\r' || char === '\n') {
        cells.push(field);
        i += char === '\r' && text[i + 1] === '\n' ? 2 : 1;
        line++;
        endOfRecord = true;
      } else {
        field += char;
        i++;
      }
    }
    if (!isBlankRow(cells)) {
      rows.push({ line: startLine, cells });
      // Header rows count too; a few over the data limit are the header and title.
      if (rows.length > limits.maxRows + 10) throw new ImportFileError(`the file has more than ${limits.maxRows} rows; split it`, 'TOO_MANY_ROWS', { maxRows: limits.maxRows });
    }
  }
  return { rows, encoding };
}
