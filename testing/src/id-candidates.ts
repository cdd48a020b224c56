import { ageOn } from '@jiuye/common';

/**
 * The attacker's arithmetic: how many 18-character ID numbers (GB 11643: area 6 + birth date 8 +
 * sequence 3, odd = male + ISO 7064 MOD 11-2 check character) agree with what an account saw of
 * one person. Written here, independently of the code under test, so that it judges that code.
 */
export interface IdObservations {
  /** The area code: from the village's county, or from what a masked number shows. Assumed known (worst case). */
  area: string;
  /** The whole number, if any field gave it. */
  idNumber?: string;
  /** A masked number: every character other than '*' is the real one in its place. */
  masked?: string;
  birthDate?: string;
  age?: number;
  sex?: 'MALE' | 'FEMALE';
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';
const DAY = 86_400_000;

function digitsOf(text: string): number[] {
  return [...text].map(Number);
}

function isoOf(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** The birth dates to try: the one given, the year an age allows, or every day of 120 years. */
function dateWindow(observed: IdObservations, today: string): [number, number] {
  const end = Date.parse(`${today}T00:00:00Z`);
  if (observed.birthDate) {
    const at = Date.parse(`${observed.birthDate}T00:00:00Z`);
    return [at, at];
  }
  if (observed.age !== undefined) {
    const year = Number(today.slice(0, 4));
    // Someone aged n today was born after today's date n+1 years ago and on or before it n years ago.
    const from = Date.parse(`${String(year - observed.age - 1).padStart(4, '0')}${today.slice(4)}T00:00:00Z`) - DAY;
    const to = Date.parse(`${String(year - observed.age).padStart(4, '0')}${today.slice(4)}T00:00:00Z`) + DAY;
    return [from, Math.min(to, end)];
  }
  return [end - 120 * 366 * DAY, end];
}

/**
 * Counts the candidates, or lists them when `list` is given and they are at most that many
 * (an attacker who is left with a handful tries them all). Exact: every date × sequence is
 * checked, with the check character counted per residue.
 */
export function idCandidates(observed: IdObservations, today: string, list?: number): { count: number; candidates: string[] | null } {
  if (observed.idNumber) return { count: 1, candidates: [observed.idNumber] };
  const masked = observed.masked;
  const shown = (position: number) => (masked && masked[position] !== '*' ? masked[position] : null);
  const area = masked && [0, 1, 2, 3, 4, 5].every((i) => shown(i) !== null) ? masked.slice(0, 6) : observed.area;
  for (let i = 0; i < 6; i++) if (shown(i) !== null && shown(i) !== area[i]) return { count: 0, candidates: [] };
  const areaSum = digitsOf(area).reduce((sum, digit, i) => sum + digit * WEIGHTS[i], 0);

  // Sequences allowed by sex and by the shown digits 15–17, grouped by their weighted sum mod 11.
  const sequences: number[][] = Array.from({ length: 11 }, () => []);
  for (let sequence = 0; sequence < 1000; sequence++) {
    const digits = digitsOf(String(sequence).padStart(3, '0'));
    if (observed.sex && (digits[2] % 2 === 1 ? 'MALE' : 'FEMALE') !== observed.sex) continue;
    if (digits.some((digit, i) => shown(14 + i) !== null && Number(shown(14 + i)) !== digit)) continue;
    sequences[(digits[0] * WEIGHTS[14] + digits[1] * WEIGHTS[15] + digits[2] * WEIGHTS[16]) % 11].push(sequence);
  }
  const check = shown(17);
  let count = 0;
  const candidates: string[] = [];
  const [from, to] = dateWindow(observed, today);
  for (let time = from; time <= to; time += DAY) {
    const iso = isoOf(time);
    if (iso > today) break;
    if (observed.birthDate && iso !== observed.birthDate) continue;
    if (observed.age !== undefined && ageOn(iso, today) !== observed.age) continue;
    const date = iso.replace(/-/g, '');
    const digits = digitsOf(date);
    if (digits.some((digit, i) => shown(6 + i) !== null && Number(shown(6 + i)) !== digit)) continue;
    const partial = areaSum + digits.reduce((sum, digit, i) => sum + digit * WEIGHTS[6 + i], 0);
    for (let residue = 0; residue < 11; residue++) {
      const group = sequences[residue];
      if (group.length === 0) continue;
      const character = CHECK[(partial + residue) % 11];
      if (check !== null && character !== check) continue;
      count += group.length;
      if (list !== undefined && candidates.length <= list) {
        for (const sequence of group) candidates.push(`${area}${date}${String(sequence).padStart(3, '0')}${character}`);
      }
    }
  }
  return { count, candidates: list !== undefined && count <= list ? candidates.slice(0, count) : null };
}
