import { addDays, addMonths, badInput, todayInChina } from '@jiuye/common';
import type { Sql } from '../db';
import { historyBegins } from '../history/as-of';
import { registryVillages } from '../region/region.service';
import type { Region } from '../region/region.types';
import { flowFigures, indicatorDates, periodFamily, stockFigures, type FlowPeriod } from './indicator.service';
import { buildReadoutsOffThread } from './readout-thread';
import { isoWeekOf, parsePeriod } from './period';
import { SeriesGranularity, type IndicatorSeriesPoint } from './series.types';

/** At most this many periods in one series (the cost model's LIST_SIZES 'IndicatorSeries.points'). */
export const MAX_SERIES_POINTS = 24;
export const DEFAULT_SERIES_POINTS = 12;

export function granularityOf(code: string): SeriesGranularity {
  if (code.includes('W')) return SeriesGranularity.WEEK;
  if (code.includes('Q')) return SeriesGranularity.QUARTER;
  return code.length === 4 ? SeriesGranularity.YEAR : SeriesGranularity.MONTH;
}

/** The period of a granularity that holds a day. */
function periodOf(granularity: SeriesGranularity, day: string): string {
  const month = Number(day.slice(5, 7));
  switch (granularity) {
    case SeriesGranularity.WEEK:
      return isoWeekOf(day);
    case SeriesGranularity.MONTH:
      return day.slice(0, 7);
    case SeriesGranularity.QUARTER:
      return `${day.slice(0, 4)}-Q${Math.ceil(month / 3)}`;
    case SeriesGranularity.YEAR:
      return day.slice(0, 4);
  }
}

/** The period before one (same granularity). */
export function previous(granularity: SeriesGranularity, code: string): string {
  const { from } = parsePeriod(code);
  const back = { WEEK: addDays(from, -7), MONTH: addMonths(from, -1), QUARTER: addMonths(from, -3), YEAR: addMonths(from, -12) }[granularity];
  return periodOf(granularity, back);
}

/**
 * The series' period codes, oldest first: `count` periods ending with `endingWith` (default the
 * running one). Bad input names the argument: a count outside 1…24, an endingWith that is not a
 * period of the granularity or has not begun, a series reaching before 2000.
 */
export function seriesPeriods(granularity: SeriesGranularity, count: number, endingWith: string | null | undefined, today = todayInChina()): string[] {
  if (!Number.isInteger(count) || count < 1 || count > MAX_SERIES_POINTS) throw badInput('count', `expected 1 to ${MAX_SERIES_POINTS} periods, got ${count}`, 'SERIES_COUNT');
  const last = endingWith == null || endingWith.trim() === '' ? periodOf(granularity, today) : endingWith.trim();
  const period = parsePeriod(last, 'endingWith');
  if (granularityOf(last) !== granularity)
    throw badInput('endingWith', `'${last}' is not a ${granularity.toLowerCase()}; give a period of the series' granularity`, 'SERIES_PERIOD');
  if (period.from > today) throw badInput('endingWith', `${period.label} has not begun (today is ${today})`, 'PERIOD_IN_FUTURE');
  const codes = [last];
  while (codes.length < count) {
    const before = previous(granularity, codes[0]);
    if (Number(before.slice(0, 4)) < 2000) throw badInput('count', `the series would reach before 2000; ask for fewer periods`, 'SERIES_COUNT');
    codes.unshift(before);
  }
  return codes;
}

/**
 * The points of a series for a region. SQL: one statement per flow for every period of every
 * point's calendar family together (flowFigures), the registry's villages once, the history's
 * start once, and per point the stock figures (stockFigures: today's state, or the state at
 * the period's end from the history, or not known before the history). Each point is then cut
 * from its own period's suppressed tables, built exactly as indicators(period) builds them.
 */
export async function indicatorSeriesPoints(
  sql: Sql,
  region: Region,
  granularity: SeriesGranularity,
  count: number,
  endingWith: string | null | undefined,
  threshold: number,
): Promise<{ points: IndicatorSeriesPoint[]; historyBeginsOn: string }> {
  const today = todayInChina();
  const codes = seriesPeriods(granularity, count, endingWith, today);
  const dates = codes.map((code) => indicatorDates(code, today));
  const families = dates.map(periodFamily);
  const periods = new Map<string, FlowPeriod>();
  for (const family of families) for (const p of family.periods) if (p.from <= today) periods.set(p.code, p);
  const history = await historyBegins(sql);
  const [villages, byPeriod, ...stocks] = await Promise.all([
    registryVillages(sql),
    flowFigures(sql, [...periods.values()]),
    ...dates.map((d) => stockFigures(sql, d, today, history)),
  ]);
  // Each point is what indicators(region, period) answers for its period: the same stocks, flows
  // and tables (the periods of one family share its flow tables), the patterns decided off the event loop.
  const readouts = await buildReadoutsOffThread(dates.map((d, i) => ({ d, family: families[i], stocks: stocks[i], villages, byPeriod, threshold })));
  const points = dates.map((d, i): IndicatorSeriesPoint => {
    const x = readouts[i](region);
    return {
      period: x.period,
      stockSource: x.stockSource,
      newTransfers: x.newTransfers,
      trainingParticipants: x.training.participants,
      trainingEmployedWithin3Months: x.training.employedWithin3Months,
      subsidiesAmount: x.subsidies.totalAmount,
      subsidiesPeople: x.subsidies.totalPeople,
      verifiedShare: x.verifiedShare,
      labourForce: x.labourForce,
      employed: x.employed,
      employmentRate: x.employmentRate,
      transferByPlace: x.transferByPlace,
      zeroEmploymentHouseholds: x.zeroEmploymentHouseholds,
      welfarePostsFilled: x.welfarePostsFilled,
    };
  });
  return { points, historyBeginsOn: history.firstDay };
}
