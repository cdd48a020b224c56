import { EmploymentPlaceVocabulary, RegionTree, SuppressedTable, TOTAL, type Equation } from '@jiuye/common';
import { placeColumn } from '../roster/village-counts';
import type { Region } from '../region/region.types';
import { POVERTY_GROUPS } from '../sql/conditions';
import type { IndicatorDates, PeriodFamily, StockFigures, VillageFigures } from './indicator.service';
import type { Indicators, PlaceCount, SubsidyIndicators, TrainingIndicators } from './indicator.types';
import { SeriesStockSource } from './stock-source';
import { publishedAmount, publishedCount, publishedRate } from './suppression';

/** 补贴类别 (hr's vocabulary; kept here as labels only, the graph exposes the code as a string). */
export const SUBSIDY_KIND_LABELS: Record<string, string> = {
  ONE_OFF_EMPLOYMENT: '一次性就业补贴',
  TRAVEL_FARE: '外出务工交通补助（单程车费）',
  TRAINING_LIVING: '培训期间生活费补贴',
  WELFARE_POST_ALLOWANCE: '公益性岗位补贴',
  ENTREPRENEURSHIP: '一次性创业补贴',
};

const PLACES = EmploymentPlaceVocabulary.values;

export type IndicatorFigures = Omit<Indicators, 'region' | 'freshness'>;

/** Figures of one region out of the period's tables (see indicator.service.ts indicatorTables). */
export type IndicatorReadout = (region: Region) => IndicatorFigures;

const STOCK_NOT_KNOWN = { value: null, suppressed: false };
const RATE_NOT_KNOWN = { value: null, numerator: null, denominator: null, suppressed: false };

/** The hierarchy a period's tables span: the registry's villages and every village a figure names, with their townships and county. */
export function readoutTree(villages: readonly string[], stocks: StockFigures, flows: readonly VillageFigures[]): RegionTree {
  return new RegionTree(new Set([...villages, ...stocks.figures.keys(), ...flows.flatMap((f) => [...f.keys()])]));
}

/**
 * The suppressed tables of one period out of figures already read: the stock and as-of figures
 * per village and where they come from (stockFigures), the registry's villages, and the flows of
 * (at least) every period of the period's family (flowFigures). Pure: no SQL. Before the history
 * begins every figure of villageFigures (stocks, and the rates over them or on the stock day:
 * retention, verifiedShare, jobFairIntentionRate) is null, not suppressed: not known.
 */
