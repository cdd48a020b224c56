/** The period picker: a kind, today (China time) and how many periods back give the graph's period code. */
export type PeriodKind = 'week' | 'month' | 'quarter' | 'year';

export const PERIOD_KINDS: { kind: PeriodKind; label: string }[] = [
  { kind: 'week', label: '本周' },
  { kind: 'month', label: '本月' },
  { kind: 'quarter', label: '本季度' },
  { kind: 'year', label: '本年' },
];

/** The granularity of the trend series for a picked kind (indicatorSeries). */
export const GRANULARITY = { week: 'WEEK', month: 'MONTH', quarter: 'QUARTER', year: 'YEAR' } as const satisfies Record<PeriodKind, string>;

/** Today's calendar date in China (UTC+8, no daylight saving). */
export function chinaToday(now: Date = new Date()): { year: number; month: number; day: number } {
  const shifted = new Date(now.getTime() + 8 * 3600_000);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** ISO 8601 week (Monday first; week 1 holds the year's first Thursday). */
export function isoWeek(year: number, month: number, day: number): { year: number; week: number } {
  const date = new Date(Date.UTC(year, month - 1, day));
  const weekday = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const weekYear = date.getUTCFullYear();
  const week = Math.ceil(((date.getTime() - Date.UTC(weekYear, 0, 1)) / 86_400_000 + 1) / 7);
  return { year: weekYear, week };
}

/**
 * '2026-W49', '2026-12', '2026-Q4', '2026': the running period of a kind, or (`back` > 0) the one
 * that many periods before it (上一期).
 */
export function periodCode(kind: PeriodKind, now: Date = new Date(), back = 0): string {
  const { year, month, day } = chinaToday(now);
  switch (kind) {
    case 'week': {
      const shifted = new Date(Date.UTC(year, month - 1, day - 7 * back));
      const iso = isoWeek(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
      return `${iso.year}-W${String(iso.week).padStart(2, '0')}`;
    }
    case 'month': {
      const index = year * 12 + (month - 1) - back;
      return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
    }
    case 'quarter': {
      const index = year * 4 + Math.ceil(month / 3) - 1 - back;
      return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
    }
    case 'year':
      return String(year - back);
  }
}
