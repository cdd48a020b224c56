/**
 * Calendar arithmetic on day numbers (days since 1970-01-01, UTC calendar), with cached
 * 'YYYY-MM-DD' strings: the generator formats millions of dates.
 */

const MS_PER_DAY = 86_400_000;
/** Day number of 1900-01-01; the caches cover 1900–2099. */
const FIRST_DAY = -25567;
const CACHE_SIZE = 73_051;

const isoCache: (string | undefined)[] = new Array<string | undefined>(CACHE_SIZE);
const ymdCache = new Int32Array(CACHE_SIZE);

function fill(day: number): number {
  const i = day - FIRST_DAY;
  if (i < 0 || i >= CACHE_SIZE) throw new RangeError(`demo calendar: day ${day} outside 1900–2099`);
  if (ymdCache[i] === 0) {
    const d = new Date(day * MS_PER_DAY);
    const y = d.getUTCFullYear();
    const m = d.getUTCMonth() + 1;
    const dd = d.getUTCDate();
    ymdCache[i] = y * 10000 + m * 100 + dd;
    isoCache[i] = `${y}-${m < 10 ? '0' : ''}${m}-${dd < 10 ? '0' : ''}${dd}`;
  }
  return i;
}

/** 'YYYY-MM-DD' → day number. */
export function dayOf(iso: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) throw new Error(`demo calendar: not a YYYY-MM-DD date: ${iso}`);
  const t = Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  const day = Math.round(t / MS_PER_DAY);
  if (isoOf(day) !== iso) throw new Error(`demo calendar: not a real date: ${iso}`);
  return day;
}

/** Day number → 'YYYY-MM-DD'. */
export function isoOf(day: number): string {
  return isoCache[fill(day)] as string;
}

/** Day number → yyyymmdd as an integer. */
export function ymdOf(day: number): number {
  return ymdCache[fill(day)];
}

export function yearOf(day: number): number {
  return Math.floor(ymdOf(day) / 10000);
}

export function monthOf(day: number): number {
  return Math.floor(ymdOf(day) / 100) % 100;
}

export function dayOfMonth(day: number): number {
  return ymdOf(day) % 100;
}

/** Day number of a calendar date (month 1–12; day may overflow, like Date.UTC). */
export function dayFromYmd(year: number, month: number, dayOfMonth: number): number {
  return Math.round(Date.UTC(year, month - 1, dayOfMonth) / MS_PER_DAY);
}

/** Whole years between birth and `on`. */
export function ageOn(birthDay: number, on: number): number {
  return Math.floor((ymdOf(on) - ymdOf(birthDay)) / 10000);
}

/** The day someone born on `birthDay` turns `years` (29 February → 1 March). */
export function birthdayAt(birthDay: number, years: number): number {
  const ymd = ymdOf(birthDay);
  return dayFromYmd(Math.floor(ymd / 10000) + years, Math.floor(ymd / 100) % 100, ymd % 100);
}

/** Last day of the month containing `day`. */
export function endOfMonth(day: number): number {
  const ymd = ymdOf(day);
  return dayFromYmd(Math.floor(ymd / 10000), (Math.floor(ymd / 100) % 100) + 1, 0);
}

/** ISO timestamp with the China offset. */
export function timestampOf(day: number, minutesOfDay: number): string {
  const h = Math.floor(minutesOfDay / 60);
  const m = minutesOfDay % 60;
  return `${isoOf(day)}T${h < 10 ? '0' : ''}${h}:${m < 10 ? '0' : ''}${m}:00+08:00`;
}