export function buildReadout(
  d: IndicatorDates,
  family: PeriodFamily,
  stocks: StockFigures,
  villages: readonly string[],
  byPeriod: ReadonlyMap<string, VillageFigures>,
  threshold: number,
  familyTables?: Map<string, unknown>,
): IndicatorReadout {
  const figures = stocks.figures;
  const flows = family.periods.map((p) => byPeriod.get(p.code) ?? new Map<string, Record<string, number>>());
  const tree = readoutTree(villages, stocks, flows);
  /**
   * A flow's tables depend on the family, its flows, the tree and the threshold only: periods of
   * one series that share them (the months of one year) share the tables (`familyTables`, one
   * request's), built once. The key holds the whole tree, so a different hierarchy never shares.
   */
  const familyKey = `${family.periods.map((p) => p.code).join(',')}|${threshold}|${tree.nodes.join(',')}`;
  const shared = <T>(name: string, build: () => T): T => {
    if (!familyTables) return build();
    const key = `${name}|${familyKey}`;
    if (!familyTables.has(key)) familyTables.set(key, build());
    return familyTables.get(key) as T;
  };
  const tables = new Map<string, SuppressedTable>();
  const once = (key: string, build: () => SuppressedTable) => tables.get(key) ?? tables.set(key, key.startsWith('flow:') ? shared(key, build) : build()).get(key)!;
  const column = (measure: string) => new Map([...figures].map(([village, row]) => [village, { [TOTAL]: row[measure] ?? 0 }]));
  const singleTable = (measure: string) => once(measure, () => new SuppressedTable(tree, column(measure), threshold));
  /** One flow's table over the region hierarchy × the period family. */
  const flowTable = (measure: string) =>
    once(`flow:${measure}`, () => {
      const units = new Map<string, Record<string, number>>();
      flows.forEach((f, i) => {
        for (const [village, row] of f) (units.get(village) ?? units.set(village, {}).get(village)!)[family.periods[i].code] = row[measure] ?? 0;
      });
      return new SuppressedTable(
        tree,
        units,
        threshold,
        family.periods.map((p) => p.code),
        { categoryEquations: family.equations },
      );
    });
  // Employed labourers by place: the places (and the unknown place) add up to employed, and so do
  // the poverty groups: one table, both sums, so neither breakdown gives a cell of the other away.
  const placeKeys = [...PLACES.map((place) => placeColumn(place)), 'able_employed_unknown_place'];
  const groups = POVERTY_GROUPS.map((g) => g.group);
  const employedByPlace = new SuppressedTable(
    tree,
    new Map(
      [...figures].map(([village, row]) => [
        village,
        { [TOTAL]: row.able_employed ?? 0, ...Object.fromEntries([...placeKeys, ...groups].map((k) => [k, row[placeKeys.includes(k) ? k : `able_employed:${k}`] ?? 0])) },
      ]),
    ),
    threshold,
    [TOTAL, ...placeKeys, ...groups],
    {
      categoryEquations: [
        { total: TOTAL, parts: placeKeys },
        { total: TOTAL, parts: groups },
      ],
    },
  );
  // Labour force by poverty group (the groups add up to it).
  const labourForceByGroup = new SuppressedTable(
    tree,
    new Map([...figures].map(([village, row]) => [village, { [TOTAL]: row.able_labourers ?? 0, ...Object.fromEntries(groups.map((g) => [g, row[`able_labourers:${g}`] ?? 0])) }])),
    threshold,
    groups,
  );
  const newTransfers = shared('new_transfers', () => flowBreakdownTable(tree, flows, family, 'new_transfers', groups, threshold));
  const subsidies = shared('subsidies', () => subsidyTables(tree, flows, family, threshold));

  const known = stocks.source !== SeriesStockSource.BEFORE_HISTORY;
  /** A stock (or a rate over one) as published, or not known before the history begins. */
  const stock = (value: number | null) => (known ? publishedCount(value) : STOCK_NOT_KNOWN);
  const stockRate = (numerator: number | null, denominator: number | null) => (known ? publishedRate(numerator, denominator) : RATE_NOT_KNOWN);

  return (region) => {
    const single = (measure: string) => singleTable(measure).published(region.code);
    const flow = (measure: string) => flowTable(measure).published(region.code, d.code);
    const transferByPlace: PlaceCount[] = [...PLACES, null].map((place, i) => ({
      place,
      label: place ? EmploymentPlaceVocabulary.labels[place] : '未登记就业地点',
      people: stock(employedByPlace.published(region.code, placeKeys[i])),
    }));
    const labourForce = labourForceByGroup.published(region.code);
    const employed = employedByPlace.published(region.code);
    const [participants, completions, mediumCompleted, mediumEmployed, reached] = ['participants', 'completions', 'medium_completed', 'medium_employed', 'reached'].map(flow);
    const trainingOut: TrainingIndicators = {
      participants: publishedCount(participants),
      completions: publishedCount(completions),
      mediumTermCompleted: publishedCount(mediumCompleted),
      employedWithin3Months: publishedCount(mediumEmployed),
      employedWithin3MonthsRate: publishedRate(mediumEmployed, mediumCompleted),
    };
    const [retained, retentionBase, verified, registry, seeking] = ['retained', 'retention_base', 'verified', 'real_name', 'employment_intention'].map(single);
    return {
      period: { code: d.code, label: d.label, from: d.from, to: d.to, asOf: d.asOf },
      stockSource: stocks.source,
      threshold,
      labourForce: stock(labourForce),
      employed: stock(employed),
      employmentRate: stockRate(employed, labourForce),
      transferByPlace,
      newTransfers: publishedCount(newTransfers(region.code, TOTAL, d.code)),
      zeroEmploymentHouseholds: stock(single('zero_employment_households')),
      byPovertyStatus: POVERTY_GROUPS.map((g) => {
        const [groupLabour, groupEmployed] = [labourForceByGroup.published(region.code, g.group), employedByPlace.published(region.code, g.group)];
        return {
          status: g.group,
          label: g.label,
          registeredPoor: g.registeredPoor,
          labourForce: stock(groupLabour),
          employed: stock(groupEmployed),
          employmentRate: stockRate(groupEmployed, groupLabour),
          newTransfers: publishedCount(newTransfers(region.code, g.group, d.code)),
        };
      }),
      welfarePostsDeveloped: stock(single('developed')),
      welfarePostsFilled: stock(single('filled')),
      training: trainingOut,
      subsidies: subsidies(region, d.code),
      retention: stockRate(retained, retentionBase),
      verifiedShare: stockRate(verified, registry),
      jobFairIntentionRate: stockRate(reached, seeking),
    };
  };
}

