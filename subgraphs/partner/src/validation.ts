import { badInput, requireDivisionCode, todayInChina } from '@jiuye/common';

/** Input checks shared by the partner services. Messages never repeat personal data. */

export const CITY_CODE_PATTERN = /^\d{4}$/;
export const MAX_NOTE_LENGTH = 500;
export const MAX_MONTHLY_WAGE = 100_000;
/** Clocks of phones and PCs drift: an attempt up to this far "in the future" is accepted. */
export const CLOCK_SKEW_MS = 5 * 60_000;

/** Partner cities are identified by their 4-digit city division code. */
export function requireCityCode(value: string, field: string): string {
  requireDivisionCode(value, field);
  if (!CITY_CODE_PATTERN.test(value)) throw badInput(field, 'a partner city is identified by its 4-digit city code', 'DIVISION_CODE');
  return value;
}

/** Trimmed text, or null when nothing but blanks was given. */
export function cleanText(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

export function hasLength(value: string | null, min: number, max: number): boolean {
  return value !== null && [...value].length >= min && [...value].length <= max;
}

export function isWage(value: number): boolean {
  return Number.isInteger(value) && value >= 1 && value <= MAX_MONTHLY_WAGE;
}

/** The calendar day (China Standard Time) of an instant, YYYY-MM-DD. */
export function chinaDay(instant: Date): string {
  return todayInChina(instant);
}

/** The first instant of a China day, for timestamp ranges. */
export function startOfChinaDay(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`);
}

export function isInFuture(instant: Date, now = new Date()): boolean {
  return instant.getTime() > now.getTime() + CLOCK_SKEW_MS;
}
