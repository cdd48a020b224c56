import { addDays, addMonths, badInput, todayInChina } from '@jiuye/common';
import type { Sql } from '../db';
import { asOfDay, historyBegins, sqlAsOf } from '../history/as-of';
import { registryVillages, type Region } from '../region/region';
import { buildReadout, flowFigures, indicatorDates, periodFamily, villageFigures, type FlowPeriod, type IndicatorDates, type VillageFigures } from './indicator.service';
import { isoWeekOf, parsePeriod } from './period';
import { SeriesGranularity, SeriesStockSource, type IndicatorSeriesPoint } from './series.types';

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
function previous(granularity: SeriesGranularity, code: string): string {
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

/** The stock figures at the end of d's period from the history: the kept groups where its versions hold them. */
function villageFiguresAsOf(sql: Sql, d: IndicatorDates, today: string, groupsKeptFrom: Date): Promise<VillageFigures> {
  const asOf = asOfDay(d.asOf, today);
  return villageFigures(sqlAsOf(sql, asOf), d, { groupsKept: Date.parse(asOf.instant) >= groupsKeptFrom.getTime() });
}

const NOT_KNOWN = { value: null, suppressed: false };
const RATE_NOT_KNOWN = { value: null, numerator: null, denominator: null, suppressed: false };

/**
 * The points of a series for a region. SQL: one statement per flow for every period of every
 * point's calendar family together (flowFigures), the registry's villages once, the history's
 * start once, and per point the stock figures (villageFigures: today's state, or the state at
 * the period's end from the history, or nothing before the history). Each point is then cut from
 * its own period's suppressed tables, built exactly as indicators(period) builds them.
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
  const { firstDay, groupsKeptFrom } = await historyBegins(sql);
  const sources = dates.map((d) => (d.asOf === today ? SeriesStockSource.CURRENT : d.asOf >= firstDay ? SeriesStockSource.HISTORY : SeriesStockSource.BEFORE_HISTORY));
  const [villages, byPeriod, ...stocks] = await Promise.all([
    registryVillages(sql),
    flowFigures(sql, [...periods.values()]),
    ...dates.map((d, i) =>
      sources[i] === SeriesStockSource.CURRENT
        ? villageFigures(sql, d)
        : sources[i] === SeriesStockSource.HISTORY
          ? villageFiguresAsOf(sql, d, today, groupsKeptFrom)
          : Promise.resolve<VillageFigures>(new Map()),
    ),
  ]);
  const familyTables = new Map<string, unknown>();
  const points = dates.map((d, i): IndicatorSeriesPoint => {
    const x = buildReadout(d, families[i], stocks[i], villages, byPeriod, threshold, familyTables)(region);
    const known = sources[i] !== SeriesStockSource.BEFORE_HISTORY;
    return {
      period: x.period,
      stockSource: sources[i],
      newTransfers: x.newTransfers,
      trainingParticipants: x.training.participants,
      trainingEmployedWithin3Months: x.training.employedWithin3Months,
      subsidiesAmount: x.subsidies.totalAmount,
      subsidiesPeople: x.subsidies.totalPeople,
      verifiedShare: known ? x.verifiedShare : RATE_NOT_KNOWN,
      labourForce: known ? x.labourForce : NOT_KNOWN,
      employed: known ? x.employed : NOT_KNOWN,
      employmentRate: known ? x.employmentRate : RATE_NOT_KNOWN,
      transferByPlace: known ? x.transferByPlace : x.transferByPlace.map((place) => ({ ...place, people: NOT_KNOWN })),
      zeroEmploymentHouseholds: known ? x.zeroEmploymentHouseholds : NOT_KNOWN,
      welfarePostsFilled: known ? x.welfarePostsFilled : NOT_KNOWN,
    };
  });
  return { points, historyBeginsOn: firstDay };
}
