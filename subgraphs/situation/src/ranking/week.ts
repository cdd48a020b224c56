import { addDays, badInput, todayInChina, weekdayOf, type Weekday } from '@jiuye/common';
import { parsePeriod } from '../indicator/period';
import { granularityOf, previous } from '../indicator/series.service';
import { SeriesGranularity } from '../indicator/series.types';

/** weekdayOf's numbering: Sunday 0 … Saturday 6. */
const DAY_NUMBER: Record<Weekday, number> = { SUNDAY: 0, MONDAY: 1, TUESDAY: 2, WEDNESDAY: 3, THURSDAY: 4, FRIDAY: 5, SATURDAY: 6 };

/** The span a ranking counts (a ranking week, or a period asked for) and the span before it. */
export interface RankingWeek {
  weekStart: string;
  weekEnd: string;
  previousWeekStart: string;
  previousWeekEnd: string;
}

/** A ranking over a period (villageRanking(period)): its span, and for a month, quarter or year the period codes (the indicators' cells). */
export interface RankingSpan extends RankingWeek {
  period: string | null;
  label: string | null;
  /** Month, quarter or year: this period and the one before, as the indicators name them; null for a week. */
  indicatorPeriods: { current: string; previous: string } | null;
}

/**
 * The ranking week holding `day`: seven days ending on `endsOn` (FRIDAY: Saturday–Friday, so
 * a Friday belongs to the week it closes and a Saturday opens the next), and the week before.
 */
export function rankingWeek(day: string, endsOn: Weekday): RankingWeek {
  const weekEnd = addDays(day, (DAY_NUMBER[endsOn] - weekdayOf(day) + 7) % 7);
  const weekStart = addDays(weekEnd, -6);
  return { weekStart, weekEnd, previousWeekStart: addDays(weekStart, -7), previousWeekEnd: addDays(weekStart, -1) };
}

/**
 * The span a ranking counts for a period code: a week ('2026-W49') is the ranking week that ends
 * within that ISO week (with FRIDAY: the Saturday–Friday week whose Friday falls in it — the
 * 红黑榜 published that week), compared with the ranking week before; a month, a quarter or a year
 * is the period itself, compared with the period before (the indicators' periods). A period that
 * has not begun is bad input naming `period`.
 */
export function rankingSpan(code: string, endsOn: Weekday, today = todayInChina()): RankingSpan {
  const text = code.trim();
  const period = parsePeriod(text, 'period');
  if (period.from > today) throw badInput('period', `${period.label} has not begun (today is ${today}); ask for a period that has started`, 'PERIOD_IN_FUTURE');
  const granularity = granularityOf(text);
  if (granularity === SeriesGranularity.WEEK) return { ...rankingWeek(period.from, endsOn), period: text, label: period.label, indicatorPeriods: null };
  const before = parsePeriod(previous(granularity, text));
  return {
    weekStart: period.from,
    weekEnd: period.to,
    previousWeekStart: before.from,
    previousWeekEnd: before.to,
    period: text,
    label: period.label,
    indicatorPeriods: { current: text, previous: previous(granularity, text) },
  };
}
