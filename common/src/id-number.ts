/**
 * The 18-character resident identity number of GB 11643-1999:
 * 6-digit region code, 8-digit birth date (YYYYMMDD), 3-digit sequence (odd = male),
 * and an ISO 7064 MOD 11-2 check character (0-9 or an upper-case X).
 *
 * Validation reports *why* a number is wrong, so that a clerk typing one in can fix it.
 * The messages never repeat the number itself: it is personal data.
 */

import { isRealDate } from './dates';

export type IdNumberProblem = 'LENGTH' | 'CHARACTERS' | 'LOWERCASE_X' | 'REGION' | 'BIRTH_DATE' | 'CHECK_CHARACTER';

export class InvalidIdNumberError extends Error {
  constructor(
    readonly problem: IdNumberProblem,
    message: string,
  ) {
    super(message);
    this.name = 'InvalidIdNumberError';
  }
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';

/** The ISO 7064 MOD 11-2 check character for the first 17 digits. */
export function idNumberCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARACTERS[sum % 11];
}

export interface ParsedIdNumber {
  regionCode: string;
  birthDate: string; // YYYY-MM-DD
  sequence: string;
  sex: 'MALE' | 'FEMALE';
}

/** Validates and parses an ID number; throws InvalidIdNumberError naming the problem. */
export function parseIdNumber(value: string, today: Date = new Date()): ParsedIdNumber {
  if (typeof value !== 'string' || value.length !== 18) {
    const length = typeof value === 'string' ? value.length : 0;
    throw new InvalidIdNumberError('LENGTH', `an ID number has 18 characters, this one has ${length}`);
  }
  if (value[17] === 'x' && /^\d{17}$/.test(value.slice(0, 17))) {
    throw new InvalidIdNumberError('LOWERCASE_X', 'the check character X must be an upper-case X');
  }
  if (!/^\d{17}[\dX]$/.test(value)) {
    throw new InvalidIdNumberError('CHARACTERS', 'an ID number is 17 digits followed by a digit or an upper-case X');
  }
  if (!/^[1-9]\d[0-9]{4}$/.test(value.slice(0, 6)) || value.slice(2, 6) === '0000') {
    throw new InvalidIdNumberError('REGION', 'the first six digits are not a county-level region code');
  }
  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  const birth = Date.UTC(year, month - 1, day);
  if (!isRealDate(year, month, day) || year < 1800 || birth > today.getTime()) {
    throw new InvalidIdNumberError('BIRTH_DATE', 'digits 7 to 14 are not a possible birth date (YYYYMMDD, not in the future)');
  }
  const expected = idNumberCheckCharacter(value.slice(0, 17));
  if (value[17] !== expected) {
    throw new InvalidIdNumberError('CHECK_CHARACTER', 'the check character (18th) does not match the first 17 digits; a digit was probably mistyped');
  }
  return {
    regionCode: value.slice(0, 6),
    birthDate: `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`,
    sequence: value.slice(14, 17),
    sex: Number(value[16]) % 2 === 1 ? 'MALE' : 'FEMALE',
  };
}

export function isValidIdNumber(value: string): boolean {
  try {
    parseIdNumber(value);
    return true;
  } catch {
    return false;
  }
}

/** Builds a valid ID number; used by the demo seeder and tests. */
export function makeIdNumber(regionCode: string, birthDate: string, sequence: number): string {
  const first17 = `${regionCode}${birthDate.replace(/-/g, '')}${String(sequence).padStart(3, '0')}`;
  if (!/^\d{17}$/.test(first17)) throw new Error('makeIdNumber: region 6 digits, date YYYY-MM-DD, sequence 0-999');
  return first17 + idNumberCheckCharacter(first17);
}

/**
 * 530113************: the area code (first six digits) and nothing else. The birth date, the
 * sequence and the check character stay hidden, because the accounts that read a masked number
 * also read the person's village (→ area), age and sex: together with the old "first four, last
 * four" mask and the birth date they gave back the whole number. With the area alone, age and sex
 * still leave about 365 × 500 = 182,500 candidates (see common/src/auth/identifying-fields.ts).
 */
export function maskIdNumber(value: string): string {
  if (value.length < 6) return '*'.repeat(value.length);
  return value.slice(0, 6) + '*'.repeat(value.length - 6);
}

/** 138****5678 */
export function maskPhone(value: string | null | undefined): string | null {
  if (!value) return null;
  if (value.length < 7) return '*'.repeat(value.length);
  return value.slice(0, 3) + '*'.repeat(value.length - 7) + value.slice(-4);
}
