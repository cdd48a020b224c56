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

export const DISTRICT_CODE_PATTERN = /^\d{6}$/;

/** A partner city named by its 4-digit code, or by a 6-digit district inside it (the seeds pair a county with a city district). */
export interface CityPlace {
  city: string;
  /** The district when a 6-digit code was given; null for a city code. */
  district: string | null;
}

/**
 * Where a city is named, a 6-digit district (县级区) is accepted too: the city is its first 4
 * digits (scope and visibility stay by the city), the district is kept as the destination.
 */
export function requireCityOrDistrict(value: string, field: string): CityPlace {
  requireDivisionCode(value, field);
  if (DISTRICT_CODE_PATTERN.test(value)) {
    if (value.endsWith('00')) throw badInput(field, 'a district code does not end in 00; give the 4-digit city code for the city itself', 'DIVISION_CODE');
    return { city: value.slice(0, 4), district: value };
  }
  if (!CITY_CODE_PATTERN.test(value)) throw badInput(field, 'a partner city is identified by its 4-digit city code, or a 6-digit district inside it', 'DIVISION_CODE');
  return { city: value, district: null };
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
