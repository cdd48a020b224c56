import type { Sql } from '../db';
import { todayInChina } from '@jiuye/common';
import { historyBegins } from '../history/as-of';
import { flowFigures, indicatorDates, stockFigures, type IndicatorFigures, type IndicatorReadout } from '../indicator/indicator.service';
import { sharedIndicatorTables } from '../indicator/kept';
import { SeriesStockSource } from '../indicator/stock-source';
import { POVERTY_GROUPS } from '../sql/conditions';
import type { TargetMeasure } from './target.types';

/**
 * A figure over regions: a division (everything inside it) or any set of villages (a responsible
 * unit's). null = withheld (dashboards). Department staff get exact counts, read with the
 * indicators' own SQL (indicator.service.ts flowFigures / villageFigures) and added up over
 * villages as the indicators add them; dashboards get the indicators' published cells — the same
 * suppressed tables Query.indicators reads — and a set of villages only when every one of its
 * villages is published (a sum of published cells gives nothing away).
 */
export interface Cells {
  of(code: string): number | null;
  ofVillages(codes: readonly string[]): number | null;
}

/** 建档立卡: the poverty groups counted as 贫困劳动力 (sql/conditions.ts POVERTY_GROUPS). */
const REGISTERED_POOR_GROUPS = POVERTY_GROUPS.filter((g) => g.registeredPoor).map((g) => g.group);

/** A sum of cells, withheld when any is (a sum of published cells gives nothing away). */
const sumOf = (values: (number | null)[]) => (values.some((v) => v === null) ? null : values.reduce<number>((s, v) => s + v!, 0));

/** The indicator a measure counts: a flow within the period, or (WELFARE_POSTS, EMPLOYED_POOR_LABOURERS) a stock on its stock day. */
const FLOW_KEY: Partial<Record<TargetMeasure, string>> = { NEW_TRANSFERS: 'new_transfers', TRAINING_PLACES: 'participants' };

export function exactCells(perVillage: ReadonlyMap<string, number>): Cells {
  return {
    of: (code) => {
      let sum = 0;
      for (const [village, n] of perVillage) if (village.startsWith(code)) sum += n;
      return sum;
    },
    ofVillages: (codes) => codes.reduce((sum, code) => sum + (perVillage.get(code) ?? 0), 0),
  };
}

export function publishedCells(read: (code: string) => number | null): Cells {
  return {
    of: read,
    ofVillages: (codes) => {
      let sum = 0;
      for (const code of codes) {
        const value = read(code);
        if (value === null) return null;
        sum += value;
      }
      return sum;
    },
  };
}

/** Cells of a figure not known (a stock of a period that ended before the read model's history begins). */
const NOT_KNOWN: Cells = { of: () => null, ofVillages: () => null };

/** A period's stock figures from where the indicators take them (indicator.service.ts stockFigures). */
async function periodStocks(sql: Sql, period: string) {
  const today = todayInChina();
  return stockFigures(sql, indicatorDates(period, today), today, await historyBegins(sql));
}

/** Exact figures of a measure between two days (flows) or on the stock day of a period (welfare posts). */
export async function exactActuals(sql: Sql, measure: TargetMeasure, period: { code: string; from: string; to: string }): Promise<Cells> {
  const perVillage = new Map<string, number>();
  const key = FLOW_KEY[measure];
  if (key) {
    const flows = (await flowFigures(sql, [period])).get(period.code)!;
    for (const [village, row] of flows) perVillage.set(village, row[key] ?? 0);
  } else {
    // A stock on the period's stock day, from where the indicators take it: not known before the history begins.
    const { source, figures } = await periodStocks(sql, period.code);
    if (source === SeriesStockSource.BEFORE_HISTORY) return NOT_KNOWN;
    for (const [village, row] of figures)
      perVillage.set(village, measure === 'WELFARE_POSTS' ? (row.filled ?? 0) : sumOf(REGISTERED_POOR_GROUPS.map((g) => row[`able_employed:${g}`] ?? 0))!);
  }
  return exactCells(perVillage);
}

/** The cell of a measure in one region's indicators. */
export function measureCell(figures: IndicatorFigures, measure: TargetMeasure): number | null {
  switch (measure) {
    case 'NEW_TRANSFERS':
      return figures.newTransfers.value;
    case 'TRAINING_PLACES':
      return figures.training.participants.value;
    case 'WELFARE_POSTS':
      return figures.welfarePostsFilled.value;
    case 'EMPLOYED_POOR_LABOURERS':
      return sumOf(figures.byPovertyStatus.filter((g) => g.registeredPoor).map((g) => g.employed.value));
  }
}

/** A readout's figures of any code (only the code is read). */
export const figuresOf = (readout: IndicatorReadout, code: string): IndicatorFigures => readout({ code, name: code, level: '' });

/** The published figures of a measure for an indicator period (dashboards). */
export async function publishedActuals(sql: Sql, measure: TargetMeasure, period: string, threshold: number): Promise<Cells> {
  const readout = await sharedIndicatorTables(sql, period, threshold);
  return publishedCells((code) => measureCell(figuresOf(readout, code), measure));
}

/** Retention (稳岗率) as the indicators count it on a period's stock day: retained and base, exact. */
export async function exactRetention(sql: Sql, period: string): Promise<{ retained: Cells; base: Cells }> {
  const { source, figures } = await periodStocks(sql, period);
  if (source === SeriesStockSource.BEFORE_HISTORY) return { retained: NOT_KNOWN, base: NOT_KNOWN };
  const pick = (key: string) => new Map([...figures].map(([village, row]) => [village, row[key] ?? 0]));
  return { retained: exactCells(pick('retained')), base: exactCells(pick('retention_base')) };
}

/** Retention as the indicators publish it (dashboards): numerator and denominator, withheld together. */
export async function publishedRetention(sql: Sql, period: string, threshold: number): Promise<{ retained: Cells; base: Cells }> {
  const readout = await sharedIndicatorTables(sql, period, threshold);
  return {
    retained: publishedCells((code) => figuresOf(readout, code).retention.numerator),
    base: publishedCells((code) => figuresOf(readout, code).retention.denominator),
  };
}

/** actual ÷ target; null without a target, with a target of 0, or with the actual withheld. */
export function completionRate(actual: number | null, target: number | null): number | null {
  return actual === null || target === null || target === 0 ? null : actual / target;
}

/** Standard competition ranks ("1224") of the rows with a rate, highest first; the others get null. */
export function competitionRanks(rates: readonly (number | null)[]): (number | null)[] {
  const present = rates.filter((r): r is number => r !== null);
  return rates.map((rate) => (rate === null ? null : 1 + present.filter((other) => other > rate).length));
}
