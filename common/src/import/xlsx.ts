import * as ExcelJS from 'exceljs';
import { ImportFileError, type ImportLimits } from './limits';
import { isBlankRow, type RawCell, type SheetRow } from './sheet';
import { checkZip } from './zip-guard';

/**
 * The first worksheet of an xlsx as rows of plain cells. Merged cells repeat their top-left
 * value in every cell they cover (exceljs answers the master's value), which is what lets a
 * header merged across columns (家庭成员 over 姓名 | 身份证号) be read as 家庭成员|姓名.
 * Rich text, hyperlinks and formula results become their text or value; date cells stay dates.
 */
export async function readXlsx(bytes: Buffer, limits: ImportLimits): Promise<SheetRow[]> {
  checkZip(bytes, limits);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new ImportFileError('the file is not a readable xlsx workbook', 'NOT_A_SPREADSHEET');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new ImportFileError('the workbook has no worksheet', 'EMPTY');
  if (sheet.rowCount > limits.maxRows + 50 && sheet.actualRowCount > limits.maxRows + 10) {
    throw new ImportFileError(`the file has more than ${limits.maxRows} rows; split it`, 'TOO_MANY_ROWS', { maxRows: limits.maxRows });
  }
  const width = Math.min(sheet.columnCount, 200);
  const rows: SheetRow[] = [];
  for (let line = 1; line <= sheet.rowCount; line++) {
    const row = sheet.getRow(line);
    const cells: RawCell[] = [];
    for (let column = 1; column <= width; column++) cells.push(plainValue(row.getCell(column).value));
    while (cells.length && cells[cells.length - 1] === null) cells.pop();
    if (!isBlankRow(cells)) rows.push({ line, cells });
  }
  return rows;
}

function plainValue(value: ExcelJS.CellValue): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return plainValue((value.result ?? null) as ExcelJS.CellValue);
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('error' in value) return null;
  }
  return null;
}
