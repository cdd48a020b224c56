/**
 * Statistical division codes (统计用区划代码), shortened to their meaningful digits:
 * province 2, city 4, county 6, township 9, village 12.
 */
export type DivisionLevel = 'PROVINCE' | 'CITY' | 'COUNTY' | 'TOWNSHIP' | 'VILLAGE';

const LEVEL_BY_LENGTH: Record<number, DivisionLevel> = {
  2: 'PROVINCE',
  4: 'CITY',
  6: 'COUNTY',
  9: 'TOWNSHIP',
  12: 'VILLAGE',
};

export const DIVISION_LEVEL_LABELS: Record<DivisionLevel, string> = {
  PROVINCE: '省',
  CITY: '市',
  COUNTY: '县（区）',
  TOWNSHIP: '乡镇（街道）',
  VILLAGE: '村（社区）',
};

export class InvalidDivisionCodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidDivisionCodeError';
  }
}

export function divisionLevel(code: string): DivisionLevel {
  if (typeof code !== 'string' || !/^\d+$/.test(code)) {
    throw new InvalidDivisionCodeError('a division code is made of digits only');
  }
  const level = LEVEL_BY_LENGTH[code.length];
  if (!level) {
    throw new InvalidDivisionCodeError(`a division code has 2 (province), 4 (city), 6 (county), 9 (township) or 12 (village) digits, this one has ${code.length}`);
  }
  if (code.startsWith('00')) throw new InvalidDivisionCodeError('a division code cannot start with 00');
  return level;
}

export function isValidDivisionCode(code: string): boolean {
  try {
    divisionLevel(code);
    return true;
  } catch {
    return false;
  }
}

/** The code of the enclosing division, or null for a province. */
export function parentDivisionCode(code: string): string | null {
  const lengths = [2, 4, 6, 9, 12];
  const index = lengths.indexOf(code.length);
  return index > 0 ? code.slice(0, lengths[index - 1]) : null;
}

/** Every enclosing code from the province down to the code itself. */
export function divisionAncestry(code: string): string[] {
  return [2, 4, 6, 9, 12].filter((n) => n <= code.length).map((n) => code.slice(0, n));
}

/**
 * Codes that start with a division's code form one range in code order: [code, next) where
 * next is the code incremented at its own length. Lets an index serve "everything in a township".
 */
export function divisionCodeRange(code: string): { from: string; to: string } {
  const next = (BigInt(code) + 1n).toString().padStart(code.length, '0');
  return { from: code, to: next };
}
