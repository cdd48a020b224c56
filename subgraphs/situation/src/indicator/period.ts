import { addDays, addMonths, badInput, daysBetween, weekdayOf } from '@jiuye/common';

/** A reporting period: its label and first and last day (both included). */
export interface Period {
  label: string;
  from: string;
  to: string;
}

export const PERIOD_FORMATS = "a year '2026', a quarter '2026-Q4', a month '2026-11' or an ISO week '2026-W47'";

const pad = (n: number) => String(n).padStart(2, '0');
/** Monday of ISO week 1 of a year (the week that holds 4 January). */
export function isoWeekOneMonday(year: number): string {
  const jan4 = `${year}-01-04`;
  return addDays(jan4, -((weekdayOf(jan4) + 6) % 7)); // back to Monday (Monday 0 … Sunday 6)
}

export function isoWeeksInYear(year: number): number {
  return daysBetween(isoWeekOneMonday(year), isoWeekOneMonday(year + 1)) / 7;
}

/** The last day of a calendar month given any day in it. */
export function monthEnd(day: string): string {
  return addDays(addMonths(`${day.slice(0, 7)}-01`, 1), -1);
}

/**
 * Parses '2026' (year), '2026-Q4' (quarter), '2026-11' (month) or '2026-W47' (ISO week, Monday
 * to Sunday). Anything else, or an impossible value (Q5, month 13, week 53 of a 52-week year, a
 * year outside 2000–2100), is a BAD_USER_INPUT naming the argument.
 */
export function parsePeriod(text: string, argument = 'period'): Period {
  const fail = (why: string) => badInput(argument, `${why}; expected ${PERIOD_FORMATS}`, 'PERIOD');
  const match = /^(\d{4})(?:-(?:Q(\d+)|W(\d+)|(\d+)))?$/.exec(text.trim());
  if (!match) throw fail(`'${text.slice(0, 20)}' is not a period`);
  const year = Number(match[1]);
  if (year < 2000 || year > 2100) throw fail(`year ${year} is out of range 2000–2100`);
  const [, , quarter, week, month] = match;
  if (quarter !== undefined) {
    const q = Number(quarter);
    if (!/^[1-4]$/.test(quarter)) throw fail(`quarter ${quarter} does not exist (1–4)`);
    const from = `${year}-${pad(q * 3 - 2)}-01`;
    return { label: `${year}年第${q}季度`, from, to: monthEnd(`${year}-${pad(q * 3)}-01`) };
  }
  if (week !== undefined) {
    const w = Number(week);
    const weeks = isoWeeksInYear(year);
    if (week.length !== 2 || w < 1 || w > weeks) throw fail(`week ${week} does not exist in ${year} (01–${weeks})`);
    const monday = addDays(isoWeekOneMonday(year), (w - 1) * 7);
    return { label: `${year}年第${w}周`, from: monday, to: addDays(monday, 6) };
  }
  if (month !== undefined) {
    const m = Number(month);
    if (month.length !== 2 || m < 1 || m > 12) throw fail(`month ${month} does not exist (01–12)`);
    const from = `${year}-${month}-01`;
    return { label: `${year}年${m}月`, from, to: monthEnd(from) };
  }
  return { label: `${year}年`, from: `${year}-01-01`, to: `${year}-12-31` };
}

/** A calendar month 'YYYY-MM' (verification coverage). */
export function parseMonth(text: string, argument = 'month'): Period {
  const match = /^(\d{4})-(\d{2})$/.exec(text.trim());
  const fail = (why: string) => badInput(argument, `${why}; expected a month written YYYY-MM, e.g. '2026-11'`, 'MONTH');
  if (!match) throw fail(`'${text.slice(0, 20)}' is not a month`);
  const [year, m] = [Number(match[1]), Number(match[2])];
  if (year < 2000 || year > 2100) throw fail(`year ${year} is out of range 2000–2100`);
  if (m < 1 || m > 12) throw fail(`month ${match[2]} does not exist (01–12)`);
  const from = `${match[1]}-${match[2]}-01`;
  return { label: `${year}年${m}月`, from, to: monthEnd(from) };
}

/** The ISO week code ('2026-W47') of the week holding a day. */
export function isoWeekOf(day: string): string {
  const monday = addDays(day, -((weekdayOf(day) + 6) % 7));
  const thursday = addDays(monday, 3);
  const year = Number(thursday.slice(0, 4));
  const week = daysBetween(isoWeekOneMonday(year), monday) / 7 + 1;
  return `${year}-W${pad(week)}`;
}
