/** One cell as a reader hands it over: text, a number, a date cell (Date at UTC midnight), a boolean, or nothing. */
export type RawCell = string | number | boolean | Date | null;

/** One non-blank row of the file and its line (CSV: the line its record starts on; xlsx: the row number), 1-based. */
export interface SheetRow {
  line: number;
  cells: RawCell[];
}

export function isBlankCell(cell: RawCell): boolean {
  return cell === null || (typeof cell === 'string' && cell.trim() === '');
}

export function isBlankRow(cells: readonly RawCell[]): boolean {
  return cells.every(isBlankCell);
}

/** A cell as text for header matching and for the rejected-rows file (dates as YYYY-MM-DD). */
export function cellText(cell: RawCell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell);
}
