import { addDays, weekdayOf, type Weekday } from '@jiuye/common';

/** weekdayOf's numbering: Sunday 0 … Saturday 6. */
const DAY_NUMBER: Record<Weekday, number> = { SUNDAY: 0, MONDAY: 1, TUESDAY: 2, WEDNESDAY: 3, THURSDAY: 4, FRIDAY: 5, SATURDAY: 6 };

export interface RankingWeek {
  weekStart: string;
  weekEnd: string;
  previousWeekStart: string;
  previousWeekEnd: string;
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
