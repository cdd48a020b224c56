import { isLocalDate, todayInChina } from '../scalars';
import type { ExportColumn, ExportValue } from './types';

/** One cell after its column's kind was applied: what both writers put in the file. */
export type Cell =
  | { readonly kind: 'empty' }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'number'; readonly number: number }
  | { readonly kind: 'date'; readonly day: string };

const EMPTY: Cell = { kind: 'empty' };
const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * The calendar day of a Date, read in China (UTC+8). A date column may hold a Date made at UTC
 * midnight (as LocalDate values are), at local midnight on a server in China (pg's own parsing),
 * or a timestamp; the day in China is the right one for all three.
 */
export function dayOf(date: Date): string {
  return todayInChina(date);
}

function problem(header: string, rowNumber: number, expected: string): Error {
  // The column and the row, never the value: it may be an ID number or a name.
  return new Error(`export column "${header}" (data row ${rowNumber}): expected ${expected}`);
}

/** Applies the column's kind to a value. rowNumber (1-based data row) only names the row in errors. */
export function toCell<Row>(column: ExportColumn<Row>, value: ExportValue, rowNumber: number): Cell {
  if (value === null || value === undefined) return EMPTY;
  const kind = column.kind ?? (typeof value === 'number' ? 'number' : value instanceof Date ? 'date' : 'text');
  if (value instanceof Date && Number.isNaN(value.getTime())) throw problem(column.header, rowNumber, 'a valid Date');
  switch (kind) {
    case 'text':
      return { kind: 'text', text: value instanceof Date ? dayOf(value) : String(value) };
    case 'number': {
      const number = typeof value === 'number' ? value : typeof value === 'string' && NUMERIC.test(value.trim()) ? Number(value) : NaN;
      if (!Number.isFinite(number)) throw problem(column.header, rowNumber, 'a finite number or a numeric string');
      return { kind: 'number', number };
    }
    case 'date':
      if (value instanceof Date) return { kind: 'date', day: dayOf(value) };
      if (typeof value === 'string' && isLocalDate(value)) return { kind: 'date', day: value };
      throw problem(column.header, rowNumber, 'a Date or a YYYY-MM-DD string');
    default:
      throw new Error(`export column "${column.header}": unknown kind`);
  }
}

/** Checks what every writer needs before it writes a byte. */
export function checkColumns(columns: readonly ExportColumn<unknown>[]): void {
  if (columns.length === 0) throw new Error('export: a sheet needs at least one column');
  if (columns.length > 16_384) throw new Error('export: more than 16384 columns');
  for (const column of columns) {
    if (column.width !== undefined && !(column.width > 0 && column.width <= 255)) {
      throw new Error(`export column "${column.header}": width must be between 0 and 255`);
    }
  }
}