/**
 * A flow's cells over (TOTAL and parts) × the period family, as columns `part@period`: the sums
 * that tie them (TOTAL = Σ parts in every period, each part by the family's sums) and, for a
 * choice of value per (village row, part), the units (villages) of the table. Missing values are 0.
 */
function familyBreakdown(flows: readonly VillageFigures[], family: PeriodFamily, parts: readonly string[]) {
  const all = [TOTAL, ...parts];
  const cat = (part: string, code: string) => `${part}@${code}`;
  const categories = all.flatMap((part) => family.periods.map((p) => cat(part, p.code)));
  const equations: Equation[] = [
    ...family.periods.map((p) => ({ total: cat(TOTAL, p.code), parts: parts.map((part) => cat(part, p.code)) })),
    ...all.flatMap((part) => family.equations.map((e) => ({ total: cat(part, e.total), parts: e.parts.map((x) => cat(part, x)) }))),
  ];
  const units = (valueOf: (row: Record<string, number>, part: string) => number | undefined) => {
    const byVillage = new Map<string, Record<string, number>>();
    flows.forEach((f, i) => {
      for (const [village, row] of f) {
        const unit = byVillage.get(village) ?? byVillage.set(village, {}).get(village)!;
        for (const part of all) unit[cat(part, family.periods[i].code)] = valueOf(row, part) ?? 0;
      }
    });
    return byVillage;
  };
  return { categories, equations, units, cat };
}

/**
 * A flow broken down into parts that add up to it (e.g. new transfers by poverty group): one
 * table over the region hierarchy × (total and parts) × the period family, tied by total = Σ
 * parts in every period and by the family's sums in every part. Reads (node, part or TOTAL, period).
 */
function flowBreakdownTable(
  tree: RegionTree,
  flows: VillageFigures[],
  family: PeriodFamily,
  measure: string,
  parts: readonly string[],
  threshold: number,
): (node: string, part: string, period: string) => number | null {
  const { categories, equations, units, cat } = familyBreakdown(flows, family, parts);
  const table = new SuppressedTable(
    tree,
    units((row, part) => row[part === TOTAL ? measure : `${measure}:${part}`]),
    threshold,
    categories,
    { categoryEquations: equations },
  );
  return (node, part, period) => table.published(node, cat(part, period));
}

/**
 * Subsidies: people per kind are distinct workers (a worker paid two kinds counts in both), so
 * the kinds add up to at least totalPeople — and exactly, unless somebody was paid two kinds:
 * the bound totalPeople − Σ other kinds is tight enough to treat as an equation, so it is one.
 * Amounts add up exactly. Both are tables over the region hierarchy × kind × the period family;
 * an amount is withheld exactly where its people are (the same cells and sums: the same pattern).
 */
function subsidyTables(tree: RegionTree, flows: VillageFigures[], family: PeriodFamily, threshold: number): (region: Region, period: string) => SubsidyIndicators {
  const seen = new Set<string>();
  for (const f of flows) for (const row of f.values()) for (const key of Object.keys(row)) if (key.startsWith('people:') && key !== `people:${TOTAL}`) seen.add(key.slice(7));
  const kinds = [...Object.keys(SUBSIDY_KIND_LABELS), ...[...seen].filter((k) => !(k in SUBSIDY_KIND_LABELS)).sort()];
  const { categories, equations, units, cat } = familyBreakdown(flows, family, kinds);
  const part = (prefix: string) => units((row, kind) => row[`${prefix}:${kind}`]);
  const people = new SuppressedTable(tree, part('people'), threshold, categories, { categoryEquations: equations });
  // The amounts have the same cells and sums as the people they were paid to: the same pattern protects them.
  const amounts = new SuppressedTable(tree, part('amount'), threshold, categories, { categoryEquations: equations, sameAs: people });
  return (region, period) => ({
    byKind: kinds.map((kind) => ({
      kind,
      label: SUBSIDY_KIND_LABELS[kind] ?? kind,
      amount: publishedAmount(amounts.published(region.code, cat(kind, period))),
      people: publishedCount(people.published(region.code, cat(kind, period))),
    })),
    totalAmount: publishedAmount(amounts.published(region.code, cat(TOTAL, period))),
    totalPeople: publishedCount(people.published(region.code, cat(TOTAL, period))),
  });
}
