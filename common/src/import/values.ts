import { isRealDate } from '../dates';
import { isMobileNumber, MOBILE_NUMBER_MESSAGE } from '../mobile-number';
import type { Vocabulary } from '../vocabulary';
import { cellText, isBlankCell, type RawCell } from './sheet';

/**
 * Cell normalisers: from what offices type to the value the mutations take. Each answers the
 * value, or a problem in words that never repeat the cell (it may be personal data); the
 * engine puts the column's label in front.
 */
export type Normalised<T> = { value: T; problem?: undefined } | { problem: string; value?: undefined };

const ok = <T>(value: T): Normalised<T> => ({ value });
const problem = (text: string): Normalised<never> => ({ problem: text });

export const DATE_FORMATS_MESSAGE = 'not a date: write 2026-11-20, 2026/11/20, 2026.11.20 or 2026年11月20日';

/** Excel's serial day 1 is 1900-01-01, and it counts a 29 February 1900 that never was: from serial 61 on, day 0 is 1899-12-30. */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const MAX_EXCEL_SERIAL = 2_958_465; // 9999-12-31

function realDay(year: number, month: number, day: number): string | null {
  return year >= 1900 && isRealDate(year, month, day) ? new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10) : null;
}

/** A day: date cells, Excel serial numbers, and 2026-11-20, 2026/11/20, 2026.11.20, 2026年11月20日 (one-digit months and days too). */
export function normaliseDate(cell: RawCell): Normalised<string> {
  if (cell instanceof Date) {
    // exceljs hands date cells over at UTC midnight; rounding to the day absorbs float noise in the serial.
    return ok(new Date(Math.round(cell.getTime() / 86_400_000) * 86_400_000).toISOString().slice(0, 10));
  }
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell) || cell < 61 || cell > MAX_EXCEL_SERIAL) return problem(DATE_FORMATS_MESSAGE);
    return ok(new Date(EXCEL_EPOCH + Math.floor(cell) * 86_400_000).toISOString().slice(0, 10));
  }
  const text = cellText(cell).normalize('NFKC').trim();
  const match = /^(\d{4})(?:[-/.](\d{1,2})[-/.](\d{1,2})|年(\d{1,2})月(\d{1,2})日?)$/.exec(text);
  if (!match) return problem(DATE_FORMATS_MESSAGE);
  const day = realDay(Number(match[1]), Number(match[2] ?? match[4]), Number(match[3] ?? match[5]));
  return day ? ok(day) : problem('not a day of the calendar (month 1–12, day within the month)');
}

/**
 * A mainland mobile number: spaces, dashes, dots and brackets dropped, a leading +86 / 0086 / 86
 * country code dropped; then the one rule of common/src/mobile-number.ts. Invalid numbers are
 * reported, never silently dropped (the Chaozhou lists were 60 % invalid numbers).
 */
export function normaliseMobile(cell: RawCell): Normalised<string | null> {
  if (isBlankCell(cell)) return ok(null);
  let digits = cellText(cell)
    .normalize('NFKC')
    .replace(/[\s\-.()（）]/g, '');
  if (/^(\+86|0086)/.test(digits)) digits = digits.replace(/^(\+86|0086)/, '');
  else if (/^86\d{11}$/.test(digits)) digits = digits.slice(2);
  return isMobileNumber(digits) ? ok(digits) : problem(MOBILE_NUMBER_MESSAGE);
}

/**
 * An ID number as typed: spaces dropped and a lower-case x made upper-case (the check character
 * is the same); the GB 11643 checks themselves stay with the mutation's rule. A number cell is
 * refused: Excel keeps 15 significant digits, so the last ones are already lost.
 */
export function normaliseIdNumber(cell: RawCell): Normalised<string> {
  if (typeof cell === 'number') return problem('the cell holds a number, and Excel keeps only 15 digits of it: format the column as text and type the number again');
  const text = cellText(cell).normalize('NFKC').replace(/\s/g, '');
  if (!text) return problem('is empty');
  return ok(/^\d{17}x$/.test(text) ? text.slice(0, 17) + 'X' : text);
}

/** Trimmed text, or null for an empty cell. */
export function normaliseText(cell: RawCell): string | null {
  const text = cellText(cell).trim();
  return text === '' ? null : text;
}

/** Digits-only codes (household, village) that Excel may have turned into numbers: 16 digits fit in a double exactly up to 2^53, so a number cell of up to 15 digits is taken back as text. */
export function normaliseCode(cell: RawCell): string | null {
  if (typeof cell === 'number') return Number.isSafeInteger(cell) ? String(cell) : cellText(cell);
  return normaliseText(cell)?.replace(/\s/g, '') ?? null;
}

/**
 * A vocabulary value by its Chinese label (高中/中专), by either side of a label with a slash
 * (高中, 中专), by the label without its bracketed note (未就业 for 未就业（有意愿）), or by its code
 * (SENIOR_HIGH, any case). An alias two values share is not accepted for either.
 */
export function vocabularyReader<T extends string>(vocabulary: Vocabulary<T>): (cell: RawCell) => Normalised<T> {
  const aliases = new Map<string, T | null>();
  const add = (alias: string, value: T) => {
    const key = alias.normalize('NFKC').replace(/\s/g, '').toLowerCase();
    if (!key) return;
    const known = aliases.get(key);
    aliases.set(key, known === undefined || known === value ? value : null);
  };
  for (const value of vocabulary.values) {
    const label = vocabulary.labels[value];
    add(value, value);
    add(label, value);
    const plain = label.normalize('NFKC').replace(/\(.*\)$/, '');
    add(plain, value);
    for (const part of plain.split('/')) add(part, value);
  }
  const expected = `not one of ${vocabulary.values.map((v) => vocabulary.labels[v]).join('、')}`;
  return (cell) => {
    const found = aliases.get(cellText(cell).normalize('NFKC').replace(/\s/g, '').toLowerCase());
    return found ? ok(found) : problem(expected);
  };
}
