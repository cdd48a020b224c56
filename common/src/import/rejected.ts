import * as ExcelJS from 'exceljs';
import type { RawCell } from './sheet';

export const REJECTED_SHEET_TITLE = '导入失败明细';
export const REASON_LABEL = '失败原因';
export const LINE_LABEL = '原行号';

export interface RejectedRow {
  line: number;
  cells: RawCell[];
  reason: string;
}

/**
 * 导入失败明细: the rejected rows with the file's own header (so the sheet is imported again
 * once fixed: the two extra columns, 失败原因 and 原行号, are reported as unknown and ignored),
 * the reason beside each row. Cells are written as read, dates as date cells; ID-like text stays text.
 */
export async function writeRejectedRows(labels: readonly string[], rows: readonly RejectedRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(REJECTED_SHEET_TITLE);
  sheet.addRow([...labels, REASON_LABEL, LINE_LABEL]).font = { bold: true };
  for (const row of rows) {
    const cells = labels.map((_, index) => row.cells[index] ?? null);
    sheet.addRow([...cells.map((cell) => (typeof cell === 'string' ? cell.replace(/[\uFFFE\uFFFF]/g, '') : cell)), row.reason, row.line]);
  }
  labels.forEach((label, index) => {
    const column = sheet.getColumn(index + 1);
    column.width = Math.min(40, Math.max(10, label.length * 2 + 2));
    column.numFmt = '@';
  });
  sheet.getColumn(labels.length + 1).width = 60;
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
